// One item with everything it rests on: a document with its body and every span layer, an
// event with the rule that coded it and its sentence, an actor with mentions, roles, relations.
import type { FastifyInstance } from 'fastify';
import type { Context } from '../context.ts';
import { ApiError, notFound } from '../errors.ts';
import { ERROR, QUERIES, idParam } from '../schemas.ts';
import type { Actor, Analysis } from '../../model/types.ts';
import { relationsOf } from '../relations.ts';

const withText = (a: Analysis, s: { start: number; end: number }) => a.doc.body.slice(s.start, s.end);

/** The sentence that holds this offset, with its text. */
function sentenceAt(a: Analysis, offset: number): { start: number; end: number; text: string } | undefined {
  const s = a.sentences.find((x) => x.start <= offset && offset < x.end);
  return s ? { start: s.start, end: s.end, text: withText(a, s) } : undefined;
}

export function documentBody(a: Analysis, tokens: boolean) {
  return {
    id: a.doc.id, source: a.doc.source, meta: a.doc.meta, body: a.doc.body,
    dropped: a.doc.dropped,
    sentences: a.sentences.map((s) => ({ start: s.start, end: s.end, paragraph: s.paragraph, text: withText(a, s) })),
    ...(tokens ? { tokens: a.tokens } : {}),
    actors: a.actors, mentions: a.mentions, times: a.times, events: a.events, quotes: a.quotes, claims: a.claims, frames: a.frames,
  };
}

const obj = (properties: Record<string, unknown>, description?: string) => ({ type: 'object', properties, additionalProperties: true, ...(description ? { description } : {}) });
const list = (id: string) => ({ type: 'array', items: { $ref: `${id}#` } });

