// What the linker needs to know of one event, taken from its Analysis once, so that the corpus
// never has to be held in memory: type, country parts, date, and the key words of its clause.
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import countries from 'i18n-iso-countries';
import type { Analysis, Event, Modality, PloverType, Token } from '../model/types.ts';
import { foldName } from './names.ts';
import { tokenize } from '../text/tokenize.ts';

const GENERIC = new Set<string>((parse(readFileSync(new URL('../../data/link/generic-words.yaml', import.meta.url), 'utf8')) as { words: string[] }).words);
const ALPHA3 = new Set(Object.keys(countries.getAlpha3Codes()));

/** The country part of a code: its first three letters when they are an ISO alpha-3 code, else the whole code. */
export function countryPart(code: string | undefined): string | undefined {
  if (!code) return undefined;
  const head = code.slice(0, 3).toUpperCase();
  return ALPHA3.has(head) ? head : code.toUpperCase();
}

export interface EventFeatures {
  doc: string;
  event: string;
  type: PloverType;
  modality: Modality;
  source?: string;           // country part
  target?: string;
  parts: string[];           // sorted distinct country parts
  actors: string[];          // actor ids of source and target
  date?: { start: string; end: string };
  published?: string;
  keys: Set<string>;         // content lemmas of the clause around the trigger, and the place
  places: Set<string>;       // the keys that name a place
  names: Set<string>;        // the keys that are proper names (places, operations, treaties, weapons)
  trigger: string;           // lemma(s) of the trigger
  surface: Map<string, string>; // key -> a form seen in text, for labels
  phrases: Map<string, string>; // key -> the key with the modifiers before it ("US military base"), for labels
}

// Clause boundaries: a sentence often tells several events ("X is negotiating a base; Russia is
// deploying missiles"), and only the words of the clause that tells this one belong to it.
const HARD_BREAK = new Set([';', ':', '—', '–', '(', ')']);
const SOFT_BREAK = new Set(['and', 'but', 'while', 'whereas', 'although', 'though', 'meanwhile']);
const WINDOW = 16;

function clauseTokens(tokens: Token[], first: number, last: number, trigger: { start: number; end: number }): Token[] {
  let t0 = first;
  while (t0 < last && tokens[t0].end <= trigger.start) t0++;
  let t1 = t0;
  while (t1 + 1 < last && tokens[t1 + 1].start < trigger.end) t1++;
  const isBreak = (i: number, dir: -1 | 1): boolean => {
    const t = tokens[i];
    if (HARD_BREAK.has(t.text)) return true;
    // ", and" / ", but": a comma followed by a conjunction starts a new clause
    if (t.text === ',') {
      const next = tokens[i + 1];
      return next !== undefined && SOFT_BREAK.has(next.lemma);
    }
    return dir === -1 && SOFT_BREAK.has(t.lemma) && tokens[i - 1]?.text === ',';
  };
  let a = t0;
  while (a - 1 >= first && t0 - (a - 1) <= WINDOW && !isBreak(a - 1, -1)) a--;
  let b = t1;
  while (b + 1 < last && (b + 1) - t1 <= WINDOW && !isBreak(b + 1, 1)) b++;
  return tokens.slice(a, b + 1);
}

const MODIFIER = new Set(['ADJ', 'NOUN', 'PROPN']);

function isKey(t: Token): boolean {
  if (t.pos !== 'NOUN' && t.pos !== 'PROPN') return false;
  const w = t.lemma;
  return w.length > 2 && /^\p{L}/u.test(w) && !GENERIC.has(w);
}

/**
 * The tokens of one sentence: the analysis's own while it has them (fresh from the pipeline), else
 * the sentence tokenized on its own (a stored analysis does not keep its tokens, and the linker
 * needs only the sentences that tell events).
 */
function sentenceTokens(a: Analysis, si: number, cache: Map<number, Token[]>): Token[] {
  let tokens = cache.get(si);
  if (!tokens) {
    const s = si >= 0 ? a.sentences[si] : undefined;
    if (s && a.tokens.length > 0) tokens = a.tokens.slice(s.tokens[0], s.tokens[1]);
    else {
      const span = s ?? { start: 0, end: a.doc.body.length };
      tokens = tokenize(a.doc.body.slice(span.start, span.end)).tokens.map((t) => ({ ...t, start: t.start + span.start, end: t.end + span.start }));
    }
    cache.set(si, tokens);
  }
  return tokens;
}

/**
 * One copy of each string: the same words recur in every document's features, and a slice of a
 * document body would keep the whole body alive (V8 keeps sliced strings as views of their parent).
 */
export const ownCopy = (s: string): string => (' ' + s).slice(1);   // flattened: a string of its own, not a view of the body

