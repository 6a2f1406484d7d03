// The dyad view: for two actors, their events per period (bars: reported, and the rest lighter)
// and the mean Goldstein score of the reported ones (the line), with the events behind a point.
import { useEffect, useState } from 'preact/hooks';
import { api, seg } from '../api.ts';
import { href, withParams, type Route } from '../router.ts';
import { useApi } from '../use-api.ts';
import { EventItem, Status, goldsteinColour } from '../ui.tsx';
import type { Actor, DyadPoint, EventRow } from '../types.ts';

interface Series { a: Actor; b: Actor; interval: string; points: DyadPoint[] }
interface EventReply { event: EventRow['event']; doc: { id: string; meta: { outlet?: string; published?: string } }; sentence?: { text: string } }

const W = 760;
const H = 300;
const PAD = { left: 44, right: 44, top: 16, bottom: 40 };

function Chart({ s, selected, onPick }: { s: Series; selected?: string; onPick: (p: DyadPoint) => void }) {
  const n = s.points.length;
  const maxCount = Math.max(1, ...s.points.map((p) => p.events));
  const band = (W - PAD.left - PAD.right) / Math.max(1, n);
  const x = (i: number) => PAD.left + band * (i + 0.5);
  const yCount = (c: number) => H - PAD.bottom - (c / maxCount) * (H - PAD.top - PAD.bottom);
  const yG = (g: number) => PAD.top + ((10 - g) / 20) * (H - PAD.top - PAD.bottom);
  const scored = s.points.map((p, i) => ({ p, i })).filter((q) => q.p.meanGoldstein !== null);
  return (
    <svg viewBox={`0 0 ${W} ${H}`} data-testid="dyad-chart" role="group" aria-label={`Events and Goldstein scores between ${s.a.name} and ${s.b.name}`}>
      <line class="axis" x1={PAD.left} x2={W - PAD.right} y1={yG(0)} y2={yG(0)} />
      {[-10, -5, 0, 5, 10].map((g) => <text key={g} class="axis-label" x={W - PAD.right + 6} y={yG(g) + 4}>{g > 0 ? `+${g}` : g}</text>)}
      <text class="axis-label" x={W - 4} y={PAD.top - 4} text-anchor="end">Goldstein</text>
      {[0, maxCount].map((c) => <text key={c} class="axis-label" x={PAD.left - 6} y={yCount(c) + 4} text-anchor="end">{c}</text>)}
      <text class="axis-label" x={4} y={PAD.top - 4}>events</text>
      {s.points.map((p, i) => {
        const bw = Math.min(40, band * 0.6);
        const label = `${p.period}: ${p.events} events, ${p.asserted} reported, mean Goldstein ${p.meanGoldstein ?? 'none'}`;
        const pick = () => onPick(p);
        return (
          <g key={p.period} class={`point${selected === p.period ? ' selected' : ''}`} tabindex={0} role="button" aria-label={label} data-period={p.period}
            onClick={pick} onKeyDown={(ev) => { if (ev.key === 'Enter' || ev.key === ' ') { ev.preventDefault(); pick(); } }}>
            <title>{label}</title>
            <rect class="bar-hit" x={x(i) - band / 2} y={PAD.top} width={band} height={H - PAD.top - PAD.bottom} />
            <rect class="bar other" x={x(i) - bw / 2} y={yCount(p.events)} width={bw} height={yCount(0) - yCount(p.events)} />
            <rect class="bar asserted" x={x(i) - bw / 2} y={yCount(p.asserted)} width={bw} height={yCount(0) - yCount(p.asserted)} />
            <text class="axis-label" x={x(i)} y={H - PAD.bottom + 16} text-anchor="middle">{p.period}</text>
          </g>
        );
      })}
      <polyline class="gline" points={scored.map(({ p, i }) => `${x(i)},${yG(p.meanGoldstein!)}`).join(' ')} />
      {scored.map(({ p, i }) => <circle key={p.period} class="gdot" cx={x(i)} cy={yG(p.meanGoldstein!)} r={5} fill={goldsteinColour(p.meanGoldstein)} />)}
    </svg>
  );
}

function PickActors({ route }: { route: Route }) {
  const [a, b] = route.parts;
  return (
    <form class="filters" key={route.parts.join('|')} onSubmit={(ev) => {
      ev.preventDefault();
      const f = new FormData(ev.currentTarget);
      const [x, y] = [f.get('a')?.toString().trim(), f.get('b')?.toString().trim()];
      if (x && y) location.hash = href('dyad', [x, y], Object.fromEntries(route.params));
    }}>
      <label>Actor <input name="a" required defaultValue={a ?? ''} placeholder="name, code or id" /></label>
      <label>and <input name="b" required defaultValue={b ?? ''} placeholder="name, code or id" /></label>
      <label>per <select name="interval" value={route.params.get('interval') ?? 'month'} onChange={(ev) => { location.hash = withParams(route, { interval: (ev.currentTarget as HTMLSelectElement).value }); }}>
        <option value="day">day</option><option value="week">week</option><option value="month">month</option>
      </select></label>
      <button type="submit">Show</button>
    </form>
  );
}

export function Dyad({ route }: { route: Route }) {
  const [a, b] = route.parts;
  const interval = route.params.get('interval') ?? 'month';
  const series = useApi<Series>(a && b ? `/dyads/${seg(a)}/${seg(b)}/series` : null, { interval });
  const period = route.params.get('period') ?? undefined;
  const point = series.data?.points.find((p) => p.period === period);
  const [rows, setRows] = useState<EventRow[] | undefined>();
  useEffect(() => {
    if (!point) { setRows(undefined); return; }
    let live = true;
    Promise.all(point.eventIds.slice(0, 50).map((id) => api<EventReply>(`/events/${seg(id)}`))).then((all) => {
      if (live) setRows(all.map((r) => ({ doc: r.doc.id, outlet: r.doc.meta.outlet, published: r.doc.meta.published, sentence: r.sentence?.text ?? '', event: r.event })));
    }, () => { if (live) setRows([]); });
    return () => { live = false; };
  }, [point?.period, series.data]);
  const names = series.data ? { [series.data.a.id]: series.data.a.name, [series.data.b.id]: series.data.b.name } : {};

  return (
    <div class="dyad">
      <h1>Dyad{series.data ? `: ${series.data.a.name} and ${series.data.b.name}` : ''}</h1>
      <PickActors route={route} />
      {!(a && b) && <p class="muted">Name two actors (e.g. Russia and Lithuania), or open a relation from the network or an actor page.</p>}
      <Status state={series} what="the series" />
      {series.data && (series.data.points.length === 0 ? <p>No events between these two actors.</p> : (
        <div class="split">
          <figure class="chart">
            <Chart s={series.data} selected={period} onPick={(p) => { location.hash = withParams(route, { period: p.period }); }} />
            <figcaption class="muted">Bars: events per {interval} (dark: reported as having happened; light: hypothetical, recommended, predicted or denied). Dots and line: mean Goldstein score of the reported events, −10 conflict to +10 cooperation. Select a period to list its events.</figcaption>
          </figure>
          <aside class="panel" aria-live="polite">
            {point ? (
              <>
                <h2>{point.period}: {point.events} event{point.events === 1 ? '' : 's'}</h2>
                {!rows && <p class="loading">Loading events…</p>}
                <ul class="events" data-testid="dyad-events">{rows?.map((r) => <EventItem key={r.event.id} row={r} names={names} />)}</ul>
              </>
            ) : <p class="muted">Select a period to see the events behind it.</p>}
          </aside>
        </div>
      ))}
    </div>
  );
}
