// The records sitrep builds. Every record that comes from text carries the character offsets
// (`start`, `end`, end exclusive) of the words it rests on, in the cleaned body of its document.

export type ActorKind = 'state' | 'igo' | 'org' | 'person' | 'place' | 'group';

export type PloverType =
  | 'AGREE' | 'CONSULT' | 'SUPPORT' | 'CONCEDE'
  | 'COOPERATE' | 'AID' | 'RETREAT'
  | 'REQUEST' | 'ACCUSE' | 'REJECT' | 'THREATEN'
  | 'PROTEST' | 'SANCTION' | 'MOBILIZE' | 'COERCE' | 'ASSAULT';

export const PLOVER_TYPES: readonly PloverType[] = [
  'AGREE', 'CONSULT', 'SUPPORT', 'CONCEDE', 'COOPERATE', 'AID', 'RETREAT',
  'REQUEST', 'ACCUSE', 'REJECT', 'THREATEN', 'PROTEST', 'SANCTION', 'MOBILIZE', 'COERCE', 'ASSAULT',
];

export type Modality = 'asserted' | 'negated' | 'hypothetical' | 'recommended' | 'predicted';

export interface Span { start: number; end: number }

/** Metadata of a document. `published` is an ISO day (YYYY-MM-DD) or absent when the text never says. */
export interface DocumentMeta {
  title?: string;
  outlet?: string;
  author?: string;
  published?: string;
  url?: string;
}

/** A part of the source that ingest removed from the body (byline, disclaimer, share line...). */
export interface DroppedBlock { text: string; reason: string }

/** A cleaned document, ready for the pipeline. `id` is a hash of the original content. */
export interface Document {
  id: string;
  source: string;          // file path, "file.jsonl:LINE", or "-" for standard input
  body: string;            // cleaned article text; every offset refers to it
  meta: DocumentMeta;
  dropped: DroppedBlock[];
}

export interface Token extends Span {
  text: string;
  lemma: string;           // lower case
  pos: string;             // universal part of speech: NOUN, VERB, PROPN, ADJ, PUNCT...
  sentence: number;        // index into Analysis.sentences
  space: boolean;          // whitespace follows this token
}

export interface Sentence extends Span {
  tokens: [number, number];  // first token index, one past the last
  paragraph: number;
}

/** An actor as the knowledge base or a document knows it. */
export interface Actor {
  id: string;              // stable: "state:BLR", "igo:CSTO", "person:alexander-lukashenko", "new:person:uladzimir-makarau"
  name: string;            // canonical name
  kind: ActorKind;
  code: string;            // CAMEO-shaped: BLR, BLRGOV, BLRMIL, BLRELI, NATO, MED, WST
  aliases: string[];
  country?: string;        // ISO alpha-3
  roles?: { title: string; org?: string; from?: string; to?: string }[];
  memberships?: { org: string; from?: string; to?: string }[];
  isNew?: boolean;         // found in text, not in the knowledge base
}

/** A stretch of text that names or points to an actor. */
export interface Mention extends Span {
  text: string;
  actor?: string;          // Actor.id
  kind: ActorKind;
  code?: string;
  role?: string;           // a title or apposition found with it: "MoD Spokesman"
  via: string;             // how it was resolved: "kb:name", "kb:demonym", "apposition", "coref:surname"...
}

export interface TimeValue { start: string; end: string }   // ISO days, inclusive

/** A time expression and, when the document's date allows, the interval it stands for. */
export interface TimeExpr extends Span {
  text: string;
  value?: TimeValue;
  via: string;
}

/** One participant of an event: the actor, its code, and the words that named it. */
export interface EventRole extends Span {
  actor?: string;          // Actor.id, when resolved to one
  code: string;            // CAMEO-shaped code
  text: string;
}

export interface Event extends Span {
  id: string;
  type: PloverType;
  mode?: string;
  context?: string[];
  source?: EventRole;
  target?: EventRole;
  place?: { text: string; start: number; end: number; country?: string };
  when?: { text: string; start?: string; end?: string };
  modality: Modality;
  cameo?: string;          // CAMEO root code, two digits
  goldstein?: number;
  quadClass?: 1 | 2 | 3 | 4;
  confidence: number;
  via: string;             // the pattern or rule that coded it
  trigger: Span & { text: string };
}

export interface Quote extends Span {
  text: string;            // the quoted words, without the marks
  kind: 'direct' | 'indirect';
  speaker?: string;        // Actor.id
  speakerText?: string;    // the words that name the speaker
  speakerCode?: string;
  cue?: string;            // the cue verb: said, told, noted...
}

export interface Claim extends Span {
  text: string;
  holder: string;          // 'author' or an Actor.id
  about: string[];         // Actor ids
  hedge: number;           // 0 = certain ... 1 = pure speculation
  cues: string[];          // the hedges and boosters found
}

export interface Frame extends Span {
  kind: 'scare-quote' | 'loaded' | 'hedge' | 'intensifier' | string;
  text: string;            // for scare quotes, the inner text
  category?: string;
}

/** Everything the pipeline found in one document. Stages add to it in order. */
export interface Analysis {
  doc: Document;
  sentences: Sentence[];
  tokens: Token[];
  actors: Actor[];         // every actor mentioned in the document (knowledge base or new)
  mentions: Mention[];
  times: TimeExpr[];
  events: Event[];
  quotes: Quote[];
  claims: Claim[];
  frames: Frame[];
}

export function emptyAnalysis(doc: Document): Analysis {
  return { doc, sentences: [], tokens: [], actors: [], mentions: [], times: [], events: [], quotes: [], claims: [], frames: [] };
}

/** Events across documents that tell one story, with a readable label. */
export interface Storyline {
  id: string;
  label: string;
  events: { doc: string; event: string }[];   // Document.id and Event.id
  actors: string[];                           // Actor ids most involved
}

/** What `link` finds across documents. */
export interface CorpusLinks {
  /** Actor id -> the id of the one actor it is the same as (only ids that merge into another). */
  sameActor: Record<string, string>;
  /** Groups of event mentions that tell the same real event (several sentences or documents). */
  sameEvent: { id: string; events: { doc: string; event: string }[] }[];
  storylines: Storyline[];
  /** Documents that repeat most of an earlier document's wording (syndicated copies, light rewrites). */
  nearDuplicates?: NearDuplicate[];
}

/** `doc` is a near-duplicate of the earlier `of`; `similarity` estimates the share of wording they have in common (0-1). */
export interface NearDuplicate { doc: string; of: string; similarity: number }
