// What differs between the two databases, and nothing else: opening a connection, serialising
// writers, and full-text search. Every other query is shared code over Kysely.
import type { Expression, Kysely, SqlBool } from 'kysely';
import type { DB } from '../db.ts';

export type DialectName = 'sqlite' | 'postgres';

/** One full-text hit: a document (idx 0) or a quote (its idx in the document). */
export interface TextHit { kind: 'document' | 'quote'; doc_id: string; idx: number; snippet: string; rank: number }

export interface StoreDialect {
  name: DialectName;
  /** For reads; never blocked by a write in progress, sees committed data only. */
  db: Kysely<DB>;
  /** Names the store in messages (a path, or a URL without its password). */
  label: string;
  /** Runs `work` in one transaction that holds the write lock from its start: one writer at a time, so positions and links stay in order. Migrations run here too. */
  writeTransaction<T>(work: (trx: Kysely<DB>) => Promise<T>): Promise<T>;
  /**
   * Runs `work`, which stores documents, in one transaction that may run beside other writers'
   * (PostgreSQL) or takes its turn (SQLite); it calls lockPositions before numbering them.
   */
  documentTransaction<T>(work: (trx: Kysely<DB>) => Promise<T>): Promise<T>;
  /** Makes writers number their documents one at a time, in commit order: held until the transaction ends. */
  lockPositions(trx: Kysely<DB>): Promise<void>;
  close(): Promise<void>;
  /**
   * Inserts rows of one shape (the same columns, as one row builder makes them) into `table` in
   * the transaction `trx`, if the dialect has a faster way than Kysely's multi-row INSERT.
   * Their values are plain (strings, numbers, null): rows with SQL expressions go through Kysely.
   */
  insertRows?(trx: Kysely<DB>, table: string, rows: Record<string, unknown>[]): Promise<void>;
  /**
   * The value of a document's or quote's search column for its text, written with the row
   * (PostgreSQL: its tsvector over the folded text); none where the dialect indexes texts apart (SQLite).
   */
  searchVector?(text: string): Expression<unknown>;
  /** Keeps the text index in step with written documents and quotes (SQLite; PostgreSQL writes its search columns with the rows). */
  indexTexts(trx: Kysely<DB>, rows: { doc_id: string; kind: 'document' | 'quote'; idx: number; text: string }[]): Promise<void>;
  /** The document aliased `d` matches the words of `text` (all of them, stemmed). */
  documentMatches(text: string): Expression<SqlBool>;
  /** The quote aliased `q` matches the words of `text`. */
  quoteMatches(text: string): Expression<SqlBool>;
  /** Best hits first; `rank` is higher for better hits, in (0, 1). */
  searchTexts(text: string, kinds: ('document' | 'quote')[], limit: number): Promise<TextHit[]>;
}

/** The words of a free-text query: letters and digits only, so no query syntax leaks into the database. */
export function queryWords(text: string): string[] {
  return (text.normalize('NFC').match(/[\p{L}\p{N}]+/gu) ?? []).slice(0, 32);
}

/** A snippet's marks around matched words. */
export const MARK = { open: '[', close: ']', ellipsis: '…' };
