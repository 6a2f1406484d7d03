// Writing a batch of analyses: one transaction, documents already stored skipped, actors merged
// with what the store knows, every layer inserted in multi-row statements, texts indexed.
import { sql, type Insertable, type Kysely } from 'kysely';
import type { Actor, Analysis, CorpusLinks } from '../model/types.ts';
import type { LinkCheckpoint } from '../link/snapshot.ts';
import { LinkConflictError } from './errors.ts';
import { encodeDigest, linkDigest } from '../link/digest.ts';
import type { DB } from './db.ts';
import type { StoreDialect } from './dialect/dialect.ts';
import { nameKeys } from './names.ts';
import * as rows from './rows.ts';
import { insertMany, MAX_PARAMS } from './insert.ts';
import { writeProvisionalLinks } from './open-links.ts';

const ACTOR_COLUMNS = ['name', 'kind', 'code', 'country', 'aliases', 'roles', 'memberships', 'is_new'] as const;

/**
 * Actors of the batch, one row each: the last telling's fields, every alias ever seen. Only rows
 * that change are written, in id order: a row written stays locked until the transaction ends,
 * and the actors most documents name (states, leaders) rarely change, so concurrent writers
 * (queue workers on PostgreSQL) do not queue behind one another on them, nor deadlock.
 */
async function upsertActors(d: StoreDialect, trx: Kysely<DB>, actors: Actor[]): Promise<void> {
  if (actors.length === 0) return;
  const merged = new Map<string, Actor>();
  for (const a of actors) {
    const prev = merged.get(a.id);
    merged.set(a.id, { ...a, aliases: [...new Set([...(prev?.aliases ?? []), ...(a.aliases ?? [])])] });
  }
  const ids = [...merged.keys()].sort();
  const stored = new Map<string, Record<string, unknown>>();
  for (let i = 0; i < ids.length; i += 500) {
    for (const r of await trx.selectFrom('actors').selectAll().where('id', 'in', ids.slice(i, i + 500)).execute()) {
      stored.set(r.id, r);
      const a = merged.get(r.id)!;
      a.aliases = [...new Set([...(JSON.parse(r.aliases) as string[]), ...a.aliases])];
    }
  }
  const same = (row: ReturnType<typeof rows.actorRow>, old: Record<string, unknown> | undefined) =>
    old !== undefined && ACTOR_COLUMNS.every((c) => (row[c] ?? null) === (old[c] === null || old[c] === undefined ? null : typeof row[c] === 'number' ? Number(old[c]) : old[c]));
  const changed = ids.map((id) => merged.get(id)!).filter((a) => !same(rows.actorRow(a), stored.get(a.id)));
  if (changed.length === 0) return;
  const list = changed.map(rows.actorRow);
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
  const changedIds = changed.map((a) => a.id);
  for (let i = 0; i < changedIds.length; i += 500) await trx.deleteFrom('actor_names').where('actor_id', 'in', changedIds.slice(i, i + 500)).execute();
  await insertMany(d, trx, 'actor_names', changed.flatMap((a) =>
    [...nameKeys(a.kind, [a.name, ...a.aliases])].map((key) => ({ actor_id: a.id, name_key: key }))));
}

/**
 * Writes the analyses whose documents are not stored yet; returns how many were written.
 * `digests` are their encoded link digests (doc id -> encodeDigest) where the caller made them
 * already, while the tokens were at hand; the others are made here.
 *
 * Several writers may run at once (on PostgreSQL; SQLite takes turns): everything is written
 * first, and the documents get their positions last, under the dialect's position lock held to
 * the commit, so positions follow the order of commits and a reader paging by position never
 * finds a gap filled later. A document another writer stores meanwhile is skipped, not doubled.
 */
