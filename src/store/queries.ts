// What the API, the web app and notebooks ask of a store beyond whole documents: filtered,
// paged lists of the model's records, time series per pair of actors, outlets and search.
// Both databases answer these through the same query code (see the store implementations).
import type { Actor, Claim, DocumentMeta, Event, Quote, Storyline } from '../model/types.ts';

// A malformed cursor, limit, day or filter value is refused with a StoreQueryError (errors.ts)
// whose `field` names it. Free text matches every word given (stemmed in full-text search).

/** A page of results; `next` is an opaque cursor for the following page, null on the last one. */
export interface Page<T> { items: T[]; next: string | null }

/** Every list takes a cursor from the previous page and a page size (default 50, at most 500). */
export interface PageRequest { cursor?: string; limit?: number }

export const DEFAULT_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 500;

/** Days are ISO 'YYYY', 'YYYY-MM' or 'YYYY-MM-DD'; an event's day is its resolved time, else its document's publication day. */
export interface DayRange { since?: string; until?: string }

export interface DocumentQuery extends PageRequest, DayRange {
  outlet?: string;
  /** Documents that mention this actor (id; merged ids count as the actor they merge into). */
  actor?: string;
  /** Full-text search over the body. */
  text?: string;
}

export interface EventQuery extends PageRequest, DayRange {
  /** The actor as source or target (id; merged ids count as the actor they merge into). */
  actor?: string;
  /** Events between these two actors, in either direction. */
  dyad?: [string, string];
  type?: string[];          // PLOVER types
  quadClass?: number[];     // 1..4
  modality?: string[];      // asserted, negated, hypothetical, recommended, predicted
  outlet?: string;
  storyline?: string;       // storyline id
  doc?: string;
  /** Full-text search over the event's sentence. */
  text?: string;
}

export interface QuoteQuery extends PageRequest, DayRange {
  speaker?: string;         // actor id
  kind?: 'direct' | 'indirect';
  outlet?: string;
  storyline?: string;
  doc?: string;
  text?: string;            // full-text search over the quoted words
}

export interface ClaimQuery extends PageRequest, DayRange {
  holder?: string;          // 'author' or an actor id
  about?: string;           // actor id
  outlet?: string;
  doc?: string;
  text?: string;
}

export interface ActorQuery extends PageRequest {
  /** Name, alias or code, as `findActors` matches them, or a prefix of the name. */
  name?: string;
  kind?: string;
  country?: string;
  isNew?: boolean;
}

/** A document's listing: no body, no layers. */
export interface DocumentSummary { id: string; source: string; meta: DocumentMeta; sentences: number; events: number; quotes: number }

/** A record with where it comes from: its document, outlet, publication day and the sentence it rests on. */
export interface Provenance { doc: string; outlet?: string; published?: string; sentence: string }

export type EventRecordRow = Provenance & { event: Event };
export type QuoteRow = Provenance & { quote: Quote };
export type ClaimRow = Provenance & { claim: Claim };
export type ActorRow = Actor & { documents: number; mentions: number; events: number; quotes: number };

export interface OutletRow { outlet: string; documents: number; events: number; quotes: number; claims: number; frames: number; first?: string; last?: string }

export type Interval = 'day' | 'week' | 'month';

/** One point of a dyad's series: events in the period and their mean Goldstein score (asserted events only). */
export interface DyadPoint {
  period: string;           // '2025-03-10' for a day, '2025-W11' for an ISO week, '2025-03' for a month
  events: number;
  asserted: number;
  meanGoldstein: number | null;
  cooperative: number;      // quad classes 1 and 2, asserted
  conflictual: number;      // quad classes 3 and 4, asserted
  eventIds: string[];
}

/** `id`: a document id, a quote as 'DOC:qN' (N its index in the document), or an actor id. `rank` in (0, 1], higher is better. */
export interface SearchHit { kind: 'document' | 'quote' | 'actor'; id: string; doc?: string; title?: string; snippet: string; rank: number }

export interface StoreQueries {
  listDocuments(q: DocumentQuery): Promise<Page<DocumentSummary>>;
  listEvents(q: EventQuery): Promise<Page<EventRecordRow>>;
  listQuotes(q: QuoteQuery): Promise<Page<QuoteRow>>;
  listClaims(q: ClaimQuery): Promise<Page<ClaimRow>>;
  listActors(q: ActorQuery): Promise<Page<ActorRow>>;
  storylines(): Promise<Storyline[]>;
  outlets(): Promise<OutletRow[]>;
  /** Events between a and b (either direction, merged ids included), bucketed by interval, filtered as listEvents is. */
  dyadSeries(a: string, b: string, interval: Interval, filter?: Omit<EventQuery, 'dyad' | 'cursor' | 'limit'>): Promise<DyadPoint[]>;
  /** Full-text search over document bodies and quotes (FTS5 in SQLite, tsvector in PostgreSQL), and actor names. */
  search(text: string, opts?: { kinds?: SearchHit['kind'][]; limit?: number }): Promise<SearchHit[]>;
}
