// JSON schemas of the API: the records it returns (registered once, referenced by $id, and
// published as OpenAPI components) and the query strings it accepts. Objects allow extra
// properties so that a field added to the model reaches clients before the schema names it.
import { PLOVER_TYPES } from '../model/types.ts';
import { MAX_PAGE_SIZE } from '../store/queries.ts';

const MODALITIES = ['asserted', 'negated', 'hypothetical', 'recommended', 'predicted'];
const DAY = '^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$';

const str = { type: 'string' } as const;
const int = { type: 'integer' } as const;
const num = { type: 'number' } as const;
const strList = { type: 'array', items: str } as const;
const span = { start: int, end: int };

function obj(properties: Record<string, unknown>, required: string[] = [], description?: string) {
  return { type: 'object', properties, required, additionalProperties: true, ...(description ? { description } : {}) };
}
const ref = (id: string) => ({ $ref: `${id}#` });
const list = (id: string) => ({ type: 'array', items: ref(id) });

/** The records, each with an $id; the server registers them with addSchema. */
export const MODEL_SCHEMAS = [
  { $id: 'Error', ...obj({ error: str, field: str }, ['error'], 'Every error: what went wrong and, for bad input, the field at fault.') },
  { $id: 'DocumentMeta', ...obj({ title: str, outlet: str, author: str, published: str, url: str }) },
  { $id: 'Actor', ...obj({
    id: str, name: str, kind: str, code: str, aliases: strList, country: str, isNew: { type: 'boolean' },
    roles: { type: 'array', items: obj({ title: str, org: str, from: str, to: str }) },
    memberships: { type: 'array', items: obj({ org: str, from: str, to: str }) },
  }, ['id', 'name', 'kind', 'code']) },
  { $id: 'EventRole', ...obj({ actor: str, code: str, text: str, ...span }) },
  { $id: 'Event', ...obj({
    id: str, ...span, type: { type: 'string', enum: [...PLOVER_TYPES] }, mode: str, context: strList,
    source: ref('EventRole'), target: ref('EventRole'),
    place: obj({ text: str, ...span, country: str }),
    when: obj({ text: str, start: str, end: str }),
    modality: { type: 'string', enum: MODALITIES }, cameo: str, goldstein: num, quadClass: int,
    confidence: num, via: { type: 'string', description: 'the pattern or rule that coded the event' },
    trigger: obj({ text: str, ...span }),
  }, ['id', 'type', 'modality', 'via']) },
  { $id: 'Quote', ...obj({ ...span, text: str, kind: { type: 'string', enum: ['direct', 'indirect'] }, speaker: str, speakerText: str, speakerCode: str, cue: str }) },
  { $id: 'Claim', ...obj({ ...span, text: str, holder: str, about: strList, hedge: num, cues: strList }) },
  { $id: 'Frame', ...obj({ ...span, kind: str, text: str, category: str }) },
  { $id: 'Mention', ...obj({ ...span, text: str, actor: str, kind: str, code: str, role: str, via: str }) },
  { $id: 'TimeExpr', ...obj({ ...span, text: str, value: obj({ start: str, end: str }), via: str }) },
  { $id: 'Sentence', ...obj({ ...span, paragraph: int, text: str }) },
  { $id: 'Storyline', ...obj({ id: str, label: str, events: { type: 'array', items: obj({ doc: str, event: str }) }, actors: strList }) },
  { $id: 'StorylineSummary', ...obj({ id: str, label: str, actors: strList, events: int, documents: int }) },
  { $id: 'DocumentSummary', ...obj({ id: str, source: str, meta: ref('DocumentMeta'), sentences: int, events: int, quotes: int }) },
  { $id: 'EventRow', ...obj({ doc: str, outlet: str, published: str, sentence: str, event: ref('Event') }, [], 'An event with the document, outlet, day and sentence it comes from.') },
  { $id: 'QuoteRow', ...obj({ doc: str, outlet: str, published: str, sentence: str, quote: ref('Quote') }) },
  { $id: 'ClaimRow', ...obj({ doc: str, outlet: str, published: str, sentence: str, claim: ref('Claim') }) },
  { $id: 'ActorRow', ...obj({ id: str, name: str, kind: str, code: str, documents: int, mentions: int, events: int, quotes: int }) },
  { $id: 'OutletRow', ...obj({ outlet: str, documents: int, events: int, quotes: int, claims: int, frames: int, first: str, last: str }) },
  { $id: 'DyadPoint', ...obj({ period: str, events: int, asserted: int, meanGoldstein: { type: ['number', 'null'] }, cooperative: int, conflictual: int, eventIds: strList }) },
  { $id: 'SearchHit', ...obj({ kind: str, id: str, doc: str, title: str, snippet: str, rank: num }) },
  { $id: 'IngestResult', ...obj({
    index: int, id: str, status: { type: 'string', enum: ['stored', 'unchanged', 'error'] }, error: str, source: str, meta: ref('DocumentMeta'),
    counts: obj({ sentences: int, mentions: int, actors: int, events: int, quotes: int, claims: int, frames: int }),
    actors: list('Actor'), events: list('Event'), quotes: list('Quote'), claims: list('Claim'), frames: list('Frame'),
  }, ['index', 'status']) },
  { $id: 'IngestReply', ...obj({
    stored: int, unchanged: int, failed: int,
    links: { type: 'string', enum: ['current', 'updating', 'failed'], description: 'whether the cross-document links already include this batch' },
    documents: list('IngestResult'),
  }, ['stored', 'unchanged', 'failed', 'documents']) },
];

