// The timeline: events on a time axis, one band per storyline. A date the text gives only
// loosely ('in March', 'last year') is drawn as a bar over the whole interval; events that are
// hypothetical, recommended, predicted or denied sit in a lower lane of their band, hollow,
// apart from those reported as having happened.
import { useEffect, useState } from 'preact/hooks';
import { api, seg } from '../api.ts';
import { href, withParams, type Route } from '../router.ts';
import { useApi } from '../use-api.ts';
import { EventItem, ModalityTag, Status, eventDay } from '../ui.tsx';
import { dayText, isInterval, periodOf, spanOf, ticks } from '../dates.ts';
import { Filters, filterParams } from '../filters.tsx';
import type { EventRow, Page } from '../types.ts';

interface StorylineSummary { id: string; label: string; actors: string[]; events: number; documents: number }
interface Band { id: string; label: string; rows: EventRow[] }

const WIDTH = 900;
const LEFT = 8;
/** Where the time axis starts: room for the lane names on the left. */
const AXIS = 96;
const LANE = 22;
const BAND_TOP = 26;

/** Storylines shown at once: each is one request. */
const BANDS = 12;

export function Timeline({ route }: { route: Route }) {
  const only = route.params.get('storyline') ?? undefined;
  const list = useApi<Page<StorylineSummary>>(only ? null : '/storylines', { limit: BANDS });
  const [bands, setBands] = useState<Band[] | undefined>();
  const [error, setError] = useState<string | undefined>();
  const selectedId = route.params.get('event') ?? undefined;

  useEffect(() => {
    let live = true;
    const ids = only ? [only] : list.data?.items.map((s) => s.id);
    if (!ids) return;
    setBands(undefined);
    Promise.all(ids.map((id) => api<{ storyline: { id: string; label: string }; events: EventRow[] }>(`/storylines/${seg(id)}`)))
      .then((all) => { if (live) setBands(all.map((s) => ({ id: s.storyline.id, label: s.storyline.label, rows: s.events }))); },
        (err: Error) => { if (live) setError(err.message); });
    return () => { live = false; };
  }, [only, list.data]);

  // The filters apply to the events already loaded: a storyline's events are few.
  const f = filterParams(route);
  const [since, until] = [f.since ? periodOf(f.since)?.[0] : undefined, f.until ? periodOf(f.until)?.[1] : undefined];
  const keep = (row: EventRow, span: [number, number]) => (!f.type || f.type.split(',').includes(row.event.type))
    && (!f.modality || f.modality.split(',').includes(row.event.modality)) && (!f.outlet || row.outlet === f.outlet)
    && (since === undefined || span[1] > since) && (until === undefined || span[0] < until);
  const placed = (bands ?? []).map((b) => ({
    ...b,
    marks: b.rows.map((row) => {
      const d = eventDay(row.event, row.published);
      const span = d.start ? spanOf(d.start, d.end) : undefined;
      return { row, span, from: d.from };
    }).filter((m) => m.span && keep(m.row, m.span)) as { row: EventRow; span: [number, number]; from: string }[],
  })).filter((b) => b.marks.length);
  const times = placed.flatMap((b) => b.marks.flatMap((m) => m.span));
  const [t0, t1] = times.length ? [Math.min(...times), Math.max(...times)] : [0, 1];
  const pad = Math.max((t1 - t0) * 0.03, 86_400_000);
  const [from, to] = [t0 - pad, t1 + pad];
  const x = (t: number) => AXIS + ((t - from) / (to - from)) * (WIDTH - AXIS - LEFT);
  const bandHeight = BAND_TOP + 2 * LANE + 8;
  const selected = placed.flatMap((b) => b.marks).find((m) => m.row.event.id === selectedId);

  return (
    <div class="timeline">
      <h1>Timeline</h1>
      {only && <p><a href={href('timeline')}>All storylines</a> · <a href={href('compare', [only])}>Compare the outlets on this storyline</a></p>}
      <Filters route={route} keep={['storyline']} />
      <Status state={list} what="storylines" />
      {error && <p class="error" role="alert">Could not load the storylines: {error}</p>}
      {!bands && !error && <p class="loading">Loading events…</p>}
      {bands && placed.length === 0 && <p>No event of these storylines passes the filters.</p>}
      {bands && placed.length > 0 && (
        <div class="split">
          <figure class="chart">
            <svg viewBox={`0 0 ${WIDTH} ${placed.length * bandHeight + 30}`} data-testid="timeline" role="group" aria-label="Events over time by storyline">
              {ticks(from, to).map((t) => (
                <g key={t.at} class="tick">
                  <line x1={x(t.at)} x2={x(t.at)} y1={0} y2={placed.length * bandHeight} />
                  <text x={x(t.at)} y={placed.length * bandHeight + 16} text-anchor="middle">{t.label}</text>
                </g>
              ))}
              {placed.map((b, i) => {
                const top = i * bandHeight;
                return (
                  <g key={b.id} class="band">
                    <rect class="band-bg" x={0} y={top + 2} width={WIDTH} height={bandHeight - 4} />
                    <text class="band-label" x={LEFT} y={top + 17}>{b.label}</text>
                    <text class="lane-label" x={LEFT} y={top + BAND_TOP + 14}>reported</text>
                    <text class="lane-label" x={LEFT} y={top + BAND_TOP + LANE + 14}>not asserted</text>
                    {b.marks.map((m) => {
                      const e = m.row.event;
                      const asserted = e.modality === 'asserted';
                      const y = top + BAND_TOP + (asserted ? 0 : LANE) + LANE / 2;
                      const label = `${e.type} (${e.modality}) ${m.row.sentence}`;
                      const pick = () => { location.hash = withParams(route, { event: e.id }); };
                      const common = {
                        class: `mark mod-${e.modality}${e.id === selectedId ? ' selected' : ''}`, tabindex: 0, role: 'button' as const, 'aria-label': label, 'data-event': e.id, 'data-end': dayText(m.span[1] - 1),
                        onClick: pick, onKeyDown: (ev: KeyboardEvent) => { if (ev.key === 'Enter' || ev.key === ' ') { ev.preventDefault(); pick(); } },
                      };
                      return isInterval(m.span) ? (
                        <rect key={e.id} {...common} x={x(m.span[0])} y={y - 5} width={Math.max(6, x(m.span[1]) - x(m.span[0]))} height={10} rx={4}><title>{label}</title></rect>
                      ) : (
                        <circle key={e.id} {...common} cx={x((m.span[0] + m.span[1]) / 2)} cy={y} r={6}><title>{label}</title></circle>
                      );
                    })}
                  </g>
                );
              })}
            </svg>
            <figcaption class="muted">Dots: events dated to a day; bars: dates the text gives only as a month, a year or a range. Filled: reported as having happened; hollow, lower lane: hypothetical, recommended, predicted or denied. Events without a date in the text are placed on their publication day.</figcaption>
          </figure>
          <aside class="panel" aria-live="polite">
            {selected ? (
              <>
                <h2>{selected.row.event.type} <ModalityTag m={selected.row.event.modality} /></h2>
                <ul class="events"><EventItem row={selected.row} /></ul>
              </>
            ) : <p class="muted">Select an event (click, or Tab and Enter) to read its sentence.</p>}
          </aside>
        </div>
      )}
    </div>
  );
}
