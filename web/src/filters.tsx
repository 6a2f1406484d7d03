// The event filters several views share (time window, event type, modality, outlet): a form
// whose values live in the URL, so that a filtered view can be shared as it is.
import { href, type Route } from './router.ts';
import { useApi } from './use-api.ts';
import type { OutletRow } from './types.ts';

export { PLOVER_TYPES as PLOVER } from '../../src/model/types.ts';
import { PLOVER_TYPES as PLOVER } from '../../src/model/types.ts';
export const MODALITIES = ['asserted', 'negated', 'hypothetical', 'recommended', 'predicted'];
export const FILTER_KEYS = ['since', 'until', 'type', 'modality', 'outlet'] as const;

/** The filters of a route as API parameters. */
export function filterParams(route: Route): Record<string, string | undefined> {
  return Object.fromEntries(FILTER_KEYS.map((k) => [k, route.params.get(k) ?? undefined]));
}

export function Filters({ route, keep = [] }: { route: Route; keep?: string[] }) {
  const outlets = useApi<{ items: OutletRow[] }>('/outlets');
  const p = route.params;
  const submit = (ev: Event) => {
    ev.preventDefault();
    const f = new FormData(ev.currentTarget as HTMLFormElement);
    const params: Record<string, string | undefined> = {};
    for (const k of keep) params[k] = p.get(k) ?? undefined;
    for (const k of FILTER_KEYS) params[k] = f.get(k)?.toString().trim() || undefined;
    location.hash = href(route.view, route.parts, params);
  };
  return (
    <form class="filters" key={`${outlets.data ? 1 : 0}${p}`} onSubmit={submit} aria-label="Filters">
      <label>From <input name="since" placeholder="YYYY-MM-DD" pattern="\d{4}(-\d{2}(-\d{2})?)?" defaultValue={p.get('since') ?? ''} size={10} /></label>
      <label>To <input name="until" placeholder="YYYY-MM-DD" pattern="\d{4}(-\d{2}(-\d{2})?)?" defaultValue={p.get('until') ?? ''} size={10} /></label>
      <label>Event type <select name="type" value={p.get('type') ?? ''}>
        <option value="">any</option>
        {PLOVER.map((t) => <option key={t} value={t}>{t}</option>)}
      </select></label>
      <label>Modality <select name="modality" value={p.get('modality') ?? ''}>
        <option value="">any</option>
        {MODALITIES.map((m) => <option key={m} value={m}>{m}</option>)}
      </select></label>
      <label>Outlet <select name="outlet" value={p.get('outlet') ?? ''}>
        <option value="">any</option>
        {outlets.data?.items.map((o) => <option key={o.outlet} value={o.outlet}>{o.outlet}</option>)}
      </select></label>
      <button type="submit">Apply</button>
      <a href={href(route.view, route.parts)}>Reset</a>
    </form>
  );
}