export const ERROR = ref('Error');

/** `{items, next}`: one page of a list and the cursor of the following page (null on the last). */
export function pageOf(id: string) {
  return obj({ items: list(id), next: { type: ['string', 'null'], description: 'cursor of the next page, null on the last' } }, ['items', 'next']);
}

export const DAY_PATTERN = DAY;
const day = { type: 'string', pattern: DAY, description: "ISO day, month or year: 'YYYY-MM-DD', 'YYYY-MM', 'YYYY'" };
const page = {
  cursor: { type: 'string', maxLength: 1000, description: 'the `next` value of the previous page' },
  limit: { type: 'integer', minimum: 1, maximum: MAX_PAGE_SIZE, description: `page size, 50 by default, at most ${MAX_PAGE_SIZE}` },
};
const text = { type: 'string', minLength: 1, maxLength: 500, description: 'free-text search' };
const actor = { type: 'string', minLength: 1, maxLength: 200, description: 'an actor id (state:USA), or a name, alias or code that names one actor' };
const outlet = { type: 'string', minLength: 1, maxLength: 200 };
const formats = (values: string[]) => ({ type: 'string', enum: values, description: 'response format (JSON by default)' });

/** Query strings: no other parameter is accepted, so a misspelt one is an error that names it. */
function query(properties: Record<string, unknown>) {
  return { type: 'object', properties, additionalProperties: false };
}

export const EVENT_FORMATS = ['json', 'csv', 'events-tsv', 'plover-json'];
export const TABLE_FORMATS = ['json', 'csv'];

/** Parameters that take several values, repeated (type=A&type=B) or comma-separated (type=A,B). */
export const LIST_PARAMS = ['type', 'quadClass', 'modality', 'dyad', 'kinds'];

export const EVENT_FILTERS = {
  actor,
  dyad: { type: 'array', items: { type: 'string', minLength: 1, maxLength: 200 }, minItems: 2, maxItems: 2, description: 'two actors, comma-separated; events between them in either direction' },
  type: { type: 'array', items: { type: 'string', enum: [...PLOVER_TYPES] }, maxItems: 16, description: 'PLOVER event types' },
  quadClass: { type: 'array', items: { type: 'integer', minimum: 1, maximum: 4 }, maxItems: 4, description: 'quad classes 1-4' },
  modality: { type: 'array', items: { type: 'string', enum: MODALITIES }, maxItems: 5 },
  outlet, storyline: { type: 'string', minLength: 1, maxLength: 200 }, doc: { type: 'string', minLength: 1, maxLength: 200 },
  since: day, until: day, q: text,
};

