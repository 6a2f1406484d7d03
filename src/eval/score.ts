// The scorer: gold records + what the system found -> counts and errors, exactly as
// ../shared/gold/FORMAT.md says. Pure: no files, no pipeline, so every rule can be tested alone.
import type { Span } from '../model/types.ts';
import type { GoldDocument, GoldEvent, GoldLinks, GoldQuote } from './gold.ts';
import type { SystemActor, SystemEvent, SystemQuote, SystemView } from './findings.ts';
import { countryPart, norm, normName, SearchableText } from './normalize.ts';

export type ErrorKind = 'meta' | 'body' | 'actors' | 'events' | 'quotes' | 'frames' | 'links';
export interface EvalError { file: string; kind: ErrorKind; type: 'miss' | 'false-alarm' | 'wrong'; item: unknown; sentence: string }

/** Raw counts, summed over documents before the ratios are taken. */
export interface Counts {
  meta: { right: number; total: number };
  body: { right: number; total: number };
  actors: { tp: number; fp: number; fn: number };
  events: { tp: number; fp: number; fn: number; dates: { right: number; total: number }; byType: Record<string, { tp: number; fp: number; fn: number }> };
  quotes: { tp: number; fp: number; fn: number; attributed: number };
  frames: { tp: number; fp: number; fn: number };
  links: { right: number; total: number };
}

export function emptyCounts(): Counts {
  return {
    meta: { right: 0, total: 0 }, body: { right: 0, total: 0 }, actors: { tp: 0, fp: 0, fn: 0 },
    events: { tp: 0, fp: 0, fn: 0, dates: { right: 0, total: 0 }, byType: {} }, quotes: { tp: 0, fp: 0, fn: 0, attributed: 0 },
    frames: { tp: 0, fp: 0, fn: 0 }, links: { right: 0, total: 0 },
  };
}

export function addCounts(into: Counts, c: Counts): Counts {
  const add = (a: Record<string, unknown>, b: Record<string, unknown>): void => {
    for (const k of Object.keys(b)) {
      if (a[k] === undefined) a[k] = structuredClone(b[k]);   // a key only some documents have (an event type)
      else if (typeof b[k] === 'number') a[k] = (a[k] as number) + (b[k] as number);
      else add(a[k] as Record<string, unknown>, b[k] as Record<string, unknown>);
    }
  };
  add(into as unknown as Record<string, unknown>, c as unknown as Record<string, unknown>);
  return into;
}

/** Sentences of a view's body, for quoting where an item is. */
class Locator {
  private readonly searchable: SearchableText;
  constructor(private readonly view: SystemView) { this.searchable = new SearchableText(view.doc.body); }

  sentenceAt(offset: number): string {
    const body = this.view.doc.body;
    const s = this.view.sentences.find((x) => x.start <= offset && offset < x.end);
    if (s) return body.slice(s.start, s.end);
    if (offset < 0 || offset >= body.length) return '';
    // No sentence spans (a hand-made view): cut at the nearest sentence ends.
    const before = body.slice(0, offset).search(/[^.!?\n]*$/);
    const after = body.slice(offset).search(/[.!?\n]/);
    return body.slice(before, after < 0 ? body.length : offset + after + 1).trim();
  }

  includes(text: string): boolean { return this.searchable.includes(text); }

  /** Where a gold string is in the body. */
  find(text: string): Span[] { return this.searchable.findAll(text); }

  /** The sentence where a gold string is, else the string itself. */
  sentenceOf(text: string | undefined): string {
    if (!text) return '';
    const hit = this.find(text)[0];
    return hit ? this.sentenceAt(hit.start) || text : text;
  }
}

const setOf = (xs: Iterable<string>): Set<string> => new Set([...xs].map(normName).filter((x) => x.length > 0));
const meets = (a: Set<string>, b: Set<string>): boolean => [...a].some((x) => b.has(x));

function actorNames(a: SystemActor): Set<string> {
  return setOf([a.name, ...a.aliases, ...a.mentions]);
}

const SCORED_ACTOR_KINDS = new Set(['state', 'igo', 'org', 'person']);
const CODE_MATCH_KINDS = new Set(['state', 'igo']);
const SYMMETRIC_TYPES = new Set(['CONSULT', 'COOPERATE', 'AGREE']);

// ---- meta and body ----

function scoreMeta(g: GoldDocument, v: SystemView, c: Counts, errors: EvalError[]): void {
  if (!g.meta) return;
  const sys = v.doc.meta as Record<string, string | undefined>;
  for (const [field, want] of Object.entries(g.meta)) {
    if (want === undefined) continue;
    const got = sys[field]?.trim() ? sys[field] : undefined;
    const right = want === null ? got === undefined : got !== undefined && norm(got) === norm(want);
    c.meta.total++;
    if (right) c.meta.right++;
    else errors.push({ file: g.file, kind: 'meta', type: 'wrong', item: { field, gold: want, system: got ?? null }, sentence: '' });
  }
}