export async function saveBatch(d: StoreDialect, list: Analysis[], digests?: ReadonlyMap<string, string>): Promise<number> {
  if (list.length === 0) return 0;
  return d.documentTransaction(async (trx) => {
    const ids = [...new Set(list.map((a) => a.doc.id))];
    const stored = new Set<string>();
    for (let i = 0; i < ids.length; i += 500) {
      for (const r of await trx.selectFrom('documents').select('id').where('id', 'in', ids.slice(i, i + 500)).execute()) stored.add(r.id);
    }
    let fresh: Analysis[] = [];
    for (const a of list) {
      if (stored.has(a.doc.id)) continue;
      stored.add(a.doc.id);
      fresh.push(a);
    }
    if (fresh.length === 0) return 0;

    await upsertActors(d, trx, fresh.flatMap((a) => a.actors));
    // the documents first, each only if no other writer has stored it since the check above
    // (PostgreSQL waits here for that writer's commit); position 0 until numbered below
    const inserted = new Set<string>();
    const docRows: Insertable<DB['documents']>[] = fresh.map((a) => {
      const m = a.doc.meta ?? {};
      return {
        id: a.doc.id, source: a.doc.source, body: a.doc.body, meta: JSON.stringify(m), dropped: JSON.stringify(a.doc.dropped ?? []),
        title: m.title ?? null, outlet: m.outlet ?? null, published: m.published ?? null, url: m.url ?? null, position: 0,
        ...(d.searchVector ? { search_tsv: d.searchVector(`${m.title ?? ''} ${a.doc.body}`) } : {}),
      };
    });
    const per = Math.floor(MAX_PARAMS / 10);
    for (let i = 0; i < docRows.length; i += per) {
      for (const r of await trx.insertInto('documents').values(docRows.slice(i, i + per))
        .onConflict((oc) => oc.column('id').doNothing()).returning('id').execute()) inserted.add(r.id);
    }
    fresh = fresh.filter((a) => inserted.has(a.doc.id));
    if (fresh.length === 0) return 0;

    const layers = {
      sentences: [] as Insertable<DB['sentences']>[], document_actors: [] as Insertable<DB['document_actors']>[],
      mentions: [] as Insertable<DB['mentions']>[], times: [] as Insertable<DB['times']>[], events: [] as Insertable<DB['events']>[],
      quotes: [] as Insertable<DB['quotes']>[], claims: [] as Insertable<DB['claims']>[], frames: [] as Insertable<DB['frames']>[],
      link_digests: [] as Insertable<DB['link_digests']>[],
    };
    const texts: { doc_id: string; kind: 'document' | 'quote'; idx: number; text: string }[] = [];
    for (const a of fresh) {
      const doc = a.doc;
      texts.push({ doc_id: doc.id, kind: 'document', idx: 0, text: `${doc.meta?.title ?? ''}\n\n${doc.body}` });
      a.sentences.forEach((s, i) => layers.sentences.push(rows.sentenceRow(doc.id, i, s)));
      [...new Set(a.actors.map((x) => x.id))].forEach((actor, i) => layers.document_actors.push({ doc_id: doc.id, idx: i, actor_id: actor }));
      a.mentions.forEach((x, i) => layers.mentions.push(rows.mentionRow(doc.id, i, x)));
      a.times.forEach((x, i) => layers.times.push(rows.timeRow(doc.id, i, x)));
      a.events.forEach((x, i) => layers.events.push(rows.eventRow(doc.id, i, x)));
      a.quotes.forEach((x, i) => {
        layers.quotes.push(d.searchVector ? { ...rows.quoteRow(doc.id, i, x), search_tsv: d.searchVector(x.text) } : rows.quoteRow(doc.id, i, x));
        texts.push({ doc_id: doc.id, kind: 'quote', idx: i, text: x.text });
      });
      a.claims.forEach((x, i) => layers.claims.push(rows.claimRow(doc.id, i, x)));
      a.frames.forEach((x, i) => layers.frames.push(rows.frameRow(doc.id, i, x)));
      layers.link_digests.push({ doc_id: doc.id, digest: digests?.get(doc.id) ?? encodeDigest(linkDigest(a)) });
    }
    for (const [table, list] of Object.entries(layers)) await insertMany(d, trx, table as keyof typeof layers, list as never[]);
    await d.indexTexts(trx, texts);
    await numberDocuments(d, trx, fresh.map((a) => a.doc.id));
    return fresh.length;
  });
}

/** Gives the documents the next positions, in this order, under the position lock (held to the commit). */
async function numberDocuments(d: StoreDialect, trx: Kysely<DB>, ids: string[]): Promise<void> {
  await d.lockPositions(trx);
  const top = await trx.selectFrom('documents').select((eb) => eb.fn.max('position').as('p')).executeTakeFirst();
  let position = top?.p == null ? 0 : Number(top.p);
  for (let i = 0; i < ids.length; i += 500) {
    const part = ids.slice(i, i + 500);
    const cases = sql.join(part.map((id) => sql`WHEN ${id} THEN CAST(${++position} AS INTEGER)`), sql` `);
    await sql`UPDATE documents SET position = CASE id ${cases} END WHERE id IN (${sql.join(part)})`.execute(trx);
  }
}

