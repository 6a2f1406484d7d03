// Views the web app needs beyond the lists: the actor network under the event filters (who deals
// with whom, how often, how cooperatively), and one storyline as each outlet told it.
import type { FastifyInstance } from 'fastify';
import type { Context } from '../context.ts';
import { notFound } from '../errors.ts';
import { ERROR, EVENT_FILTERS, idParam } from '../schemas.ts';
import { eventFilters } from './lists.ts';
import { MAX_PAGE_SIZE } from '../../store/queries.ts';
import { compareStoryline } from '../../analysis/compare.ts';

/** Events read at most for one network, so that one request never walks an unbounded corpus
 *  (about two seconds of reading on SQLite); narrower filters cover the rest. */
export const MAX_NETWORK_EVENTS = 5_000;
/** A network is kept this long for the same filters (the back button, a shared link opened twice). */
const NETWORK_TTL_MS = 30_000;

export interface NetworkNode { id: string; name: string; kind: string; code: string; events: number }
export interface NetworkEdge {
  a: string; b: string; events: number; asserted: number; cooperative: number; conflictual: number;
  /** Mean Goldstein score of the asserted events; null when none is scored. */
  meanGoldstein: number | null;
}

const obj = (properties: Record<string, unknown>) => ({ type: 'object', properties, additionalProperties: true });
const int = { type: 'integer' };

const NETWORK_QUERY = {
  type: 'object', additionalProperties: false,
  properties: {
    ...Object.fromEntries(Object.entries(EVENT_FILTERS).filter(([k]) => !['dyad', 'doc'].includes(k))),
    nodes: { type: 'integer', minimum: 2, maximum: 500, default: 60, description: 'at most this many actors, those in the most events' },
  },
};

export function appViewRoutes(app: FastifyInstance, ctx: Context): void {
  const { store } = ctx;
  const networks = new Map<string, { at: number; value: Promise<unknown> }>();

  app.get('/network', {
    schema: {
      tags: ['actors'], summary: `The actor network: the actors in the most events under the filters, and for each pair the events between them, asserted, cooperative and conflictual, and their mean Goldstein score (asserted events only); at most ${MAX_NETWORK_EVENTS} events are read (eventsTruncated says when the filters left more)`,
      querystring: NETWORK_QUERY,
      response: {
        200: obj({
          nodes: { type: 'array', items: obj({ id: { type: 'string' }, name: { type: 'string' }, kind: { type: 'string' }, code: { type: 'string' }, events: int }) },
          edges: { type: 'array', items: obj({ a: { type: 'string' }, b: { type: 'string' }, events: int, asserted: int, cooperative: int, conflictual: int, meanGoldstein: { type: ['number', 'null'] } }) },
          eventsCounted: int, eventsTruncated: { type: 'boolean' },
        }),
        400: ERROR,
      },
    },
  }, async (req) => {
    const q = req.query as Record<string, unknown> & { nodes: number };
    const key = JSON.stringify(Object.entries(q).sort());
    const now = Date.now();
    for (const [k, v] of networks) if (now - v.at > NETWORK_TTL_MS) networks.delete(k);
    const cached = networks.get(key);
    if (cached) return cached.value;
    const value = network(q);
    networks.set(key, { at: now, value });
    value.catch(() => networks.delete(key));
    return value;
  });

  async function network(q: Record<string, unknown> & { nodes: number }) {
    const filter = await eventFilters(ctx, { ...q, cursor: undefined, limit: undefined });
    const same = await ctx.links.sameActor();
    const canon = (id?: string) => (id ? (same[id] ?? id) : undefined);
    const edges = new Map<string, NetworkEdge & { sum: number; scored: number }>();
    const degree = new Map<string, number>();
    let counted = 0;
    let cursor: string | undefined;
    do {
      const page = await store.listEvents({ ...filter, limit: MAX_PAGE_SIZE, ...(cursor ? { cursor } : {}) });
      for (const { event: e } of page.items) {
        counted++;
        const [s, t] = [canon(e.source?.actor), canon(e.target?.actor)];
        if (!s || !t || s === t) continue;
        const [a, b] = s < t ? [s, t] : [t, s];
        const key = `${a}\u0000${b}`;
        let edge = edges.get(key);
        if (!edge) edges.set(key, edge = { a, b, events: 0, asserted: 0, cooperative: 0, conflictual: 0, meanGoldstein: null, sum: 0, scored: 0 });
        edge.events++;
        for (const x of [a, b]) degree.set(x, (degree.get(x) ?? 0) + 1);
        if (e.modality !== 'asserted') continue;
        edge.asserted++;
        if (e.quadClass === 1 || e.quadClass === 2) edge.cooperative++;
        if (e.quadClass === 3 || e.quadClass === 4) edge.conflictual++;
        if (typeof e.goldstein === 'number') { edge.sum += e.goldstein; edge.scored++; }
      }
      cursor = page.next ?? undefined;
    } while (cursor && counted < MAX_NETWORK_EVENTS);
    const kept = new Set([...degree].sort((x, y) => y[1] - x[1] || x[0].localeCompare(y[0])).slice(0, q.nodes).map(([id]) => id));
    const nodes: NetworkNode[] = [];
    for (const id of kept) {
      const actor = await store.actor(id);
      nodes.push({ id, name: actor?.name ?? id, kind: actor?.kind ?? 'unknown', code: actor?.code ?? '', events: degree.get(id) ?? 0 });
    }
    const kepts = [...edges.values()].filter((e) => kept.has(e.a) && kept.has(e.b)).map(({ sum, scored, ...e }) => ({
      ...e, meanGoldstein: scored ? Math.round((sum / scored) * 100) / 100 : null,
    }));
    kepts.sort((x, y) => y.events - x.events || x.a.localeCompare(y.a) || x.b.localeCompare(y.b));
    return { nodes, edges: kepts, eventsCounted: counted, eventsTruncated: Boolean(cursor) };
  }

  app.get('/storylines/:id/compare', {
    schema: {
      tags: ['storylines'], summary: 'One storyline as each outlet told it, side by side: its events with their modality, quotes and speakers, sourced share, author claims and framing markers, and rule-made sentences on the difference',
      params: idParam('id', 'storyline id'),
      response: {
        200: obj({
          storyline: obj({ id: { type: 'string' }, label: { type: 'string' }, actors: { type: 'array', items: { type: 'string' } } }),
          outlets: { type: 'array', items: obj({ outlet: { type: 'string' }, documents: { type: 'array', items: obj({}) }, events: { type: 'array', items: obj({}) }, modalities: obj({}), voice: obj({}) }) },
          summary: { type: 'array', items: { type: 'string' } },
        }),
        404: ERROR,
      },
    },
  }, async (req) => {
    const { id } = req.params as { id: string };
    const links = await ctx.links.links();
    // Only an id names a storyline here: the words of a label may match another one.
    if (!links.storylines.some((s) => s.id === id)) throw notFound('storyline', id);
    return compareStoryline(store, id, links);
  });
}
