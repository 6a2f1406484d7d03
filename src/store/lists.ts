// The StoreQueries contract over Kysely: one query code for SQLite and PostgreSQL. Lists are
// keyset-paged on (document position, index in the document), so a page never shifts when
// documents are added meanwhile; merged actors (links.sameActor) count as the actor they merge into.
import { sql, type Expression, type ExpressionBuilder, type Kysely, type SqlBool } from 'kysely';
import type { DB } from './db.ts';
import type { StoreDialect } from './dialect/dialect.ts';
import { queryWords } from './dialect/dialect.ts';
import { StoreQueryError } from './errors.ts';
import { containsPattern, dayBounds, escapeLike, decodeCursor, isoWeek, pageSize, toPage } from './paging.ts';
import type {
  ActorQuery, ActorRow, ClaimQuery, ClaimRow, DayRange, DocumentQuery, DocumentSummary, DyadPoint, EventQuery,
  EventRecordRow, Interval, OutletRow, Page, QuoteQuery, QuoteRow, SearchHit, StoreQueries,
} from './queries.ts';
import { findActors, storylines } from './read.ts';
import { actorCounts } from './actor-counts.ts';
import * as rows from './rows.ts';

type Row = Record<string, unknown>;
type Tables = DB & { e: DB['events']; d: DB['documents']; q: DB['quotes']; c: DB['claims']; a: DB['actors'] };
type EB = ExpressionBuilder<Tables, 'e' | 'd' | 'q' | 'c' | 'a'>;
type Cond = Expression<SqlBool>;

const MODALITIES = new Set(['asserted', 'negated', 'hypothetical', 'recommended', 'predicted']);

/** An actor id and every id merged into the actor it stands for. */
async function actorIds(db: Kysely<DB>, id: string): Promise<string[]> {
  const up = await db.selectFrom('same_actor').select('same_as').where('actor_id', '=', id).executeTakeFirst();
  const canon = up?.same_as ?? id;
  const merged = await db.selectFrom('same_actor').select('actor_id').where('same_as', '=', canon).execute();
  return [...new Set([canon, id, ...merged.map((r) => r.actor_id)])];
}

/** Every word of `text` in the column (case-insensitive substring). */
function wordsIn(column: Expression<string>, text: string, field: string): Cond {
  const words = queryWords(text);
  if (words.length === 0) throw new StoreQueryError(field, 'no word to search for');
  return sql<SqlBool>`(${sql.join(words.map((w) => sql`lower(${column}) LIKE ${containsPattern(w)} ESCAPE '\\'`), sql` AND `)})`;
}

/** A free-text filter must hold at least one word. */
function needWords(text: string | undefined): void {
  if (text && queryWords(text).length === 0) throw new StoreQueryError('text', 'no word to search for');
}

/** (position, idx) after the cursor's. */
function afterKey(pos: Expression<number>, idx: Expression<number>, key: (string | number)[] | undefined): Cond[] {
  if (!key) return [];
  return [sql<SqlBool>`(${pos} > ${key[0]} OR (${pos} = ${key[0]} AND ${idx} > ${key[1]}))`];
}

function dayConds(day: Expression<string | null>, range: DayRange): Cond[] {
  const { since, until } = dayBounds(range);
  const out: Cond[] = [];
  if (since) out.push(sql<SqlBool>`${day} >= ${since}`);
  if (until) out.push(sql<SqlBool>`${day} <= ${until}`);
  return out;
}

const EVENT_DAY = sql<string | null>`COALESCE(e.when_start, d.published)`;

function list<T>(v: T[] | undefined): T[] | undefined {
  return v && v.length ? v : undefined;
}

