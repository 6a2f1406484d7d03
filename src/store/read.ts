// Reading whole records back: analyses, actors, events, links and counts.
import type { Kysely } from 'kysely';
import type { Actor, Analysis, CorpusLinks, Event, Token } from '../model/types.ts';
import type { DB } from './db.ts';
import { tokenize } from '../text/tokenize.ts';
import { foldName } from '../link/names.ts';
import { spellingKey } from './names.ts';
import * as rows from './rows.ts';
import { decodeDigest, linkDigest } from '../link/digest.ts';
import { StringPool } from '../link/features.ts';
import type { LinkInput, LinkState } from './index.ts';

type Row = Record<string, unknown>;

/** Tokens are not stored: they are recomputed from the body the first time they are read. */
function withLazyTokens(a: Omit<Analysis, 'tokens'>): Analysis {
  let tokens: Token[] | undefined;
  Object.defineProperty(a, 'tokens', {
    enumerable: true, configurable: true,
    get: () => (tokens ??= tokenize(a.doc.body).tokens),
    set: (v: Token[]) => { tokens = v; },
  });
  return a as Analysis;
}

const LAYERS = ['sentences', 'mentions', 'times', 'events', 'quotes', 'claims', 'frames'] as const;

export async function getAnalysis(db: Kysely<DB>, docId: string): Promise<Analysis | undefined> {
  const r = await db.selectFrom('documents').select(['id', 'source', 'body', 'meta', 'dropped']).where('id', '=', docId).executeTakeFirst();
  if (!r) return undefined;
  const layer = async (t: (typeof LAYERS)[number]) => (await db.selectFrom(t).selectAll().where('doc_id', '=', docId).orderBy('idx').execute()) as Row[];
  const [sentences, mentions, times, events, quotes, claims, frames] = await Promise.all(LAYERS.map(layer));
  const actors = await db.selectFrom('document_actors as d').innerJoin('actors as a', 'a.id', 'd.actor_id')
    .selectAll('a').where('d.doc_id', '=', docId).orderBy('d.idx').execute();
  return withLazyTokens({
    doc: { id: r.id, source: r.source, body: r.body, meta: JSON.parse(r.meta), dropped: JSON.parse(r.dropped) },
    sentences: sentences.map(rows.sentenceOf),
    actors: (actors as Row[]).map(rows.actorOf),
    mentions: mentions.map(rows.mentionOf),
    times: times.map(rows.timeOf),
    events: events.map(rows.eventOf),
    quotes: quotes.map(rows.quoteOf),
    claims: claims.map(rows.claimOf),
    frames: frames.map(rows.frameOf),
  });
}

/** Documents in stored order, a page at a time (so a large store is never read at once). */
export async function* documentRows(db: Kysely<DB>, page = 200): AsyncGenerator<{ id: string; source: string; meta: string }> {
  let after = 0;
  for (;;) {
    const list = await db.selectFrom('documents').select(['id', 'source', 'meta', 'position'])
      .where('position', '>', after).orderBy('position').limit(page).execute();
    yield* list;
    if (list.length < page) return;
    after = Number(list[list.length - 1].position);
  }
}

/**
 * Every document's link digest with the actors it names, in stored order, a page at a time.
 * The actors come from the actors table, read once; a document stored before digests were
 * (an older store) is read whole and its digest made from it.
 */
export async function* linkInputs(db: Kysely<DB>, from = 0, page = 500): AsyncGenerator<LinkInput> {
  const actors = new Map<string, Actor>();
  for (const r of await db.selectFrom('actors').selectAll().execute()) actors.set(r.id, rows.actorOf(r as Row));
  const actorOf = (id: string) => actors.get(id);
  let after = from;
  for (;;) {
    // the same words recur in every document's digest: one copy of each per page (a pool for the
    // whole pass would hold every word of the corpus)
    const pool = new StringPool();
    const list = await db.selectFrom('documents as d').leftJoin('link_digests as l', 'l.doc_id', 'd.id')
      .select(['d.id', 'd.position', 'l.digest']).where('d.position', '>', after).orderBy('d.position').limit(page).execute();
    for (const r of list) {
      const position = Number(r.position);
      if (r.digest != null) {
        const digest = decodeDigest(r.digest, pool);
        yield { digest, actors: digest.actors.map(actorOf).filter((a): a is Actor => a !== undefined), position, actorOf };
      } else {
        const a = await getAnalysis(db, r.id);
        if (a) yield { digest: linkDigest(a), actors: a.actors, position, actorOf };
      }
    }
    if (list.length < page) return;
    after = Number(list[list.length - 1].position);
  }
}

export async function actor(db: Kysely<DB>, id: string): Promise<Actor | undefined> {
  const r = await db.selectFrom('actors').selectAll().where('id', '=', id).executeTakeFirst();
  return r ? rows.actorOf(r as Row) : undefined;
}