export const QUERIES = {
  documents: query({ ...page, since: day, until: day, outlet, actor, q: text, format: formats(TABLE_FORMATS) }),
  events: query({ ...page, ...EVENT_FILTERS, format: formats(EVENT_FORMATS) }),
  quotes: query({
    ...page, since: day, until: day, outlet, speaker: actor, kind: { type: 'string', enum: ['direct', 'indirect'] },
    storyline: EVENT_FILTERS.storyline, doc: EVENT_FILTERS.doc, q: text, format: formats(TABLE_FORMATS),
  }),
  claims: query({
    ...page, since: day, until: day, outlet, holder: { ...actor, description: "'author' or an actor" }, about: actor,
    doc: EVENT_FILTERS.doc, q: text, format: formats(TABLE_FORMATS),
  }),
  actors: query({
    ...page, name: { type: 'string', minLength: 1, maxLength: 200 }, kind: { type: 'string', enum: ['state', 'igo', 'org', 'person', 'place', 'group'] },
    country: { type: 'string', pattern: '^[A-Za-z]{3}$' }, isNew: { type: 'boolean' }, format: formats(TABLE_FORMATS),
  }),
  storylines: query({ ...page, actor }),
  storyline: query({ limit: page.limit }),
  outlets: query({ format: formats(TABLE_FORMATS) }),
  series: query({
    interval: { type: 'string', enum: ['day', 'week', 'month'], default: 'month' },
    ...Object.fromEntries(Object.entries(EVENT_FILTERS).filter(([k]) => !['dyad', 'actor'].includes(k))),
    format: formats(TABLE_FORMATS),
  }),
  search: {
    ...query({ q: { ...text, description: 'the words to find' }, kinds: { type: 'array', items: { type: 'string', enum: ['document', 'quote', 'actor'] }, maxItems: 3 }, limit: page.limit }),
    required: ['q'],
  },
  document: query({ tokens: { type: 'boolean', default: false, description: 'include every token (large)' } }),
  actor: query({ mentions: { type: 'integer', minimum: 0, maximum: 5000, default: 200, description: 'at most this many mentions' } }),
  ingest: query({
    title: { type: 'string', maxLength: 1000 }, outlet: { type: 'string', maxLength: 200 }, author: { type: 'string', maxLength: 500 },
    published: { type: 'string', pattern: '^[0-9]{4}-[0-9]{2}-[0-9]{2}$' }, url: { type: 'string', maxLength: 2000, pattern: '^https?://' },
    format: { type: 'string', enum: ['txt', 'md', 'html'] },
    wait: { type: 'boolean', default: false, description: 'answer only once the cross-document links include these documents' },
  }),
};

/** One document to ingest, as JSON. */
export const INGEST_ITEM = {
  type: 'object',
  properties: {
    text: { type: 'string', minLength: 1, description: 'the article: plain text, markdown or HTML' },
    title: { type: 'string', maxLength: 1000 }, outlet: { type: 'string', maxLength: 200 }, author: { type: 'string', maxLength: 500 },
    published: { type: 'string', pattern: '^[0-9]{4}-[0-9]{2}-[0-9]{2}$', description: 'ISO day' },
    url: { type: 'string', maxLength: 2000, pattern: '^https?://', description: 'where the article was published: kept as metadata, never fetched' },
    format: { type: 'string', enum: ['txt', 'md', 'html'], description: 'the markup of `text`; guessed when absent' },
  },
  required: ['text'],
  additionalProperties: false,
};

export const idParam = (name: string, description: string) => ({
  type: 'object', properties: { [name]: { type: 'string', minLength: 1, maxLength: 300, description } }, required: [name],
});