/** The conditions of an event query, over events e joined to documents d. */
function eventConds(textIn: (col: Expression<string>, text: string) => Cond, eb: EB, q: Omit<EventQuery, 'cursor' | 'limit'>, ids: { actor?: string[]; dyad?: [string[], string[]] }): Cond[] {
  const c: Cond[] = [];
  if (ids.actor) c.push(eb.or([eb('e.source_actor', 'in', ids.actor), eb('e.target_actor', 'in', ids.actor)]));
  if (ids.dyad) {
    const [a, b] = ids.dyad;
    c.push(eb.or([
      eb.and([eb('e.source_actor', 'in', a), eb('e.target_actor', 'in', b)]),
      eb.and([eb('e.source_actor', 'in', b), eb('e.target_actor', 'in', a)]),
    ]));
  }
  const types = list(q.type);
  if (types) c.push(eb('e.type', 'in', types));
  const quads = list(q.quadClass);
  if (quads) {
    if (!quads.every((x) => [1, 2, 3, 4].includes(x))) throw new StoreQueryError('quadClass', 'quad classes are 1, 2, 3 and 4');
    c.push(eb('e.quad_class', 'in', quads));
  }
  const modalities = list(q.modality);
  if (modalities) {
    const bad = modalities.find((m) => !MODALITIES.has(m));
    if (bad) throw new StoreQueryError('modality', `'${bad}' is not one of ${[...MODALITIES].join(', ')}`);
    c.push(eb('e.modality', 'in', modalities));
  }
  if (q.outlet) c.push(eb('d.outlet', '=', q.outlet));
  if (q.doc) c.push(eb('e.doc_id', '=', q.doc));
  if (q.storyline) {
    c.push(eb.exists(eb.selectFrom('storyline_events as se').select('se.idx')
      .whereRef('se.doc_id', '=', 'e.doc_id').whereRef('se.event_id', '=', 'e.id').where('se.storyline_id', '=', q.storyline)));
  }
  if (q.text) c.push(textIn(sql<string>`substr(d.body, e.span_start + 1, e.span_end - e.span_start)`, q.text));
  c.push(...dayConds(EVENT_DAY, q));
  return c;
}

async function eventIds(db: Kysely<DB>, q: { actor?: string; dyad?: [string, string] }): Promise<{ actor?: string[]; dyad?: [string[], string[]] }> {
  return {
    actor: q.actor ? await actorIds(db, q.actor) : undefined,
    dyad: q.dyad ? [await actorIds(db, q.dyad[0]), await actorIds(db, q.dyad[1])] : undefined,
  };
}

/** The sentence each record rests on (the one its start falls in), cut from the body in JS so offsets stay UTF-16. */
async function sentencesFor(db: Kysely<DB>, items: { doc: string; start: number; end: number }[]): Promise<string[]> {
  const docs = [...new Set(items.map((i) => i.doc))];
  if (docs.length === 0) return [];
  const bodies = new Map<string, string>();
  const bounds = new Map<string, { s: number; e: number }[]>();
  for (let i = 0; i < docs.length; i += 200) {
    const part = docs.slice(i, i + 200);
    for (const r of await db.selectFrom('documents').select(['id', 'body']).where('id', 'in', part).execute()) bodies.set(r.id, r.body);
    for (const r of await db.selectFrom('sentences').select(['doc_id', 'span_start', 'span_end']).where('doc_id', 'in', part).orderBy('doc_id').orderBy('idx').execute()) {
      const l = bounds.get(r.doc_id) ?? [];
      l.push({ s: r.span_start, e: r.span_end });
      bounds.set(r.doc_id, l);
    }
  }
  return items.map((it) => {
    const body = bodies.get(it.doc) ?? '';
    const s = (bounds.get(it.doc) ?? []).find((x) => x.s <= it.start && it.start < x.e);
    return s ? body.slice(s.s, s.e) : body.slice(it.start, it.end);
  });
}

function provenance(r: Row, sentence: string): { doc: string; outlet?: string; published?: string; sentence: string } {
  return {
    doc: r.doc_id as string, sentence,
    ...(r.outlet != null ? { outlet: r.outlet as string } : {}),
    ...(r.published != null ? { published: r.published as string } : {}),
  };
}

const count = (n: unknown): number => Number(n ?? 0);

