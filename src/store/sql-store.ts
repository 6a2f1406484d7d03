// The Store over Kysely: the same code for an SQLite file and a PostgreSQL server; what differs
// lives in dialect/. Writes go through write.ts, whole records through read.ts, the API's
// lists through lists.ts.
import type { Store, StoreCounts, StoredDocument } from './index.ts';
import type { Analysis } from '../model/types.ts';
import type { StoreDialect } from './dialect/dialect.ts';
import { migrate } from './migrate.ts';
import { makeQueries } from './lists.ts';
import * as read from './read.ts';
import { saveBatch, writeLinkCheckpoint, writeLinks, writeOpenLinks } from './write.ts';
import * as progress from './progress.ts';

export async function openSqlStore(d: StoreDialect): Promise<Store> {
  try {
    await migrate(d);
  } catch (err) {
    await d.close();
    throw err;
  }
  const db = d.db;
  return {
    ...makeQueries(d),
    dialect: d.name,
    hasDocument: async (id) => (await db.selectFrom('documents').select('id').where('id', '=', id).executeTakeFirst()) !== undefined,
    saveAnalyses: (list, digests) => saveBatch(d, list, digests),
    linkInputs: (from) => read.linkInputs(db, from),
    getAnalysis: (id) => read.getAnalysis(db, id),
    async *documents(): AsyncGenerator<StoredDocument> {
      for await (const r of read.documentRows(db)) yield { id: r.id, source: r.source, meta: JSON.parse(r.meta) };
    },
    async *analyses(): AsyncGenerator<Analysis> {
      for await (const r of read.documentRows(db)) {
        const a = await read.getAnalysis(db, r.id);
        if (a) yield a;
      }
    },
    actor: (id) => read.actor(db, id),
    findActors: (q) => read.findActors(db, q),
    event: (id) => read.event(db, id),
    actorDocuments: (ids) => read.actorDocuments(db, ids),
    saveLinks: (links) => writeLinks(d, links),
    storedIds: (ids) => progress.storedIds(db, ids),
    lastPosition: () => progress.lastPosition(db),
    linkState: () => read.linkState(db),
    saveLinkCheckpoint: (epoch, c, fresh) => writeLinkCheckpoint(d, epoch, c, fresh),
    saveOpenLinks: (epoch, links, position, fresh) => writeOpenLinks(d, epoch, links, position, fresh),
    linksBehind: () => progress.linksBehind(db),
    links: () => read.links(db),
    counts: (): Promise<StoreCounts> => read.counts(db),
    feedState: async (url) => (await db.selectFrom('feeds').select('state').where('url', '=', url).executeTakeFirst())?.state,
    saveFeedState: (url, state) => d.writeTransaction(async (trx) => {
      await trx.insertInto('feeds').values({ url, state }).onConflict((oc) => oc.column('url').doUpdateSet({ state })).execute();
    }),
    close: () => d.close(),
  };
}