async function actorsByKey(db: Kysely<DB>, q: string, key: string): Promise<Actor[]> {
  const list = await db.selectFrom('actors as a').selectAll('a').distinct()
    .where((eb) => eb.or([
      eb('a.id', '=', q),
      eb(eb.fn('upper', ['a.code']), '=', q.toUpperCase()),
      eb('a.id', 'in', eb.selectFrom('actor_names').select('actor_id').where('name_key', '=', key)),
    ]))
    .orderBy('a.id').execute();
  return (list as Row[]).map(rows.actorOf);
}

/** Actors whose id, code, name or alias equals the query; else persons by a transliteration or surname. */
export async function findActors(db: Kysely<DB>, nameOrCode: string): Promise<Actor[]> {
  const q = nameOrCode.trim();
  const exact = await actorsByKey(db, q, foldName(nameOrCode));
  return exact.length ? exact : actorsByKey(db, q, spellingKey(nameOrCode));
}

export async function event(db: Kysely<DB>, id: string): Promise<{ event: Event; doc: string } | undefined> {
  const r = await db.selectFrom('events').selectAll().where('id', '=', id).executeTakeFirst();
  return r ? { event: rows.eventOf(r as Row), doc: r.doc_id } : undefined;
}

export async function actorDocuments(db: Kysely<DB>, ids: string[]): Promise<string[]> {
  if (ids.length === 0) return [];
  const list = await db.selectFrom('documents').select('id')
    .where('id', 'in', (eb) => eb.selectFrom('document_actors').select('doc_id').where('actor_id', 'in', ids)
      .union(eb.selectFrom('mentions').select('doc_id').where('actor_id', 'in', ids))
      .union(eb.selectFrom('events').select('doc_id').where((e) => e.or([e('source_actor', 'in', ids), e('target_actor', 'in', ids)]))))
    .orderBy('position').execute();
  return list.map((r) => r.id);
}

export async function links(db: Kysely<DB>): Promise<CorpusLinks> {
  const sameActor: Record<string, string> = {};
  for (const r of await db.selectFrom('same_actor').selectAll().orderBy('actor_id').execute()) sameActor[r.actor_id] = r.same_as;
  const groups = new Map<string, { doc: string; event: string }[]>();
  for (const r of await db.selectFrom('event_groups').selectAll().orderBy('group_id').orderBy('idx').execute()) {
    const list = groups.get(r.group_id) ?? [];
    list.push({ doc: r.doc_id, event: r.event_id });
    groups.set(r.group_id, list);
  }
  const near = await db.selectFrom('near_duplicates').selectAll().orderBy('doc_id').orderBy('similarity', 'desc').orderBy('of_doc').execute();
  return {
    sameActor, sameEvent: [...groups].map(([id, events]) => ({ id, events })), storylines: await storylines(db),
    ...(near.length ? { nearDuplicates: near.map((r) => ({ doc: r.doc_id, of: r.of_doc, similarity: Number(r.similarity) })) } : {}),
  };
}

export async function storylines(db: Kysely<DB>): Promise<CorpusLinks['storylines']> {
  // told by most documents first, then by most events (sortStorylines)
  const heads = await db.selectFrom('storylines').selectAll().orderBy('doc_count', 'desc').orderBy('event_count', 'desc').orderBy('id').execute();
  const events = await db.selectFrom('storyline_events').selectAll().orderBy('storyline_id').orderBy('idx').execute();
  const byStory = new Map<string, { doc: string; event: string }[]>();
  for (const e of events) {
    const list = byStory.get(e.storyline_id) ?? [];
    list.push({ doc: e.doc_id, event: e.event_id });
    byStory.set(e.storyline_id, list);
  }
  return heads.map((r) => ({ id: r.id, label: r.label, events: byStory.get(r.id) ?? [], actors: JSON.parse(r.actors) as string[] }));
}

/** Rows per table, in one statement so that all five come from the same snapshot. */
export async function counts(db: Kysely<DB>): Promise<{ documents: number; actors: number; events: number; quotes: number; frames: number }> {
  const tables = ['documents', 'actors', 'events', 'quotes', 'frames'] as const;
  const r = await db.selectNoFrom((eb) => tables.map((t) => eb.selectFrom(t).select(eb.fn.countAll().as('n')).as(t))).executeTakeFirstOrThrow();
  const out = Object.fromEntries(tables.map((t) => [t, Number((r as Record<string, unknown>)[t])]));
  return out as { documents: number; actors: number; events: number; quotes: number; frames: number };
}

/** How far the saved links reach, the epoch of their last save, and the linker's snapshot to go on from. */
export async function linkState(db: Kysely<DB>): Promise<LinkState> {
  const r = await db.selectFrom('links_state').selectAll().where('id', '=', 1).executeTakeFirst();
  return r ? { position: Number(r.position), epoch: Number(r.epoch), snapshot: r.snapshot ?? undefined } : { position: 0, epoch: 0 };
}
