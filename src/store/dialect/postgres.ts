// PostgreSQL: a connection pool (readers run beside the writers, each query sees committed
// data only), an advisory lock that makes writers take turns (document writers only to number
// their documents), and text search over tsvector columns (written with each row) with GIN indexes.
import pg from 'pg';
import { Kysely, PostgresDialect, sql } from 'kysely';
import type { DB } from '../db.ts';
import { foldText } from './fold.ts';
import { MARK, queryWords, type StoreDialect, type TextHit } from './dialect.ts';

/** Rows per JSON parameter of insertRows: a large link pass is written in statements of a few MB. */
const JSON_ROWS = 10_000;

/** Any fixed number: the advisory lock every sitrep writer takes. */
const WRITER_LOCK = 7_305_115;

/** The URL without its password, for messages. */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch { return 'postgres://…'; }
}

export function isPostgresUrl(target: string): boolean {
  return /^postgres(ql)?:\/\//i.test(target);
}

/** `words` joined for plainto_tsquery: every word must match. */
const tsText = (text: string): string => queryWords(foldText(text)).join(' ');

export function openPostgres(url: string, opts: { poolSize?: number } = {}): StoreDialect {
  const pool = new pg.Pool({ connectionString: url, max: opts.poolSize ?? 10 });
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
  const none = sql<boolean>`false`;
  return {
    name: 'postgres',
    db,
    label: redactUrl(url),
    writeTransaction: (work) => db.transaction().execute(async (trx) => {
      await sql`SELECT pg_advisory_xact_lock(${WRITER_LOCK})`.execute(trx);
      return work(trx);
    }),
    // documents are written beside other writers' and take the writers' lock only to be numbered,
    // so that workers analyse and store in parallel and take turns only for the last statement
    documentTransaction: (work) => db.transaction().execute(work),
    async lockPositions(trx) { await sql`SELECT pg_advisory_xact_lock(${WRITER_LOCK})`.execute(trx); },
    close: () => db.destroy(),
    // folded here: translate() in SQL scans its 190 letters for each character (src/store/dialect/fold.ts)
    searchVector: (text) => sql`to_tsvector('english'::regconfig, ${foldText(text.toLowerCase())})`,
    async indexTexts() { /* search_tsv columns are written with the rows (searchVector) */ },
    // the rows as one JSON parameter the server unpacks into the table's row type: a multi-row
    // INSERT of a batch has thousands of parameters, which cost more to compile here and to
    // bind and plan on the server than the rows cost to store (a third of the server's time)
    async insertRows(trx, table, rows) {
      const columns = sql.join(Object.keys(rows[0]).map((c) => sql.ref(c)));
      for (let i = 0; i < rows.length; i += JSON_ROWS) {
        await sql`INSERT INTO ${sql.table(table)} (${columns})
          SELECT ${columns} FROM json_populate_recordset(NULL::${sql.table(table)}, ${JSON.stringify(rows.slice(i, i + JSON_ROWS))}::json)`.execute(trx);
      }
    },
    documentMatches(text) {
      const q = tsText(text);
      return q ? sql<boolean>`d.search_tsv @@ plainto_tsquery('english', ${q})` : none;
    },
    quoteMatches(text) {
      const q = tsText(text);
      return q ? sql<boolean>`q.search_tsv @@ plainto_tsquery('english', ${q})` : none;
    },
    async searchTexts(text, kinds, limit) {
      const q = tsText(text);
      if (!q || kinds.length === 0) return [];
      const opts = `StartSel=${MARK.open}, StopSel=${MARK.close}, FragmentDelimiter=${MARK.ellipsis}, MaxWords=16, MinWords=6, MaxFragments=2`;
      const parts = [];
      if (kinds.includes('document')) {
        parts.push(sql`SELECT 'document' AS kind, id AS doc_id, 0 AS idx, ts_rank(search_tsv, query) AS rank,
            COALESCE(title, '') || ' ' || body AS text
          FROM documents, plainto_tsquery('english', ${q}) query WHERE search_tsv @@ query`);
      }
      if (kinds.includes('quote')) {
        parts.push(sql`SELECT 'quote' AS kind, doc_id, idx, ts_rank(search_tsv, query) AS rank, text
          FROM quotes, plainto_tsquery('english', ${q}) query WHERE search_tsv @@ query`);
      }
      const { rows } = await sql<TextHit>`
        SELECT kind, doc_id, idx, rank, ts_headline('english', text, plainto_tsquery('english', ${q}), ${opts}) AS snippet
        FROM (SELECT * FROM (${sql.join(parts, sql` UNION ALL `)}) hits ORDER BY rank DESC, doc_id, idx LIMIT ${limit}) best
        ORDER BY rank DESC, doc_id, idx`.execute(db);
      // ts_rank is at least 0 and rarely above 1: map to (0, 1) as SQLite's ranks are
      return rows.map((r) => ({ ...r, idx: Number(r.idx), rank: Number(r.rank) / (1 + Number(r.rank)) }));
    },
  };
}
