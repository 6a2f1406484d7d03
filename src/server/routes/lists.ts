// The paged lists: documents, events, quotes, claims, actors, and the outlets. Each takes its
// filters as query parameters, answers {items, next} with a Link header, or a table on request.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Context } from '../context.ts';
import { defined, linkNext } from '../context.ts';
import { ERROR, QUERIES, pageOf } from '../schemas.ts';
import { csvTable, eventTable, sendTable, MEDIA } from '../tables.ts';
import type { ActorRow, ClaimRow, DocumentSummary, EventQuery, OutletRow, QuoteRow } from '../../store/queries.ts';

type Query = Record<string, unknown> & { cursor?: string; limit?: number; since?: string; until?: string; q?: string; format?: string };

/** The 200 answer as JSON or as one of the tables this list offers. */
export function listResponse(id: string, formats: string[]) {
  const content: Record<string, { schema: unknown }> = { 'application/json': { schema: pageOf(id) } };
  for (const f of formats) if (f !== 'json') content[MEDIA[f].split(';')[0]] = { schema: { type: 'string' } };
  return { 200: { description: `a page of ${id} records`, content }, 400: ERROR };
}

const page = (q: Query) => ({ cursor: q.cursor, limit: q.limit, since: q.since, until: q.until });

/** The event filters of a query string, actors resolved to ids; shared by /events and the dyad series. */
export async function eventFilters(ctx: Context, q: Query): Promise<EventQuery> {
  const dyad = q.dyad as string[] | undefined;
  return defined({
    ...page(q),
    actor: await ctx.actorId(q.actor as string | undefined, 'actor'),
    dyad: dyad ? [(await ctx.actorId(dyad[0], 'dyad'))!, (await ctx.actorId(dyad[1], 'dyad'))!] as [string, string] : undefined,
    type: q.type as string[] | undefined, quadClass: q.quadClass as number[] | undefined, modality: q.modality as string[] | undefined,
    outlet: q.outlet as string | undefined, storyline: q.storyline as string | undefined, doc: q.doc as string | undefined, text: q.q,
  });
}

const DOCUMENT_COLUMNS = {
  id: (d: DocumentSummary) => d.id, source: (d: DocumentSummary) => d.source, title: (d: DocumentSummary) => d.meta.title,
  outlet: (d: DocumentSummary) => d.meta.outlet, author: (d: DocumentSummary) => d.meta.author, published: (d: DocumentSummary) => d.meta.published,
  url: (d: DocumentSummary) => d.meta.url, sentences: (d: DocumentSummary) => d.sentences, events: (d: DocumentSummary) => d.events, quotes: (d: DocumentSummary) => d.quotes,
};
const QUOTE_COLUMNS = {
  doc: (r: QuoteRow) => r.doc, outlet: (r: QuoteRow) => r.outlet, published: (r: QuoteRow) => r.published, start: (r: QuoteRow) => r.quote.start, end: (r: QuoteRow) => r.quote.end,
  kind: (r: QuoteRow) => r.quote.kind, speaker: (r: QuoteRow) => r.quote.speaker, speaker_text: (r: QuoteRow) => r.quote.speakerText,
  speaker_code: (r: QuoteRow) => r.quote.speakerCode, cue: (r: QuoteRow) => r.quote.cue, text: (r: QuoteRow) => r.quote.text, sentence: (r: QuoteRow) => r.sentence,
};
const CLAIM_COLUMNS = {
  doc: (r: ClaimRow) => r.doc, outlet: (r: ClaimRow) => r.outlet, published: (r: ClaimRow) => r.published, start: (r: ClaimRow) => r.claim.start, end: (r: ClaimRow) => r.claim.end,
  holder: (r: ClaimRow) => r.claim.holder, about: (r: ClaimRow) => r.claim.about.join(';'), hedge: (r: ClaimRow) => r.claim.hedge,
  cues: (r: ClaimRow) => r.claim.cues.join(';'), text: (r: ClaimRow) => r.claim.text,
};
const ACTOR_COLUMNS = {
  id: (a: ActorRow) => a.id, name: (a: ActorRow) => a.name, kind: (a: ActorRow) => a.kind, code: (a: ActorRow) => a.code, country: (a: ActorRow) => a.country,
  is_new: (a: ActorRow) => Boolean(a.isNew), aliases: (a: ActorRow) => a.aliases.join(';'), documents: (a: ActorRow) => a.documents,
  mentions: (a: ActorRow) => a.mentions, events: (a: ActorRow) => a.events, quotes: (a: ActorRow) => a.quotes,
};
const OUTLET_COLUMNS = {
  outlet: (o: OutletRow) => o.outlet, documents: (o: OutletRow) => o.documents, events: (o: OutletRow) => o.events, quotes: (o: OutletRow) => o.quotes,
  claims: (o: OutletRow) => o.claims, frames: (o: OutletRow) => o.frames, first: (o: OutletRow) => o.first, last: (o: OutletRow) => o.last,
};

