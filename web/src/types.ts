// The API's records as the views use them: the model's own types, and the rows the lists answer.
export type { Actor, Claim, DocumentMeta, Event, Frame, Mention, Modality, Quote, Sentence, Storyline, TimeExpr } from '../../src/model/types.ts';
export type { ActorRow, DocumentSummary, DyadPoint, OutletRow, Page, QuoteRow, SearchHit } from '../../src/store/queries.ts';
export type { Comparison, OutletTelling } from '../../src/analysis/compare.ts';
export type { EventLine } from '../../src/analysis/event-lines.ts';
export type { NetworkEdge, NetworkNode } from '../../src/server/routes/app-views.ts';
import type { Event } from '../../src/model/types.ts';

export interface EventRow { doc: string; outlet?: string; published?: string; sentence: string; event: Event }
