// Views across documents: storylines, dyad time series, search, and the server's health.
import type { FastifyInstance } from 'fastify';
import type { Context } from '../context.ts';
import { linkNext } from '../context.ts';
import { ApiError, notFound } from '../errors.ts';
import { ERROR, QUERIES, idParam, pageOf } from '../schemas.ts';
import { csvTable, sendTable } from '../tables.ts';
import { eventFilters } from './lists.ts';
import type { DyadPoint, Interval, SearchHit } from '../../store/queries.ts';
import { DEFAULT_PAGE_SIZE } from '../../store/queries.ts';
import type { Storyline } from '../../model/types.ts';

/** Storylines are few: they page by position, with the position as an opaque cursor. */
const encodeOffset = (n: number) => Buffer.from(`s:${n}`).toString('base64url');
function decodeOffset(cursor: string): number {
  const m = /^s:(\d{1,9})$/.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
  if (!m) throw new ApiError(400, 'bad cursor: not one this server gave', 'cursor');
  return Number(m[1]);
}

const SERIES_COLUMNS = {
  period: (p: DyadPoint) => p.period, events: (p: DyadPoint) => p.events, asserted: (p: DyadPoint) => p.asserted,
  mean_goldstein: (p: DyadPoint) => p.meanGoldstein, cooperative: (p: DyadPoint) => p.cooperative, conflictual: (p: DyadPoint) => p.conflictual,
  event_ids: (p: DyadPoint) => p.eventIds.join(';'),
};

const obj = (properties: Record<string, unknown>) => ({ type: 'object', properties, additionalProperties: true });

export function viewRoutes(app: FastifyInstance, ctx: Context): void {
  const { store } = ctx;

  app.get('/storylines', {
    schema: { tags: ['storylines'], summary: 'Storylines: events across documents that tell one story, optionally those an actor is in; each with its label, actors and how many events and documents', querystring: QUERIES.storylines, response: { 200: pageOf('StorylineSummary'), 400: ERROR } },
  }, async (req, reply) => {
    const q = req.query as { cursor?: string; limit?: number; actor?: string };
    const actor = await ctx.actorId(q.actor, 'actor');
    let all: Storyline[] = (await ctx.links.links()).storylines;
    if (actor) {
      const same = await ctx.links.sameActor();
      const canon = same[actor] ?? actor;
      all = all.filter((s) => s.actors.some((x) => (same[x] ?? x) === canon));
    }
    const from = q.cursor ? decodeOffset(q.cursor) : 0;
    const limit = q.limit ?? DEFAULT_PAGE_SIZE;
    // A listing names each storyline and counts it; /storylines/{id} gives its events.
    const items = all.slice(from, from + limit).map((s) => ({
      id: s.id, label: s.label, actors: s.actors, events: s.events.length, documents: new Set(s.events.map((e) => e.doc)).size,
    }));
    return linkNext(req, reply, { items, next: from + limit < all.length ? encodeOffset(from + limit) : null });
  });

  app.get('/storylines/:id', {
    schema: {
      tags: ['storylines'], summary: 'A storyline with its actors and its events, each with its sentence', params: idParam('id', 'storyline id'), querystring: QUERIES.storyline,
      response: { 200: obj({ storyline: { $ref: 'Storyline#' }, actors: { type: 'array', items: { $ref: 'Actor#' } }, events: { type: 'array', items: { $ref: 'EventRow#' } }, next: { type: ['string', 'null'] } }), 404: ERROR },
    },
  }, async (req) => {
    const { id } = req.params as { id: string };
    const s = (await ctx.links.links()).storylines.find((x) => x.id === id);
    if (!s) throw notFound('storyline', id);
    const events = await store.listEvents({ storyline: id, limit: (req.query as { limit?: number }).limit ?? 500 });
    const actors = [];
    for (const a of s.actors) { const x = await store.actor(a); if (x) actors.push(x); }
    return { storyline: s, actors, events: events.items, next: events.next };
  });

  app.get('/dyads/:a/:b/series', {
    schema: {
      tags: ['dyads'], summary: 'Events between two actors (either direction) and their mean Goldstein score per day, ISO week or month; asserted events only in the scores',
      params: { type: 'object', properties: { a: { type: 'string', minLength: 1, maxLength: 200 }, b: { type: 'string', minLength: 1, maxLength: 200 } }, required: ['a', 'b'] },
      querystring: QUERIES.series,
      response: {
        200: { description: 'the series', content: {
          'application/json': { schema: obj({ a: { $ref: 'Actor#' }, b: { $ref: 'Actor#' }, interval: { type: 'string' }, points: { type: 'array', items: { $ref: 'DyadPoint#' } } }) },
          'text/csv': { schema: { type: 'string' } },
        } },
        400: ERROR, 404: ERROR,
      },
    },
  }, async (req, reply) => {
    const p = req.params as { a: string; b: string };
    const q = req.query as Record<string, unknown> & { interval: Interval; format?: string };
    const [a, b] = [await ctx.actorId(p.a, 'a'), await ctx.actorId(p.b, 'b')] as [string, string];
    const [actorA, actorB] = [await store.actor(a), await store.actor(b)];
    if (!actorA) throw notFound('actor', p.a);
    if (!actorB) throw notFound('actor', p.b);
    const { cursor: _c, limit: _l, actor: _a, dyad: _d, ...filter } = await eventFilters(ctx, { ...q, cursor: undefined, limit: undefined });
    const points = await store.dyadSeries(a, b, q.interval, filter);
    if (q.format === 'csv') return sendTable(reply, 'csv', csvTable(SERIES_COLUMNS, points));
    return { a: actorA, b: actorB, interval: q.interval, points };
  });

  app.get('/search', {
    schema: {
      tags: ['search'], summary: 'Full-text search over document bodies and quotes, and actor names', querystring: QUERIES.search,
      response: { 200: obj({ items: { type: 'array', items: { $ref: 'SearchHit#' } } }), 400: ERROR },
    },
  }, async (req) => {
    const q = req.query as { q: string; kinds?: SearchHit['kind'][]; limit?: number };
    const items = await store.search(q.q, { ...(q.kinds ? { kinds: q.kinds } : {}), ...(q.limit ? { limit: q.limit } : {}) });
    return { items };
  });

  app.get('/health', {
    schema: {
      tags: ['server'], summary: 'Whether the server and its store answer, with what the store holds',
      response: { 200: obj({
        status: { type: 'string' }, writable: { type: 'boolean' }, dialect: { type: 'string' },
        counts: obj({ documents: { type: 'integer' }, actors: { type: 'integer' }, events: { type: 'integer' }, quotes: { type: 'integer' }, frames: { type: 'integer' } }),
        links: obj({ state: { type: 'string', enum: ['current', 'updating', 'failed'] }, updated: { type: 'string' }, error: { type: 'string' } }),
      }) },
    },
  }, async () => ({ status: 'ok', writable: Boolean(ctx.options.token), dialect: store.dialect, counts: await store.counts(), links: ctx.linkStatus() }));
}