export function listRoutes(app: FastifyInstance, ctx: Context): void {
  const { store } = ctx;
  const q = (req: FastifyRequest) => req.query as Query;
  const table = <T>(req: FastifyRequest, reply: FastifyReply, columns: Record<string, (x: T) => string | number | boolean | undefined>, items: T[]) =>
    sendTable(reply, 'csv', csvTable(columns, items));

  app.get('/documents', {
    schema: { tags: ['documents'], summary: 'Documents, newest first, filtered by outlet, actor mentioned, day and words in the body', querystring: QUERIES.documents, response: listResponse('DocumentSummary', ['csv']) },
  }, async (req, reply) => {
    const p = linkNext(req, reply, await store.listDocuments(defined({
      ...page(q(req)), outlet: q(req).outlet as string | undefined, actor: await ctx.actorId(q(req).actor as string | undefined, 'actor'), text: q(req).q,
    })));
    return q(req).format === 'csv' ? table(req, reply, DOCUMENT_COLUMNS, p.items) : p;
  });

  app.get('/events', {
    schema: { tags: ['events'], summary: 'Events: by actor, dyad (either direction), PLOVER type, quad class, modality, outlet, storyline, document, day range and words', querystring: QUERIES.events, response: listResponse('EventRow', ['csv', 'events-tsv', 'plover-json']) },
  }, async (req, reply) => {
    const p = linkNext(req, reply, await store.listEvents(await eventFilters(ctx, q(req))));
    const format = q(req).format ?? 'json';
    return format === 'json' ? p : sendTable(reply, format, await eventTable(store, await ctx.links.sameActor(), p.items, format));
  });

  app.get('/quotes', {
    schema: { tags: ['quotes'], summary: 'Quotes: by speaker, kind, outlet, storyline, document, day range and quoted words', querystring: QUERIES.quotes, response: listResponse('QuoteRow', ['csv']) },
  }, async (req, reply) => {
    const x = q(req);
    const p = linkNext(req, reply, await store.listQuotes(defined({
      ...page(x), speaker: await ctx.actorId(x.speaker as string | undefined, 'speaker'), kind: x.kind as 'direct' | 'indirect' | undefined,
      outlet: x.outlet as string | undefined, storyline: x.storyline as string | undefined, doc: x.doc as string | undefined, text: x.q,
    })));
    return x.format === 'csv' ? table(req, reply, QUOTE_COLUMNS, p.items) : p;
  });

  app.get('/claims', {
    schema: { tags: ['claims'], summary: "Claims: by holder ('author' or an actor), actor they are about, outlet, document, day range and words", querystring: QUERIES.claims, response: listResponse('ClaimRow', ['csv']) },
  }, async (req, reply) => {
    const x = q(req);
    const holder = x.holder === 'author' ? 'author' : await ctx.actorId(x.holder as string | undefined, 'holder');
    const p = linkNext(req, reply, await store.listClaims(defined({
      ...page(x), holder, about: await ctx.actorId(x.about as string | undefined, 'about'),
      outlet: x.outlet as string | undefined, doc: x.doc as string | undefined, text: x.q,
    })));
    return x.format === 'csv' ? table(req, reply, CLAIM_COLUMNS, p.items) : p;
  });

  app.get('/actors', {
    schema: { tags: ['actors'], summary: 'Actors with how often they appear: by name, kind, country and whether the knowledge base knew them', querystring: QUERIES.actors, response: listResponse('ActorRow', ['csv']) },
  }, async (req, reply) => {
    const x = q(req);
    const p = linkNext(req, reply, await store.listActors(defined({
      cursor: x.cursor, limit: x.limit, name: x.name as string | undefined, kind: x.kind as string | undefined,
      country: (x.country as string | undefined)?.toUpperCase(), isNew: x.isNew as boolean | undefined,
    })));
    return x.format === 'csv' ? table(req, reply, ACTOR_COLUMNS, p.items) : p;
  });

  app.get('/outlets', {
    schema: {
      tags: ['outlets'], summary: 'Outlets with their documents, events, quotes, claims, frames and first and last day', querystring: QUERIES.outlets,
      response: { 200: { description: 'every outlet', content: { 'application/json': { schema: { type: 'object', properties: { items: { type: 'array', items: { $ref: 'OutletRow#' } } }, required: ['items'] } }, 'text/csv': { schema: { type: 'string' } } } }, 400: ERROR },
    },
  }, async (req, reply) => {
    const items = await store.outlets();
    return q(req).format === 'csv' ? table(req, reply, OUTLET_COLUMNS, items) : { items };
  });
}