export function itemRoutes(app: FastifyInstance, ctx: Context): void {
  const { store } = ctx;

  app.get('/documents/:id', {
    schema: {
      tags: ['documents'], summary: 'A document: metadata, cleaned body, what ingest dropped, and every span layer', params: idParam('id', 'document id'), querystring: QUERIES.document,
      response: {
        200: obj({
          id: { type: 'string' }, source: { type: 'string' }, meta: { $ref: 'DocumentMeta#' }, body: { type: 'string' },
          dropped: { type: 'array', items: obj({ text: { type: 'string' }, reason: { type: 'string' } }) },
          sentences: list('Sentence'), actors: list('Actor'), mentions: list('Mention'), times: list('TimeExpr'),
          events: list('Event'), quotes: list('Quote'), claims: list('Claim'), frames: list('Frame'),
        }),
        404: ERROR,
      },
    },
  }, async (req) => {
    const { id } = req.params as { id: string };
    const a = await store.getAnalysis(id);
    if (!a) throw notFound('document', id);
    return documentBody(a, (req.query as { tokens?: boolean }).tokens === true);
  });

  app.get('/events/:id', {
    schema: {
      tags: ['events'], summary: 'An event with its sentence, the rule that coded it, its actors and the other tellings of the same event', params: idParam('id', 'event id'),
      response: {
        200: obj({
          event: { $ref: 'Event#' }, rule: { type: 'string' }, doc: obj({ id: { type: 'string' }, meta: { $ref: 'DocumentMeta#' } }),
          sentence: obj({ start: { type: 'integer' }, end: { type: 'integer' }, text: { type: 'string' } }),
          source: { $ref: 'Actor#' }, target: { $ref: 'Actor#' },
          sameEvent: { type: 'array', items: obj({ doc: { type: 'string' }, event: { type: 'string' } }) },
        }),
        404: ERROR,
      },
    },
  }, async (req) => {
    const { id } = req.params as { id: string };
    const found = await store.event(id);
    if (!found) throw notFound('event', id);
    const { event, doc } = found;
    const a = await store.getAnalysis(doc);
    const actor = async (x?: string) => (x ? (a?.actors.find((y) => y.id === x) ?? await store.actor(x)) : undefined);
    return {
      event, rule: event.via,
      doc: { id: doc, meta: a?.doc.meta ?? {} },
      sentence: a ? sentenceAt(a, event.trigger?.start ?? event.start) : undefined,
      source: await actor(event.source?.actor), target: await actor(event.target?.actor),
      sameEvent: await ctx.links.sameEvent(doc, id),
    };
  });

  app.get('/actors/:id', {
    schema: {
      tags: ['actors'], summary: 'An actor: its record, the actors merged into it, its mentions, roles, and relations with each counterpart', params: idParam('id', 'actor id, or a name, alias or code naming one actor'), querystring: QUERIES.actor,
      response: {
        200: obj({
          actor: { $ref: 'Actor#' }, merged: { type: 'array', items: { type: 'string' } }, documents: { type: 'integer' },
          mentions: { type: 'array', items: obj({ doc: { type: 'string' }, start: { type: 'integer' }, end: { type: 'integer' }, text: { type: 'string' }, role: { type: 'string' }, via: { type: 'string' }, sentence: { type: 'string' } }) },
          mentionsShown: { type: 'integer' },
          roles: obj({ known: { type: 'array', items: obj({}) }, observed: { type: 'array', items: obj({ role: { type: 'string' }, count: { type: 'integer' } }) } }),
          relations: { type: 'array', items: obj({
            actor: { type: 'string' }, name: { type: 'string' }, events: { type: 'integer' }, asserted: { type: 'integer' }, asSource: { type: 'integer' }, asTarget: { type: 'integer' },
            cooperative: { type: 'integer' }, conflictual: { type: 'integer' }, meanGoldstein: { type: ['number', 'null'] },
          }) },
          eventsCounted: { type: 'integer' }, eventsTruncated: { type: 'boolean' },
        }),
        404: ERROR,
      },
    },
  }, async (req) => {
    const { id: raw } = req.params as { id: string };
    const maxMentions = (req.query as { mentions?: number }).mentions ?? 200;
    let id: string;
    try {
      id = (await ctx.actorId(raw, 'id'))!;
    } catch (err) {
      if (err instanceof ApiError) throw new ApiError(404, err.message, 'id');
      throw err;
    }
    const same = await ctx.links.sameActor();
    const canonical = same[id] ?? id;
    const actor: Actor | undefined = (await store.actor(canonical)) ?? (await store.actor(id));
    if (!actor) throw notFound('actor', raw);
    const merged = Object.keys(same).filter((k) => same[k] === canonical);
    const ids = new Set([canonical, ...merged]);
    const docs = await store.actorDocuments([...ids]);
    const mentions: { doc: string; start: number; end: number; text: string; role?: string; via: string; sentence?: string }[] = [];
    const observed = new Map<string, number>();
    let total = 0;
    for (const doc of docs) {
      const a = await store.getAnalysis(doc);
      if (!a) continue;
      for (const m of a.mentions) {
        if (!m.actor || !ids.has(m.actor)) continue;
        total++;
        if (m.role) observed.set(m.role, (observed.get(m.role) ?? 0) + 1);
        if (mentions.length < maxMentions) mentions.push({ doc, start: m.start, end: m.end, text: m.text, ...(m.role ? { role: m.role } : {}), via: m.via, sentence: sentenceAt(a, m.start)?.text });
      }
      if (mentions.length >= maxMentions && docs.length > 50) break;   // enough to show; counts below then cover the documents read
    }
    const rel = await relationsOf(store, canonical, same);
    return {
      actor, merged, documents: docs.length, mentions, mentionsShown: mentions.length, mentionsCounted: total,
      roles: { known: actor.roles ?? [], observed: [...observed].map(([role, count]) => ({ role, count })).sort((x, y) => y.count - x.count) },
      relations: rel.relations, eventsCounted: rel.counted, eventsTruncated: rel.truncated,
    };
  });
}
