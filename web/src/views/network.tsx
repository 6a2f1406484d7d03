// The network: actors as nodes (sized by their events), each pair that deals with each other as
// an edge coloured from conflict (red) to cooperation (blue) by the mean Goldstein score of its
// asserted events and as thick as its event count. Selecting an edge lists its events.
import { href, withParams, type Route } from '../router.ts';
import { useApi } from '../use-api.ts';
import { EventItem, Status, goldsteinColour } from '../ui.tsx';
import { Filters, filterParams } from '../filters.tsx';
import type { EventRow, NetworkEdge, NetworkNode, Page } from '../types.ts';

interface NetworkReply { nodes: NetworkNode[]; edges: NetworkEdge[]; eventsCounted: number; eventsTruncated: boolean }

const WIDTH = 960;
const HEIGHT = 620;
/** An ellipse wider than tall: room on both sides for the names. */
const RX = 270;
const RY = 260;
const LABEL = 30;

/** Nodes on a circle, the busiest first, so that the layout is the same on every load. */
function layout(nodes: NetworkNode[]): Map<string, { x: number; y: number; angle: number }> {
  const at = new Map<string, { x: number; y: number; angle: number }>();
  nodes.forEach((n, i) => {
    const angle = (2 * Math.PI * i) / nodes.length - Math.PI / 2;
    at.set(n.id, { x: WIDTH / 2 + RX * Math.cos(angle), y: HEIGHT / 2 + RY * Math.sin(angle), angle });
  });
  return at;
}

function Legend() {
  return (
    <div class="legend" aria-label="Edge colours">
      <span>conflict</span>
      {[-10, -6, -3, 0, 3, 6, 10].map((g) => <span key={g} class="swatch" style={{ background: goldsteinColour(g) }} title={`Goldstein ${g}`} />)}
      <span>cooperation</span>
      <span class="muted"> · grey dashed: nothing asserted · width: events</span>
    </div>
  );
}

export function Network({ route }: { route: Route }) {
  const filters = filterParams(route);
  const state = useApi<NetworkReply>('/network', filters);
  const edgeParam = route.params.get('edge');
  const [ea, eb] = edgeParam ? edgeParam.split(',') : [];
  const events = useApi<Page<EventRow>>(edgeParam ? '/events' : null, { ...filters, dyad: [ea, eb], limit: 100 });
  const data = state.data;
  const at = data ? layout(data.nodes) : new Map();
  const names = Object.fromEntries((data?.nodes ?? []).map((n) => [n.id, n.name]));
  const maxEdge = Math.max(1, ...(data?.edges.map((e) => e.events) ?? [1]));
  const maxNode = Math.max(1, ...(data?.nodes.map((n) => n.events) ?? [1]));
  const pick = (e: NetworkEdge) => { location.hash = withParams(route, { edge: `${e.a},${e.b}` }); };

  return (
    <div class="network">
      <h1>Network</h1>
      <Filters route={route} />
      <Status state={state} what="the network" />
      {data && (
        <div class="split">
          <figure class="chart">
            <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="group" aria-label={`Network of ${data.nodes.length} actors and ${data.edges.length} relations`} data-testid="network">
              {data.edges.map((e) => {
                const [p, q] = [at.get(e.a)!, at.get(e.b)!];
                const selected = edgeParam === `${e.a},${e.b}`;
                const label = `${names[e.a]} – ${names[e.b]}: ${e.events} event${e.events === 1 ? '' : 's'}, ${e.asserted} asserted, mean Goldstein ${e.meanGoldstein ?? 'none'}`;
                return (
                  <g key={`${e.a}|${e.b}`} class={`edge${selected ? ' selected' : ''}`} tabindex={0} role="button" aria-label={label} aria-pressed={selected}
                    data-edge={`${e.a},${e.b}`}
                    onClick={() => pick(e)} onKeyDown={(ev) => { if (ev.key === 'Enter' || ev.key === ' ') { ev.preventDefault(); pick(e); } }}>
                    <title>{label}</title>
                    <line class="hit" x1={p.x} y1={p.y} x2={q.x} y2={q.y} />
                    <line x1={p.x} y1={p.y} x2={q.x} y2={q.y} stroke={goldsteinColour(e.meanGoldstein)}
                      stroke-width={1.5 + 8 * Math.sqrt(e.events / maxEdge)} stroke-dasharray={e.meanGoldstein === null ? '6 4' : undefined} />
                  </g>
                );
              })}
              {data.nodes.map((n) => {
                const p = at.get(n.id)!;
                const r = 5 + 12 * Math.sqrt(n.events / maxNode);
                const right = Math.cos(p.angle) >= 0;
                return (
                  <a key={n.id} href={href('actor', [n.id])} class={`node kind-${n.kind}`} aria-label={`${n.name} (${n.code}), ${n.events} events`}>
                    <circle cx={p.x} cy={p.y} r={r} />
                    <title>{n.name}</title>
                    <text x={p.x + (right ? r + 4 : -r - 4)} y={p.y + 4} text-anchor={right ? 'start' : 'end'}>{n.name.length > LABEL ? `${n.name.slice(0, LABEL - 1)}…` : n.name}</text>
                  </a>
                );
              })}
            </svg>
            <figcaption>
              <Legend />
              <p class="muted">{data.nodes.length} actors, {data.edges.length} relations from {data.eventsCounted} events{data.eventsTruncated ? ' (the first events only: narrow the filters)' : ''}. Tab to an edge and press Enter to list its events; a node opens the actor's page.</p>
            </figcaption>
          </figure>
          <aside class="panel" aria-live="polite">
            {edgeParam ? (
              <>
                <h2>{names[ea] ?? ea} – {names[eb] ?? eb}</h2>
                <p><a href={href('dyad', [ea, eb])}>Dyad view over time</a></p>
                <Status state={events} what="the events" />
                <ul class="events" data-testid="edge-events">
                  {events.data?.items.map((row) => <EventItem key={row.event.id} row={row} names={names} />)}
                </ul>
              </>
            ) : (
              <>
                <h2>Relations</h2>
                <ul class="plain">
                  {data.edges.slice(0, 30).map((e) => (
                    <li key={`${e.a}|${e.b}`}><button type="button" class="linkish" onClick={() => pick(e)}>
                      <span class="swatch" style={{ background: goldsteinColour(e.meanGoldstein) }} /> {names[e.a]} – {names[e.b]} ({e.events})
                    </button></li>
                  ))}
                </ul>
              </>
            )}
          </aside>
        </div>
      )}
    </div>
  );
}
