// The store: every Analysis and the corpus links, behind one interface, on an SQLite file or a
// PostgreSQL server through the same query code (Kysely, with a dialect module per database).
import type { Actor, Analysis, CorpusLinks, DocumentMeta, Event } from '../model/types.ts';
import type { StoreQueries } from './queries.ts';
import type { LinkDigest } from '../link/digest.ts';
import type { LinkCheckpoint } from '../link/snapshot.ts';
import { openSqlite } from './dialect/sqlite.ts';
import { isPostgresUrl, openPostgres, redactUrl } from './dialect/postgres.ts';
import { StoreSchemaError } from './errors.ts';
import { openSqlStore } from './sql-store.ts';

export interface StoredDocument { id: string; source: string; meta: DocumentMeta }

/**
 * One stored document as the corpus linker reads it: its digest, the actors it names, its stored
 * position, and every stored actor by id (for a linker restored from a snapshot).
 */
export interface LinkInput { digest: LinkDigest; actors: Actor[]; position: number; actorOf: (id: string) => Actor | undefined }

/** How far the saved links reach, the epoch of their last save, and the snapshot an incremental link goes on from (src/link/snapshot.ts). */
export interface LinkState { position: number; epoch: number; snapshot?: string }

export interface StoreCounts { documents: number; actors: number; events: number; quotes: number; frames: number }

/** Every method is asynchronous, so that an embedded SQLite file and a PostgreSQL server sit behind the same interface. */
export interface Store extends StoreQueries {
  /** Which database holds the store. */
  dialect: 'sqlite' | 'postgres';
  hasDocument(id: string): Promise<boolean>;
  /** Writes the batch in one transaction; documents already stored are skipped. Returns how many were new. */
  /** `digests`: doc id -> its encoded link digest (src/link/digest.ts), where made already; the store makes the others. */
  saveAnalyses(list: Analysis[], digests?: ReadonlyMap<string, string>): Promise<number>;
  /** What the corpus linker needs of each stored document after position `from`, in stored order (see src/link/digest.ts). */
  linkInputs(from?: number): AsyncIterable<LinkInput>;
  getAnalysis(docId: string): Promise<Analysis | undefined>;
  documents(): AsyncIterable<StoredDocument>;
  /** Every stored Analysis, one at a time, in the order they were stored. */
  analyses(): AsyncIterable<Analysis>;
  actor(id: string): Promise<Actor | undefined>;
  /** Actors whose id, code, name or alias equals the query (case and diacritics ignored). */
  findActors(nameOrCode: string): Promise<Actor[]>;
  event(id: string): Promise<{ event: Event; doc: string } | undefined>;
  /** Ids of the documents that mention any of these actors or give them an event role, in stored order. */
  actorDocuments(actorIds: string[]): Promise<string[]>;
  /** Replaces the stored links with these (final; the next incremental link starts over). */
  saveLinks(links: CorpusLinks): Promise<void>;
  /** Which of these document ids are stored (one query per few hundred ids). */
  storedIds(ids: string[]): Promise<Set<string>>;
  /** The position of the last stored document (0 when none): links computed now cover up to it. */
  lastPosition(): Promise<number>;
  /** How far the saved links reach, and what an incremental link goes on from. */
  linkState(): Promise<LinkState>;
  /**
   * Saves an incremental link's checkpoint: its final links and snapshot, in one transaction
   * (`fresh`: the link started over, every link saved before goes). Returns the new epoch;
   * throws LinkConflictError if another linker saved after `epoch`.
   */
  saveLinkCheckpoint(epoch: number, checkpoint: LinkCheckpoint, fresh: boolean): Promise<number>;
  /** Ends an incremental link: its provisional links replace the last ones, and the links reach `position`. As above for the rest. */
  saveOpenLinks(epoch: number, links: CorpusLinks, position: number, fresh: boolean): Promise<number>;
  /** True when documents were stored after the links were last saved by an incremental link (or never linked so). */
  linksBehind(): Promise<boolean>;
  links(): Promise<CorpusLinks>;
  counts(): Promise<StoreCounts>;
  /** What `sitrep watch` kept of a feed (JSON text), if it has followed it before. */
  feedState(url: string): Promise<string | undefined>;
  saveFeedState(url: string, state: string): Promise<void>;
  close(): Promise<void>;
}

/**
 * Opens a store, creating and migrating it when needed: a 'postgres://' or 'postgresql://' URL
 * opens PostgreSQL (the database must exist); anything else is an SQLite file path, and
 * ':memory:' gives a throw-away store.
 */
export async function openStore(target: string): Promise<Store> {
  const pg = isPostgresUrl(target);
  try {
    return await openSqlStore(pg ? openPostgres(target) : openSqlite(target));
  } catch (err) {
    if (err instanceof StoreSchemaError) throw err;
    // the target named (a URL without its password), so that a wrong --db or SITREP_DB is plain to see
    throw new Error(`cannot open the store ${pg ? redactUrl(target) : target}: ${(err as Error).message}`, { cause: err });
  }
}

export { isPostgresUrl, redactUrl } from './dialect/postgres.ts';

/** Every item of an async iterable, in order (for the few callers that need them all at once). */
export async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const x of items) out.push(x);
  return out;
}

export { StoreQueryError, StoreSchemaError } from './errors.ts';
export type * from './queries.ts';