function scoreBody(g: GoldDocument, loc: Locator, c: Counts, errors: EvalError[]): void {
  if (!g.body) return;
  for (const keep of g.body.keep ?? []) {
    c.body.total++;
    if (loc.includes(keep)) c.body.right++;
    else errors.push({ file: g.file, kind: 'body', type: 'wrong', item: { keep }, sentence: keep });
  }
  for (const drop of g.body.drop ?? []) {
    c.body.total++;
    if (!loc.includes(drop)) c.body.right++;
    else errors.push({ file: g.file, kind: 'body', type: 'false-alarm', item: { drop }, sentence: loc.sentenceOf(drop) });
  }
}

// ---- actors ----

function scoreActors(g: GoldDocument, v: SystemView, loc: Locator, c: Counts, errors: EvalError[]): void {
  if (!g.actors) return;
  const gold = g.actors.map((a) => ({ a, names: setOf([a.name, ...(a.mentions ?? [])]) }));
  const system = v.doc.actors.map((s) => ({ s, names: actorNames(s) }));
  const matches = (ga: (typeof gold)[number], sa: (typeof system)[number]): boolean =>
    meets(ga.names, sa.names) ||
    (CODE_MATCH_KINDS.has(ga.a.kind ?? '') && CODE_MATCH_KINDS.has(sa.s.kind) && !!ga.a.code &&
      ga.a.code.toUpperCase() === sa.s.code.toUpperCase());
  for (const ga of gold) {
    if (ga.a.optional) continue;
    if (system.some((sa) => matches(ga, sa))) c.actors.tp++;
    else {
      c.actors.fn++;
      const said = [ga.a.name, ...(ga.a.mentions ?? [])].find((n) => loc.find(n).length > 0);
      errors.push({ file: g.file, kind: 'actors', type: 'miss', item: ga.a, sentence: said ? loc.sentenceOf(said) : ga.a.name });
    }
  }
  for (const sa of system) {
    if (!SCORED_ACTOR_KINDS.has(sa.s.kind)) continue;
    if (gold.some((ga) => matches(ga, sa))) continue;
    c.actors.fp++;
    const first = v.mentions.filter((m) => m.actor === sa.s.id).sort((x, y) => x.start - y.start)[0];
    const sentence = first ? loc.sentenceAt(first.start) : loc.sentenceOf(sa.s.mentions[0] ?? sa.s.name);
    errors.push({ file: g.file, kind: 'actors', type: 'false-alarm', item: { id: sa.s.id, name: sa.s.name, code: sa.s.code, kind: sa.s.kind, mentions: sa.s.mentions }, sentence });
  }
}

// ---- events ----

/** Does a system event match a gold event (type, country parts, modality; swap for symmetric types)? */
export function eventMatches(g: GoldEvent, s: Pick<SystemEvent, 'type' | 'source' | 'target' | 'modality'>): boolean {
  if (!g.type.includes(s.type.toUpperCase())) return false;
  if ((s.modality || 'asserted').toLowerCase() !== g.modality) return false;
  const gs = countryPart(g.source);
  const gt = g.target ? countryPart(g.target) : undefined;
  const ss = countryPart(s.source);
  const st = countryPart(s.target);
  if (ss === gs && (gt === undefined || st === gt)) return true;
  return SYMMETRIC_TYPES.has(s.type.toUpperCase()) && gt !== undefined && ss === gt && st === gs;
}

/** The days a gold date stands for: a year, a month, a day, or `day/day`. Undefined when unreadable. */
export function dateSpan(date: string): { start: string; end: string } | undefined {
  const [a, b] = date.trim().split('/');
  const from = dayRange(a);
  const to = b === undefined ? from : dayRange(b);
  return from && to ? { start: from.start, end: to.end } : undefined;
}

function dayRange(s: string | undefined): { start: string; end: string } | undefined {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?/.exec((s ?? '').trim());
  if (!m) return undefined;
  const [, y, mo, d] = m;
  if (d) return { start: `${y}-${mo}-${d}`, end: `${y}-${mo}-${d}` };
  if (mo) {
    const last = new Date(Date.UTC(Number(y), Number(mo), 0)).getUTCDate();
    return { start: `${y}-${mo}-01`, end: `${y}-${mo}-${String(last).padStart(2, '0')}` };
  }
  return { start: `${y}-01-01`, end: `${y}-12-31` };
}

/** The first day of a system date (`day` or `start/end`). */
function systemStart(date: string | null | undefined): string | undefined {
  return date ? dayRange(date.split('/')[0])?.start : undefined;
}