/** Replaces the stored links with these, in one transaction; the next incremental link starts over. */
export async function writeLinks(d: StoreDialect, links: CorpusLinks): Promise<void> {
  await d.writeTransaction(async (trx) => {
    const state = await trx.selectFrom('links_state').select('epoch').where('id', '=', 1).executeTakeFirst();
    await advanceEpoch(trx, state ? Number(state.epoch) : 0);
    await trx.updateTable('links_state').set({ snapshot: null }).where('id', '=', 1).execute();
    await deleteLinks(trx, false);
    await insertLinks(d, trx, links, 0);
    await replaceSameActor(d, trx, links.sameActor);
  });
}

/**
 * Saves a checkpoint of an incremental link (src/link/snapshot.ts): its finished links, final,
 * and its snapshot, which the links now reach. The provisional links of the last run go: they
 * are found again. `fresh`: the linker started over, so every link saved before goes. Returns
 * the new epoch; throws LinkConflictError if another linker saved since `epoch`.
 */
export async function writeLinkCheckpoint(d: StoreDialect, epoch: number, c: LinkCheckpoint, fresh: boolean): Promise<number> {
  return d.writeTransaction(async (trx) => {
    const next = await advanceEpoch(trx, epoch);
    await deleteLinks(trx, !fresh);
    await insertLinks(d, trx, c, 0);
    await trx.updateTable('links_state').set({ position: c.position, snapshot: c.snapshot }).where('id', '=', 1).execute();
    return next;
  });
}

/**
 * Ends an incremental link: the links found after its last snapshot, provisional, replace the
 * provisional ones saved before; the same-actor links are replaced; the links reach `position`.
 */
export async function writeOpenLinks(d: StoreDialect, epoch: number, links: CorpusLinks, position: number, fresh: boolean): Promise<number> {
  return d.writeTransaction(async (trx) => {
    const next = await advanceEpoch(trx, epoch);
    if (fresh) {
      await deleteLinks(trx, false);
      await insertLinks(d, trx, links, 1);
    } else {
      await writeProvisionalLinks(d, trx, links);
    }
    await replaceSameActor(d, trx, links.sameActor);
    // a link that started over and took no snapshot leaves none to go on from
    await trx.updateTable('links_state').set(fresh ? { position, snapshot: null } : { position }).where('id', '=', 1).execute();
    return next;
  });
}

/** Bumps the epoch from `epoch` (making the state row the first time); throws LinkConflictError if it moved. */
async function advanceEpoch(trx: Kysely<DB>, epoch: number): Promise<number> {
  const r = await trx.updateTable('links_state').set({ epoch: epoch + 1 }).where('id', '=', 1).where('epoch', '=', epoch).executeTakeFirst();
  if (Number(r.numUpdatedRows) === 1) return epoch + 1;
  const row = await trx.selectFrom('links_state').select('epoch').where('id', '=', 1).executeTakeFirst();
  if (row || epoch !== 0) throw new LinkConflictError();
  await trx.insertInto('links_state').values({ id: 1, position: 0, snapshot: null, epoch: 1 }).execute();
  return 1;
}

const LINK_TABLES = ['event_groups', 'storyline_events', 'storylines', 'near_duplicates'] as const;

async function deleteLinks(trx: Kysely<DB>, provisionalOnly: boolean): Promise<void> {
  for (const t of LINK_TABLES) {
    if (provisionalOnly) await trx.deleteFrom(t).where('provisional', '=', 1).execute();
    else await trx.deleteFrom(t).execute();
  }
}

async function insertLinks(d: StoreDialect, trx: Kysely<DB>, links: Omit<CorpusLinks, 'sameActor'>, provisional: 0 | 1): Promise<void> {
  await insertMany(d, trx, 'event_groups', links.sameEvent.flatMap((g) => g.events.map((e, i) => rows.eventGroupRow(g.id, i, e, provisional))));
  await insertMany(d, trx, 'storylines', links.storylines.map((s) => rows.storylineRow(s, provisional)));
  await insertMany(d, trx, 'storyline_events', links.storylines.flatMap((s) => s.events.map((e, i) => rows.storylineEventRow(s.id, i, e, provisional))));
  await insertMany(d, trx, 'near_duplicates', (links.nearDuplicates ?? []).map((n) => rows.nearDuplicateRow(n, provisional)));
}

async function replaceSameActor(d: StoreDialect, trx: Kysely<DB>, sameActor: Record<string, string>): Promise<void> {
  await trx.deleteFrom('same_actor').execute();
  await insertMany(d, trx, 'same_actor', Object.entries(sameActor).map(([actor, same]) => ({ actor_id: actor, same_as: same })));
}
