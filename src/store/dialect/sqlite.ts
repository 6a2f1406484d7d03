// SQLite: one file through better-sqlite3 (a writer and a read-only reader connection), WAL
// journal so that readers never wait for the writer, foreign keys on; full-text search in an
// FTS5 table the store writes beside the rows, in the same transaction.
import { resolve } from 'node:path';
import Database from 'better-sqlite3';
import { Kysely, SqliteDialect, sql } from 'kysely';
import type { DB } from '../db.ts';
import { StoreSchemaError } from '../errors.ts';
import { foldUndecomposed } from './fold.ts';
import { MARK, queryWords, type StoreDialect, type TextHit } from './dialect.ts';

/**
 * Writers to one file from this process take turns here: better-sqlite3 is synchronous, so a
 * second connection waiting on SQLite's lock would block the very event loop the first needs
 * to finish. Other processes and worker threads wait on SQLite's own lock (busy_timeout).
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
  const words = queryWords(foldUndecomposed(text));
  return words.length ? words.map((w) => `"${w}"`).join(' ') : null;
}

function connect(path: string, readonly = false): Database.Database {
  const raw = new Database(path, { readonly });
  try {
    if (!readonly) {
      raw.pragma('journal_mode = WAL');
      // a commit reaches the OS before it returns, so a killed process loses nothing; only a power
      // loss may roll back the last commits (the WAL is synced at checkpoints), for far fewer fsyncs
      raw.pragma('synchronous = NORMAL');
      // a batch of 50 documents writes some 3.5 MB: checkpointing at the default 4 MB of WAL cost
      // one checkpoint per commit (60 ms each); at 80 MB the pages rewritten by every batch (index
      // and full-text pages) reach the database file once per many batches
      raw.pragma('wal_autocheckpoint = 20000');
    }
    raw.pragma('foreign_keys = ON');
    raw.pragma('busy_timeout = 30000');   // another process or worker thread may be writing a large batch
    raw.prepare('SELECT 1 FROM sqlite_master LIMIT 1').get();
  } catch (err) {
    raw.close();
    if ((err as { code?: string }).code === 'SQLITE_NOTADB') throw new StoreSchemaError(`${path} is not a sitrep store: it is not an SQLite file`);
    throw err;
  }
  return raw;
}

/**
 * Two connections to a file: the writer, whose transactions take SQLite's write lock at BEGIN,
 * and a reader, which in WAL mode sees the last commit and never waits for a batch being written.
 * ':memory:' is one database per connection, so it gets one connection for both.
 */
export function openSqlite(path: string): StoreDialect {
  const memory = path === ':memory:' || path === '';
  const writeRaw = connect(path);
  const writer = new Kysely<DB>({ dialect: new SqliteDialect({ database: writeRaw }) });
  let reader: Kysely<DB> | undefined;
  const readerDb = (): Kysely<DB> => {
    // opened after the writer has created the file and its schema (read-only connections cannot create it)
    if (memory) return writer;
    return (reader ??= new Kysely<DB>({ dialect: new SqliteDialect({ database: () => Promise.resolve(connect(path, true)) }) }));
  };
  const none = sql<boolean>`0`;
  // better-sqlite3 runs a prepared statement per row in a few microseconds, far less than
  // compiling and preparing a new many-row statement per batch; statements are kept by shape
  const inserts = new Map<string, { statement: Database.Statement; columns: string[] }>();
  const insertRows = (table: string, rows: Record<string, unknown>[]) => {
    if (rows.length === 0) return;
    const columns = Object.keys(rows[0]);
    const key = `${table}(${columns.join(',')})`;
    let insert = inserts.get(key);
    if (!insert) {
      const quoted = (name: string) => `"${name.replace(/"/g, '""')}"`;
      const statement = writeRaw.prepare(`INSERT INTO ${quoted(table)} (${columns.map(quoted).join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`);
      inserts.set(key, (insert = { statement, columns }));
    }
    const values: unknown[] = new Array(insert.columns.length);
    for (const row of rows) {
      for (let c = 0; c < insert.columns.length; c++) values[c] = row[insert.columns[c]] ?? null;
      insert.statement.run(values);
    }
  };
  const run = <T>(work: (trx: Kysely<DB>) => Promise<T>) => writer.connection().execute(async (conn) => {
    await sql`BEGIN IMMEDIATE`.execute(conn);
    try {
      const out = await work(conn);
      await sql`COMMIT`.execute(conn);
      return out;
    } catch (err) {
      await sql`ROLLBACK`.execute(conn);
      throw err;
    }
  });
  return {
    name: 'sqlite',
    get db() { return readerDb(); },
    label: path,
    writeTransaction: (work) => (memory ? run(work) : inTurn(resolve(path), () => run(work))),
    // SQLite has one writer at a time: the transaction holds the write lock from its BEGIN
    documentTransaction: (work) => (memory ? run(work) : inTurn(resolve(path), () => run(work))),
    async lockPositions() { /* the transaction holds the file's write lock already */ },
    async close() {
      await reader?.destroy();
      await writer.destroy();
    },
    // the writer connection is the one Kysely's transaction runs on, so these rows are in it
    async insertRows(_trx, table, rows) { insertRows(table, rows); },
    async indexTexts(_trx, rows) {
      insertRows('text_fts', rows.map((r) => ({ ...r, text: foldUndecomposed(r.text) })));
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
        ORDER BY rank LIMIT ${limit}`.execute(readerDb());
      // bm25 is negative, lower is better: map to (0, 1), higher is better
      return rows.map((r) => ({ ...r, idx: Number(r.idx), rank: -r.rank / (1 - r.rank) }));
    },
  };
}
