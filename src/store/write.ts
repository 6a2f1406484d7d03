// Writing a batch of analyses: one transaction, documents already stored skipped, actors merged
// with what the store knows, every layer inserted in multi-row statements, texts indexed.
import type { Insertable, Kysely } from 'kysely';
import type { Actor, Analysis, CorpusLinks } from '../model/types.ts';
import { encodeDigest, linkDigest } from '../link/digest.ts';
import type { DB } from './db.ts';
import type { StoreDialect } from './dialect/dialect.ts';
import { nameKeys } from './names.ts';
import * as rows from './rows.ts';

/** Bound parameters per statement: below SQLite's 32766 and PostgreSQL's 65535. */
const MAX_PARAMS = 30_000;

export async function insertMany<T extends keyof DB & string>(d: StoreDialect, trx: Kysely<DB>, table: T, list: Insertable<DB[T]>[]): Promise<void> {
  if (list.length === 0) return;
  if (d.insertRows) return d.insertRows(trx, table, list as Record<string, unknown>[]);
  const per = Math.max(1, Math.floor(MAX_PARAMS / Object.keys(list[0]).length));
  for (let i = 0; i < list.length; i += per) {
    // Kysely cannot type an insert into a table chosen by a type parameter; the rows are typed above
    await (trx.insertInto(table) as unknown as { values(v: unknown[]): { execute(): Promise<unknown> } }).values(list.slice(i, i + per)).execute();
  }
}

/** Actors of the batch, one row each: the last telling's fields, every alias ever seen. */
async function upsertActors(d: StoreDialect, trx: Kysely<DB>, actors: Actor[]): Promise<void> {
  if (actors.length === 0) return;
  const merged = new Map<string, Actor>();
  for (const a of actors) {
    const prev = merged.get(a.id);
    merged.set(a.id, { ...a, aliases: [...new Set([...(prev?.aliases ?? []), ...(a.aliases ?? [])])] });
  }
  const ids = [...merged.keys()];
  for (let i = 0; i < ids.length; i += 500) {
    const old = await trx.selectFrom('actors').select(['id', 'aliases']).where('id', 'in', ids.slice(i, i + 500)).execute();
    for (const r of old) {
      const a = merged.get(r.id)!;
      a.aliases = [...new Set([...(JSON.parse(r.aliases) as string[]), ...a.aliases])];
    }
  }
  const list = [...merged.values()].map(rows.actorRow);
  const per = Math.floor(MAX_PARAMS / 9);
  for (let i = 0; i < list.length; i += per) {
    await trx.insertInto('actors').values(list.slice(i, i + per))
      .onConflict((oc) => oc.column('id').doUpdateSet((eb) => ({
        name: eb.ref('excluded.name'), kind: eb.ref('excluded.kind'), code: eb.ref('excluded.code'),
        country: eb.ref('excluded.country'), aliases: eb.ref('excluded.aliases'), roles: eb.ref('excluded.roles'),
        memberships: eb.ref('excluded.memberships'), is_new: eb.ref('excluded.is_new'),
      })))
      .execute();
  }
  for (let i = 0; i < ids.length; i += 500) await trx.deleteFrom('actor_names').where('actor_id', 'in', ids.slice(i, i + 500)).execute();
  await insertMany(d, trx, 'actor_names', [...merged.values()].flatMap((a) =>
    [...nameKeys(a.kind, [a.name, ...a.aliases])].map((key) => ({ actor_id: a.id, name_key: key }))));
}

/**
 * Writes the analyses whose documents are not stored yet; returns how many were written.
 * `digests` are their encoded link digests (doc id -> encodeDigest) where the caller made them
 * already, while the tokens were at hand; the others are made here.
 */
