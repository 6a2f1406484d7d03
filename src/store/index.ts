// The store: every Analysis and the corpus links, behind one interface. SQLite is the
// implementation today; a PostgreSQL one will sit behind the same interface.
import type { Actor, Analysis, CorpusLinks, DocumentMeta, Event } from '../model/types.ts';
import { openSqliteStore } from './sqlite/store.ts';

export interface StoredDocument { id: string; source: string; meta: DocumentMeta }

export interface StoreCounts { documents: number; actors: number; events: number; quotes: number; frames: number }

export interface Store {
  hasDocument(id: string): boolean;
  /** Writes the batch in one transaction; documents already stored are skipped. Returns how many were new. */
  saveAnalyses(list: Analysis[]): number;
  getAnalysis(docId: string): Analysis | undefined;
  documents(): Iterable<StoredDocument>;
  /** Every stored Analysis, one at a time, in the order they were stored. */
  analyses(): Iterable<Analysis>;
  actor(id: string): Actor | undefined;
  /** Actors whose id, code, name or alias equals the query (case and diacritics ignored). */
  findActors(nameOrCode: string): Actor[];
  event(id: string): { event: Event; doc: string } | undefined;
  /** Ids of the documents that mention any of these actors or give them an event role, in stored order. */
  actorDocuments(actorIds: string[]): string[];
  /** Replaces the stored links with these. */
  saveLinks(links: CorpusLinks): void;
  links(): CorpusLinks;
  counts(): StoreCounts;
  close(): void;
}

/** Opens (creating when needed) an SQLite store file; ':memory:' gives a throw-away store. */
export function openStore(path: string): Store {
  return openSqliteStore(path);
}

export { StoreSchemaError } from './errors.ts';