export function makeQueries(d: StoreDialect): StoreQueries {
  const db = d.db;
  /** Words in a passage of a document: the document's full-text index narrows, the passage decides. */
  const textIn = (col: Expression<string>, text: string): Cond => sql<SqlBool>`(${d.documentMatches(text)} AND ${wordsIn(col, text, 'text')})`;

  async function listDocuments(q: DocumentQuery): Promise<Page<DocumentSummary>> {
    const size = pageSize(q.limit);
    const key = decodeCursor(q.cursor, ['n', 's']);
    needWords(q.text);
    const ids = q.actor ? await actorIds(db, q.actor) : undefined;
    const found = await db.selectFrom('documents as d')
      .select(['d.id', 'd.source', 'd.meta', 'd.position'])
      .select((eb) => [
        eb.selectFrom('sentences').select(eb.fn.countAll().as('n')).whereRef('sentences.doc_id', '=', 'd.id').as('sentences'),
        eb.selectFrom('events').select(eb.fn.countAll().as('n')).whereRef('events.doc_id', '=', 'd.id').as('events'),
        eb.selectFrom('quotes').select(eb.fn.countAll().as('n')).whereRef('quotes.doc_id', '=', 'd.id').as('quotes'),
      ])
      .where((eb) => {
        const c: Cond[] = [];
        if (key) c.push(eb.or([eb('d.position', '>', key[0] as number), eb.and([eb('d.position', '=', key[0] as number), eb('d.id', '>', key[1] as string)])]));
        if (q.outlet) c.push(eb('d.outlet', '=', q.outlet));
        if (ids) {
          c.push(eb('d.id', 'in', eb.selectFrom('document_actors').select('doc_id').where('actor_id', 'in', ids)
            .union(eb.selectFrom('mentions').select('doc_id').where('actor_id', 'in', ids))
            .union(eb.selectFrom('events').select('doc_id').where((x) => x.or([x('source_actor', 'in', ids), x('target_actor', 'in', ids)])))));
        }
        if (q.text) c.push(d.documentMatches(q.text));
        c.push(...dayConds(sql<string>`d.published`, q));
        return eb.and(c);
      })
      .orderBy('d.position').orderBy('d.id').limit(size + 1).execute();
    return toPage(found, size, (r) => [Number(r.position), r.id], (r) => ({
      id: r.id, source: r.source, meta: JSON.parse(r.meta), sentences: count(r.sentences), events: count(r.events), quotes: count(r.quotes),
    }));
  }

  async function listEvents(q: EventQuery): Promise<Page<EventRecordRow>> {
    const size = pageSize(q.limit);
    const key = decodeCursor(q.cursor, ['n', 'n']);
    const ids = await eventIds(db, q);
    const found = await db.selectFrom('events as e').innerJoin('documents as d', 'd.id', 'e.doc_id')
      .selectAll('e').select(['d.outlet', 'd.published', 'd.position'])
      .where((eb) => eb.and([...afterKey(sql<number>`d.position`, sql<number>`e.idx`, key), ...eventConds(textIn, eb as unknown as EB, q, ids)]))
      .orderBy('d.position').orderBy('e.idx').limit(size + 1).execute();
    const page = toPage(found as Row[], size, (r) => [Number(r.position), Number(r.idx)], (r) => r);
    const sentences = await sentencesFor(db, page.items.map((r) => ({ doc: r.doc_id as string, start: r.span_start as number, end: r.span_end as number })));
    return { next: page.next, items: page.items.map((r, i) => ({ ...provenance(r, sentences[i]), event: rows.eventOf(r) })) };
  }

  async function listQuotes(q: QuoteQuery): Promise<Page<QuoteRow>> {
    const size = pageSize(q.limit);
    const key = decodeCursor(q.cursor, ['n', 'n']);
    needWords(q.text);
    const speakers = q.speaker ? await actorIds(db, q.speaker) : undefined;
    if (q.kind && q.kind !== 'direct' && q.kind !== 'indirect') throw new StoreQueryError('kind', "a quote is 'direct' or 'indirect'");
    const found = await db.selectFrom('quotes as q').innerJoin('documents as d', 'd.id', 'q.doc_id')
      .selectAll('q').select(['d.outlet', 'd.published', 'd.position'])
      .where((eb) => {
        const c: Cond[] = [...afterKey(sql<number>`d.position`, sql<number>`q.idx`, key)];
        if (speakers) c.push(eb('q.speaker_actor', 'in', speakers));
        if (q.kind) c.push(eb('q.kind', '=', q.kind));
        if (q.outlet) c.push(eb('d.outlet', '=', q.outlet));
        if (q.doc) c.push(eb('q.doc_id', '=', q.doc));
        if (q.storyline) c.push(eb('q.doc_id', 'in', eb.selectFrom('storyline_events').select('doc_id').where('storyline_id', '=', q.storyline)));
        if (q.text) c.push(d.quoteMatches(q.text));
        c.push(...dayConds(sql<string>`d.published`, q));
        return eb.and(c);
      })
      .orderBy('d.position').orderBy('q.idx').limit(size + 1).execute();
    const page = toPage(found as Row[], size, (r) => [Number(r.position), Number(r.idx)], (r) => r);
    const sentences = await sentencesFor(db, page.items.map((r) => ({ doc: r.doc_id as string, start: r.span_start as number, end: r.span_end as number })));
    return { next: page.next, items: page.items.map((r, i) => ({ ...provenance(r, sentences[i]), quote: rows.quoteOf(r) })) };
  }

  async function listClaims(q: ClaimQuery): Promise<Page<ClaimRow>> {
    const size = pageSize(q.limit);
    const key = decodeCursor(q.cursor, ['n', 'n']);
    const holders = q.holder ? (q.holder === 'author' ? ['author'] : await actorIds(db, q.holder)) : undefined;
    const about = q.about ? await actorIds(db, q.about) : undefined;
    const found = await db.selectFrom('claims as c').innerJoin('documents as d', 'd.id', 'c.doc_id')
      .selectAll('c').select(['d.outlet', 'd.published', 'd.position'])
      .where((eb) => {
        const c: Cond[] = [...afterKey(sql<number>`d.position`, sql<number>`c.idx`, key)];
        if (holders) c.push(eb('c.holder', 'in', holders));
        // `about` is a JSON list of ids: the quoted id, with its quotes, is found as a substring
        if (about) c.push(eb.or(about.map((id) => sql<SqlBool>`c.about LIKE ${'%' + escapeLike(JSON.stringify(id)) + '%'} ESCAPE '\\'`)));
        if (q.outlet) c.push(eb('d.outlet', '=', q.outlet));
        if (q.doc) c.push(eb('c.doc_id', '=', q.doc));
        if (q.text) c.push(textIn(sql<string>`c.text`, q.text));
        c.push(...dayConds(sql<string>`d.published`, q));
        return eb.and(c);
      })
      .orderBy('d.position').orderBy('c.idx').limit(size + 1).execute();
    const page = toPage(found as Row[], size, (r) => [Number(r.position), Number(r.idx)], (r) => r);
    const sentences = await sentencesFor(db, page.items.map((r) => ({ doc: r.doc_id as string, start: r.span_start as number, end: r.span_end as number })));
    return { next: page.next, items: page.items.map((r, i) => ({ ...provenance(r, sentences[i]), claim: rows.claimOf(r) })) };
  }

  async function listActors(q: ActorQuery): Promise<Page<ActorRow>> {
    const size = pageSize(q.limit);
    const key = decodeCursor(q.cursor, ['s']);
    const named = q.name ? (await findActors(db, q.name)).map((a) => a.id) : undefined;
    const found = await db.selectFrom('actors as a').selectAll('a')
      .where((eb) => {
        const c: Cond[] = [eb.not(eb.exists(eb.selectFrom('same_actor as m').select('m.actor_id').whereRef('m.actor_id', '=', 'a.id')))];
        if (key) c.push(eb('a.id', '>', key[0] as string));
        if (q.name !== undefined) {
          const prefix = containsPattern(q.name.trim()).slice(1);   // 'name%'
          c.push(eb.or([
            ...(named && named.length ? [eb('a.id', 'in', named)] : []),
            sql<SqlBool>`lower(a.name) LIKE ${prefix} ESCAPE '\\'`,
          ]));
        }
        if (q.kind) c.push(eb('a.kind', '=', q.kind));
        if (q.country) c.push(eb('a.country', '=', q.country));
        if (q.isNew === true) c.push(eb('a.is_new', '=', 1));
        if (q.isNew === false) c.push(eb.or([eb('a.is_new', 'is', null), eb('a.is_new', '=', 0)]));
        return eb.and(c);
      })
      .orderBy('a.id').limit(size + 1).execute();
    const page = toPage(found as Row[], size, (r) => [r.id as string], rows.actorOf);
    const counts = await actorCounts(db, page.items.map((a) => a.id));
    return { next: page.next, items: page.items.map((a) => ({ ...a, ...counts.get(a.id)! })) };
  }

  async function outlets(): Promise<OutletRow[]> {
    const docs = await db.selectFrom('documents').where('outlet', 'is not', null)
      .select((eb) => ['outlet', eb.fn.countAll().as('n'), eb.fn.min('published').as('first'), eb.fn.max('published').as('last')])
      .groupBy('outlet').orderBy('outlet').execute();
    const per = async (t: 'events' | 'quotes' | 'claims' | 'frames') => {
      const m = new Map<string, number>();
      const got = await db.selectFrom(`${t} as x` as 'events as x').innerJoin('documents as d', 'd.id', 'x.doc_id')
        .where('d.outlet', 'is not', null).select((eb) => ['d.outlet', eb.fn.countAll().as('n')]).groupBy('d.outlet').execute();
      for (const r of got) m.set(r.outlet as string, Number(r.n));
      return m;
    };
    const [events, quotes, claims, frames] = [await per('events'), await per('quotes'), await per('claims'), await per('frames')];
    return docs.map((r) => {
      const o = r.outlet as string;
      return {
        outlet: o, documents: Number(r.n), events: events.get(o) ?? 0, quotes: quotes.get(o) ?? 0, claims: claims.get(o) ?? 0, frames: frames.get(o) ?? 0,
        ...(r.first != null ? { first: r.first as string } : {}), ...(r.last != null ? { last: r.last as string } : {}),
      };
    });
  }

  async function dyadSeries(a: string, b: string, interval: Interval, filter: Omit<EventQuery, 'dyad' | 'cursor' | 'limit'> = {}): Promise<DyadPoint[]> {
    if (!['day', 'week', 'month'].includes(interval)) throw new StoreQueryError('interval', "one of 'day', 'week', 'month'");
    const q = { ...filter, dyad: [a, b] as [string, string] };
    const ids = await eventIds(db, q);
    const found = await db.selectFrom('events as e').innerJoin('documents as d', 'd.id', 'e.doc_id')
      .select(['e.id', 'e.modality', 'e.goldstein', 'e.quad_class']).select(EVENT_DAY.as('day'))
      .where((eb) => eb.and([...eventConds(textIn, eb as unknown as EB, q, ids), sql<SqlBool>`${EVENT_DAY} IS NOT NULL`]))
      .orderBy('day').orderBy('d.position').orderBy('e.idx').execute();
    const points = new Map<string, DyadPoint & { sum: number; scored: number }>();
    for (const r of found) {
      const day = String(r.day).slice(0, 10);
      const period = interval === 'day' ? day : interval === 'month' ? day.slice(0, 7) : isoWeek(day);
      let p = points.get(period);
      if (!p) points.set(period, p = { period, events: 0, asserted: 0, meanGoldstein: null, cooperative: 0, conflictual: 0, eventIds: [], sum: 0, scored: 0 });
      p.events++;
      p.eventIds.push(r.id);
      if (r.modality !== 'asserted') continue;
      p.asserted++;
      if (r.goldstein != null) { p.sum += Number(r.goldstein); p.scored++; }
      if (r.quad_class === 1 || r.quad_class === 2) p.cooperative++;
      if (r.quad_class === 3 || r.quad_class === 4) p.conflictual++;
    }
    return [...points.values()].sort((x, y) => (x.period < y.period ? -1 : x.period > y.period ? 1 : 0)).map(({ sum, scored, ...p }) => ({
      ...p, meanGoldstein: scored ? Math.round((sum / scored) * 1000) / 1000 : null,
    }));
  }

  async function search(text: string, opts: { kinds?: SearchHit['kind'][]; limit?: number } = {}): Promise<SearchHit[]> {
    const limit = pageSize(opts.limit ?? 20);
    const kinds: SearchHit['kind'][] = opts.kinds && opts.kinds.length ? opts.kinds : ['document', 'quote', 'actor'];
    const bad = kinds.find((k) => !['document', 'quote', 'actor'].includes(k));
    if (bad) throw new StoreQueryError('kinds', `'${bad}' is not one of document, quote, actor`);
    if (queryWords(text).length === 0) return [];
    const hits: SearchHit[] = [];
    const textKinds = kinds.filter((k): k is 'document' | 'quote' => k !== 'actor');
    const found = await d.searchTexts(text, textKinds, limit);
    const titles = new Map<string, string | null>();
    const docs = [...new Set(found.map((h) => h.doc_id))];
    if (docs.length) for (const r of await db.selectFrom('documents').select(['id', 'title']).where('id', 'in', docs).execute()) titles.set(r.id, r.title);
    for (const h of found) {
      const title = titles.get(h.doc_id);
      hits.push({
        kind: h.kind, id: h.kind === 'document' ? h.doc_id : `${h.doc_id}:q${h.idx}`, doc: h.doc_id,
        ...(title ? { title } : {}), snippet: h.snippet, rank: h.rank,
      });
    }
    if (kinds.includes('actor')) {
      const page = await listActors({ name: text, limit });
      const exact = new Set((await findActors(db, text)).map((a) => a.id));
      for (const a of page.items) hits.push({ kind: 'actor', id: a.id, title: a.name, snippet: [a.name, ...a.aliases].join(', '), rank: exact.has(a.id) ? 1 : 0.5 });
    }
    return hits.sort((x, y) => y.rank - x.rank).slice(0, limit);
  }

  return { listDocuments, listEvents, listQuotes, listClaims, listActors, storylines: () => storylines(db), outlets, dyadSeries, search };
}