function eventKey(e: SystemEvent): string {
  return [e.type.toUpperCase(), countryPart(e.source), countryPart(e.target), (e.modality || 'asserted').toLowerCase()].join('|');
}

function scoreEvents(g: GoldDocument, v: SystemView, loc: Locator, c: Counts, errors: EvalError[]): void {
  if (!g.events) return;
  const system = v.doc.events;
  // per type: a gold event counts under the type it names first, a false alarm under the system's
  const of = (type: string) => (c.events.byType[type] ??= { tp: 0, fp: 0, fn: 0 });
  for (const ge of g.events) {
    if (ge.optional) continue;
    const hits = system.filter((s) => eventMatches(ge, s));
    const sentence = loc.sentenceOf(ge.text);
    if (!hits.length) {
      c.events.fn++;
      of(ge.type[0]).fn++;
      errors.push({ file: g.file, kind: 'events', type: 'miss', item: ge, sentence });
      continue;
    }
    c.events.tp++;
    of(ge.type[0]).tp++;
    if (ge.date === undefined) continue;
    const span = dateSpan(ge.date);
    c.events.dates.total++;
    const starts = hits.map((h) => systemStart(h.date));
    if (span && starts.some((d) => d !== undefined && span.start <= d && d <= span.end)) c.events.dates.right++;
    else {
      const item = { ...ge, system: hits.map((h) => h.date ?? null) };
      errors.push({ file: g.file, kind: 'events', type: 'wrong', item, sentence: hits[0].sentence || sentence });
    }
  }
  // False alarms: distinct keys of events that match no gold event (optional ones included).
  const seen = new Set<string>();
  for (const s of system) {
    const key = eventKey(s);
    if (seen.has(key)) continue;
    seen.add(key);
    if (g.events.some((ge) => eventMatches(ge, s))) continue;
    c.events.fp++;
    of(s.type).fp++;
    const item = { type: s.type, source: s.source ?? null, target: s.target ?? null, modality: s.modality, date: s.date ?? null, via: s.via };
    errors.push({ file: g.file, kind: 'events', type: 'false-alarm', item, sentence: s.sentence || loc.sentenceAt(s.start) });
  }
}

// ---- quotes ----

function quoteMatches(g: GoldQuote, s: SystemQuote): boolean {
  const want = norm(g.text);
  return want.length > 0 && norm(s.text).includes(want);
}

function speakerNames(s: SystemQuote, v: SystemView): Set<string> {
  const names = [s.speaker, s.speakerText].filter((x): x is string => !!x);
  const actor = s.speakerId ? v.doc.actors.find((a) => a.id === s.speakerId) : undefined;
  if (actor) names.push(actor.name, ...actor.aliases, ...actor.mentions);
  return setOf(names);
}

function scoreQuotes(g: GoldDocument, v: SystemView, loc: Locator, c: Counts, errors: EvalError[]): void {
  if (!g.quotes) return;
  const system = v.doc.quotes;
  for (const gq of g.quotes) {
    if (gq.optional) continue;
    const hits = system.filter((s) => quoteMatches(gq, s));
    if (!hits.length) {
      c.quotes.fn++;
      errors.push({ file: g.file, kind: 'quotes', type: 'miss', item: gq, sentence: loc.sentenceOf(gq.text) });
      continue;
    }
    c.quotes.tp++;
    const goldActor = (g.actors ?? []).find((a) => normName(a.name) === normName(gq.speaker));
    const want = setOf([gq.speaker, ...(goldActor?.mentions ?? [])]);
    if (hits.some((h) => meets(want, speakerNames(h, v)))) c.quotes.attributed++;
    else {
      const item = { ...gq, system: hits.map((h) => h.speaker ?? h.speakerText ?? null) };
      errors.push({ file: g.file, kind: 'quotes', type: 'wrong', item, sentence: loc.sentenceAt(hits[0].start) || loc.sentenceOf(gq.text) });
    }
  }
  for (const s of system) {
    if (g.quotes.some((gq) => quoteMatches(gq, s))) continue;
    c.quotes.fp++;
    const item = { text: s.text, speaker: s.speaker ?? null, kind: s.kind };
    errors.push({ file: g.file, kind: 'quotes', type: 'false-alarm', item, sentence: loc.sentenceAt(s.start) });
  }
}

// ---- frames ----

