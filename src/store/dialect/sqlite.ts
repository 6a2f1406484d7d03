// SQLite: one file through better-sqlite3, WAL journal so that readers never wait for the
// writer, foreign keys on; full-text search in an FTS5 table the store writes beside the rows.
import { resolve } from 'node:path';
import Database from 'better-sqlite3';
import { Kysely, SqliteDialect, sql } from 'kysely';
import type { DB } from '../db.ts';
import { StoreSchemaError } from '../errors.ts';
import { MARK, queryWords, type StoreDialect, type TextHit } from './dialect.ts';

/**
 * Writers to one file from this process take turns here: better-sqlite3 is synchronous, so a
 * second connection waiting on SQLite's lock would block the very event loop the first needs
 * to finish. Other processes wait on SQLite's own lock (busy_timeout).
 */
const fileWriters = new Map<string, Promise<unknown>>();

function inTurn<T>(key: string, work: () => Promise<T>): Promise<T> {
  const prev = fileWriters.get(key) ?? Promise.resolve();
  const mine = prev.catch(() => undefined).then(work);
  const tail = mine.catch(() => undefined);
  fileWriters.set(key, tail);
  void tail.then(() => { if (fileWriters.get(key) === tail) fileWriters.delete(key); });
  return mine;
}

/** An FTS5 query: every word, each quoted (so none is read as an operator). */
function ftsQuery(text: string): string | null {
  const words = queryWords(text);
  return words.length ? words.map((w) => `"${w}"`).join(' ') : null;
}

export function openSqlite(path: string): StoreDialect {
  const raw = new Database(path);
  try {
    raw.pragma('journal_mode = WAL');
    raw.pragma('foreign_keys = ON');
    raw.pragma('busy_timeout = 5000');
  } catch (err) {
    raw.close();
    if ((err as { code?: string }).code === 'SQLITE_NOTADB') throw new StoreSchemaError(`${path} is not a sitrep store: it is not an SQLite file`);
    throw err;
  }
  const db = new Kysely<DB>({ dialect: new SqliteDialect({ database: raw }) });
  const none = sql<boolean>`0`;
  return {
    name: 'sqlite',
    db,
    label: path,
    writeTransaction(work) {
      const run = () => db.transaction().execute(async (trx) => {
        // a write as the first statement takes SQLite's write lock now, not halfway through the batch
        await sql`DELETE FROM schema_version WHERE 0`.execute(trx);
        return work(trx);
      });
      return path === ':memory:' || path === '' ? run() : inTurn(resolve(path), run);
    },
    async indexTexts(trx, rows) {
      for (let i = 0; i < rows.length; i += 500) await trx.insertInto('text_fts').values(rows.slice(i, i + 500)).execute();
    },
    documentMatches(text) {
      const q = ftsQuery(text);
      return q ? sql<boolean>`d.id IN (SELECT doc_id FROM text_fts WHERE text_fts MATCH ${q} AND kind = 'document')` : none;
    },
    quoteMatches(text) {
      const q = ftsQuery(text);
      return q ? sql<boolean>`(q.doc_id, q.idx) IN (SELECT doc_id, idx FROM text_fts WHERE text_fts MATCH ${q} AND kind = 'quote')` : none;
    },
    async searchTexts(text, kinds, limit) {
      const q = ftsQuery(text);
      if (!q || kinds.length === 0) return [];
      const { rows } = await sql<TextHit>`
        SELECT kind, doc_id, idx, snippet(text_fts, 3, ${MARK.open}, ${MARK.close}, ${MARK.ellipsis}, 16) AS snippet, bm25(text_fts) AS rank
        FROM text_fts WHERE text_fts MATCH ${q} AND kind IN (${sql.join(kinds)})
        ORDER BY rank LIMIT ${limit}`.execute(db);
      // bm25 is negative, lower is better: map to (0, 1), higher is better
      return rows.map((r) => ({ ...r, idx: Number(r.idx), rank: -r.rank / (1 - r.rank) }));
    },
  };
}