export async function saveBatch(d: StoreDialect, list: Analysis[], digests?: ReadonlyMap<string, string>): Promise<number> {
  if (list.length === 0) return 0;
  return d.writeTransaction(async (trx) => {
    const ids = [...new Set(list.map((a) => a.doc.id))];
    const stored = new Set<string>();
    for (let i = 0; i < ids.length; i += 500) {
      for (const r of await trx.selectFrom('documents').select('id').where('id', 'in', ids.slice(i, i + 500)).execute()) stored.add(r.id);
    }
    const fresh: Analysis[] = [];
    for (const a of list) {
      if (stored.has(a.doc.id)) continue;
      stored.add(a.doc.id);
      fresh.push(a);
    }
    if (fresh.length === 0) return 0;
    const top = await trx.selectFrom('documents').select((eb) => eb.fn.max('position').as('p')).executeTakeFirst();
    let position = top?.p == null ? 0 : Number(top.p);

    await upsertActors(d, trx, fresh.flatMap((a) => a.actors));
    const docs: Insertable<DB['documents']>[] = [];
    const layers = {
      sentences: [] as Insertable<DB['sentences']>[], document_actors: [] as Insertable<DB['document_actors']>[],
      mentions: [] as Insertable<DB['mentions']>[], times: [] as Insertable<DB['times']>[], events: [] as Insertable<DB['events']>[],
      quotes: [] as Insertable<DB['quotes']>[], claims: [] as Insertable<DB['claims']>[], frames: [] as Insertable<DB['frames']>[],
      link_digests: [] as Insertable<DB['link_digests']>[],
    };
    const texts: { doc_id: string; kind: 'document' | 'quote'; idx: number; text: string }[] = [];
    for (const a of fresh) {
      const doc = a.doc;
      const m = doc.meta ?? {};
      docs.push({
        id: doc.id, source: doc.source, body: doc.body, meta: JSON.stringify(m), dropped: JSON.stringify(doc.dropped ?? []),
        title: m.title ?? null, outlet: m.outlet ?? null, published: m.published ?? null, url: m.url ?? null, position: ++position,
      });
      texts.push({ doc_id: doc.id, kind: 'document', idx: 0, text: `${m.title ?? ''}\n\n${doc.body}` });
      a.sentences.forEach((s, i) => layers.sentences.push(rows.sentenceRow(doc.id, i, s)));
      [...new Set(a.actors.map((x) => x.id))].forEach((actor, i) => layers.document_actors.push({ doc_id: doc.id, idx: i, actor_id: actor }));
      a.mentions.forEach((x, i) => layers.mentions.push(rows.mentionRow(doc.id, i, x)));
      a.times.forEach((x, i) => layers.times.push(rows.timeRow(doc.id, i, x)));
      a.events.forEach((x, i) => layers.events.push(rows.eventRow(doc.id, i, x)));
      a.quotes.forEach((x, i) => {
        layers.quotes.push(rows.quoteRow(doc.id, i, x));
        texts.push({ doc_id: doc.id, kind: 'quote', idx: i, text: x.text });
      });
      a.claims.forEach((x, i) => layers.claims.push(rows.claimRow(doc.id, i, x)));
      a.frames.forEach((x, i) => layers.frames.push(rows.frameRow(doc.id, i, x)));
      layers.link_digests.push({ doc_id: doc.id, digest: digests?.get(doc.id) ?? encodeDigest(linkDigest(a)) });
    }
    await insertMany(d, trx, 'documents', docs);
    for (const [table, list] of Object.entries(layers)) await insertMany(d, trx, table as keyof typeof layers, list as never[]);
    await d.indexTexts(trx, texts);
    return fresh.length;
  });
}

/** Replaces the stored links with these, in one transaction. */
export async function writeLinks(d: StoreDialect, links: CorpusLinks): Promise<void> {
  await d.writeTransaction((trx) => replaceLinks(d, trx, links));
}

/** Replaces the stored links and records that they cover the documents up to `position`, in one transaction. */
export async function writeLinksCovering(d: StoreDialect, links: CorpusLinks, position: number): Promise<void> {
  await d.writeTransaction(async (trx) => {
    await replaceLinks(d, trx, links);
    await trx.deleteFrom('links_state').execute();
    await trx.insertInto('links_state').values({ id: 1, position }).execute();
  });
}

async function replaceLinks(d: StoreDialect, trx: Kysely<DB>, links: CorpusLinks): Promise<void> {
  for (const t of ['same_actor', 'event_groups', 'storyline_events', 'storylines', 'near_duplicates'] as const) await trx.deleteFrom(t).execute();
  await insertMany(d, trx, 'same_actor', Object.entries(links.sameActor).map(([actor, same]) => ({ actor_id: actor, same_as: same })));
  await insertMany(d, trx, 'event_groups', links.sameEvent.flatMap((g) =>
    g.events.map((e, i) => ({ group_id: g.id, idx: i, doc_id: e.doc, event_id: e.event }))));
  await insertMany(d, trx, 'storylines', links.storylines.map((s, pos) => ({ id: s.id, position: pos, label: s.label, actors: JSON.stringify(s.actors) })));
  await insertMany(d, trx, 'storyline_events', links.storylines.flatMap((s) =>
    s.events.map((e, i) => ({ storyline_id: s.id, idx: i, doc_id: e.doc, event_id: e.event }))));
  await insertMany(d, trx, 'near_duplicates', (links.nearDuplicates ?? []).map((n) => ({ doc_id: n.doc, of_doc: n.of, similarity: n.similarity })));
}