export class StringPool {
  private readonly pool = new Map<string, string>();
  get(s: string): string {
    const seen = this.pool.get(s);
    if (seen !== undefined) return seen;
    const own = ownCopy(s);
    this.pool.set(own, own);
    return own;
  }
  get size(): number { return this.pool.size; }
}

/** The features of every event of one analysis; `pool` shares the strings across documents. */
export function eventFeatures(a: Analysis, pool = new StringPool()): EventFeatures[] {
  if (a.events.length === 0) return [];
  // words that name an actor say who, not what: the dyad already carries them. Places are
  // what, not who: "Kaliningrad" is the story.
  const actorMentions = a.mentions.filter((m) => m.kind !== 'place');
  const placeMentions = a.mentions.filter((m) => m.kind === 'place');
  const covered = (t: Token) => actorMentions.some((m) => m.start < t.end && t.start < m.end);
  const placeAt = (t: Token) => placeMentions.find((m) => m.start <= t.start && t.end <= m.end);
  const bySentence = new Map<number, Token[]>();
  return a.events.map((e) => {
    const si = a.sentences.findIndex((s) => s.start <= e.trigger.start && e.trigger.start < s.end);
    const tokens = sentenceTokens(a, si, bySentence);
    const clause = clauseTokens(tokens, 0, tokens.length, e.trigger);
    const keys = new Set<string>();
    const places = new Set<string>();
    const names = new Set<string>();
    const surface = new Map<string, string>();
    const phrases = new Map<string, string>();
    const roleSpans = [e.source, e.target].filter((r): r is NonNullable<Event['source']> => r !== undefined);
    const inRole = (t: Token) => roleSpans.some((r) => r.start < t.end && t.start < r.end) ||
      (e.place !== undefined && e.place.start < t.end && t.start < e.place.end);
    // a run of proper nouns is one name ("West Bank", "Free Trade Agreement"): one key, not several
    for (let i = 0; i < clause.length; i++) {
      const t = clause[i];
      if (!isKey(t) || covered(t) || inRole(t)) continue;
      let j = i;
      if (t.pos === 'PROPN') while (j + 1 < clause.length && clause[j + 1].pos === 'PROPN' && !covered(clause[j + 1]) && !inRole(clause[j + 1])) j++;
      const place = placeAt(t);
      if (place) {
        // the place mention as a whole, folded as the event's place is
        const key = pool.get(foldName(place.text));
        keys.add(key); places.add(key); names.add(key);
        if (!surface.has(key)) surface.set(key, pool.get(place.text));
        while (i + 1 < clause.length && clause[i + 1].start < place.end) i++;
        continue;
      }
      const folded = foldName(clause.slice(i, j + 1).map((x) => x.lemma).join(' '));
      if (!folded) { i = j; continue; }
      const key = pool.get(folded);
      keys.add(key);
      if (t.pos === 'PROPN') names.add(key);
      if (!surface.has(key)) surface.set(key, pool.get(a.doc.body.slice(t.start, clause[j].end)));
      if (t.pos === 'NOUN' && !phrases.has(key)) {
        // the noun phrase around the word: up to three modifiers before, nouns after ("war crimes")
        let m = i;
        while (m > 0 && MODIFIER.has(clause[m - 1].pos) && !GENERIC.has(clause[m - 1].lemma) && i - m < 3) m--;
        while (m < i && m > 0 && !clause[m - 1].space && /^[-–]$/.test(clause[m - 1].text)) m++;   // "medium-range": not "range"
        let n = i;
        while (n + 1 < clause.length && clause[n + 1].pos === 'NOUN' && n - i < 2) n++;
        if (m < i || n > i) phrases.set(key, pool.get(a.doc.body.slice(clause[m].start, clause[n].end)));
      }
      i = j;
    }
    if (e.place) {
      const folded = foldName(e.place.text);
      const p = folded ? pool.get(folded) : '';
      if (p) { keys.add(p); places.add(p); names.add(p); surface.set(p, pool.get(e.place.text)); }
    }
    const triggerLemmas = tokens.filter((t) => t.start >= e.trigger.start && t.end <= e.trigger.end).map((t) => t.lemma);
    const source = countryPart(e.source?.code);
    const target = countryPart(e.target?.code);
    const start = e.when?.start;
    return {
      doc: pool.get(a.doc.id), event: ownCopy(e.id), type: e.type, modality: e.modality, source, target,
      parts: [...new Set([source, target].filter((p): p is string => p !== undefined))].sort(),
      actors: [e.source?.actor, e.target?.actor].filter((x): x is string => x !== undefined),
      date: start ? { start, end: e.when?.end ?? start } : undefined,
      published: a.doc.meta.published === undefined ? undefined : pool.get(a.doc.meta.published),
      keys, places, names, phrases, trigger: pool.get(triggerLemmas.join(' ') || foldName(e.trigger.text)), surface,
    };
  });
}