function scoreFrames(g: GoldDocument, v: SystemView, loc: Locator, c: Counts, errors: EvalError[]): void {
  if (!g.frames?.scare_quotes) return;
  const gold = new Set(g.frames.scare_quotes.map(norm));
  const optional = new Set((g.frames.optional_scare_quotes ?? []).map(norm));
  const system = v.doc.frames.filter((f) => f.kind === 'scare-quote');
  const found = new Set(system.map((f) => norm(f.text)));
  for (const text of g.frames.scare_quotes) {
    const n = norm(text);
    if (optional.has(n)) continue;   // listed both ways: optional wins
    if (found.has(n)) c.frames.tp++;
    else {
      c.frames.fn++;
      errors.push({ file: g.file, kind: 'frames', type: 'miss', item: { scare_quote: text }, sentence: loc.sentenceOf(text) });
    }
  }
  const alarmed = new Set<string>();
  for (const f of system) {
    const n = norm(f.text);
    if (gold.has(n) || optional.has(n) || alarmed.has(n)) continue;
    alarmed.add(n);
    c.frames.fp++;
    errors.push({ file: g.file, kind: 'frames', type: 'false-alarm', item: { scare_quote: f.text }, sentence: loc.sentenceAt(f.start) });
  }
}

/** Scores one gold document against what the system found in it. */
export function scoreDocument(g: GoldDocument, v: SystemView): { counts: Counts; errors: EvalError[] } {
  const counts = emptyCounts();
  const errors: EvalError[] = [];
  const loc = new Locator(v);
  if (v.doc.error) {
    errors.push({ file: g.file, kind: 'body', type: 'miss', item: { error: v.doc.error }, sentence: '' });
  }
  scoreMeta(g, v, counts, errors);
  scoreBody(g, loc, counts, errors);
  scoreActors(g, v, loc, counts, errors);
  scoreEvents(g, v, loc, counts, errors);
  scoreQuotes(g, v, loc, counts, errors);
  scoreFrames(g, v, loc, counts, errors);
  return { counts, errors };
}

// ---- links ----

/** Follows CorpusLinks.sameActor to the actor an id merges into. */
function resolveActor(id: string, sameActor: Record<string, string>): string {
  const seen = new Set<string>();
  let at = id;
  while (sameActor[at] !== undefined && !seen.has(at)) { seen.add(at); at = sameActor[at]; }
  return at;
}

/** Actor ids of the system mention with that text in a document (else of mentions over where the text is). */
function actorsAtMention(v: SystemView, text: string): string[] {
  const want = normName(text);
  const exact = v.mentions.filter((m) => m.actor && normName(m.text) === want).map((m) => m.actor!);
  if (exact.length) return exact;
  const byName = v.doc.actors.filter((a) => a.mentions.some((m) => normName(m) === want)).map((a) => a.id);
  if (byName.length) return byName;
  const places = new Locator(v).find(text);
  return v.mentions.filter((m) => m.actor && places.some((p) => m.start < p.end && p.start < m.end)).map((m) => m.actor!);
}

/** Storyline ids of the system events told where the gold text is. */
function storylinesAt(v: SystemView, text: string): Set<string> {
  const want = norm(text);
  const places = new Locator(v).find(text);
  const events = new Set(v.doc.events
    .filter((e) => norm(e.sentence).includes(want) || places.some((p) => e.start < p.end && p.start < e.end))
    .map((e) => e.id));
  return new Set(v.doc.storylines.filter((s) => s.events.some((id) => events.has(id))).map((s) => s.id));
}

export function scoreLinks(
  links: GoldLinks | undefined, views: Map<string, SystemView>, sameActor: Record<string, string>,
): { counts: Counts; errors: EvalError[] } {
  const counts = emptyCounts();
  const errors: EvalError[] = [];
  if (!links) return { counts, errors };
  const sentence = (file: string, text: string): string => {
    const v = views.get(file);
    return v ? new Locator(v).sentenceOf(text) : text;
  };
  for (const [a, b] of links.same_actor ?? []) {
    counts.links.total++;
    const va = views.get(a.file);
    const vb = views.get(b.file);
    const ids = (v: SystemView | undefined, text: string): Set<string> =>
      new Set(v ? actorsAtMention(v, text).map((id) => resolveActor(id, sameActor)) : []);
    const ia = ids(va, a.mention);
    const ib = ids(vb, b.mention);
    if ([...ia].some((id) => ib.has(id))) counts.links.right++;
    else {
      errors.push({ file: a.file, kind: 'links', type: 'miss', item: { same_actor: [a, b], system: [[...ia], [...ib]] }, sentence: sentence(a.file, a.mention) });
    }
  }
  for (const story of links.same_story ?? []) {
    counts.links.total++;
    let common: Set<string> | undefined;
    for (const m of story.members) {
      const v = views.get(m.file);
      const here = v ? storylinesAt(v, m.text) : new Set<string>();
      common = common === undefined ? here : new Set([...common].filter((id) => here.has(id)));
    }
    if (common && common.size > 0 && story.members.length > 0) counts.links.right++;
    else {
      const first = story.members[0];
      errors.push({ file: first?.file ?? '', kind: 'links', type: 'miss', item: { same_story: story }, sentence: first ? sentence(first.file, first.text) : '' });
    }
  }
  return { counts, errors };
}
