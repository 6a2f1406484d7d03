// What the linker needs to know of one event, taken from its Analysis once, so that the corpus
// never has to be held in memory: type, country parts, date, and the key words of its clause.
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import countries from 'i18n-iso-countries';
import type { Analysis, Event, Modality, PloverType, Token } from '../model/types.ts';
import { foldName } from './names.ts';

const GENERIC = new Set<string>((parse(readFileSync(new URL('./generic-words.yaml', import.meta.url), 'utf8')) as { words: string[] }).words);
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
  trigger: string;           // lemma(s) of the trigger
  surface: Map<string, string>; // key -> a form seen in text, for labels
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

function isKey(t: Token): boolean {
  if (t.pos !== 'NOUN' && t.pos !== 'PROPN') return false;
  const w = t.lemma;
  return w.length > 2 && /\p{L}/u.test(w) && !GENERIC.has(w);
}

/** The features of every event of one analysis. */
export function eventFeatures(a: Analysis): EventFeatures[] {
  if (a.events.length === 0) return [];
  const tokens = a.tokens;
  // words that name an actor say who, not what: the dyad already carries them
  const covered = (t: Token) => a.mentions.some((m) => m.start < t.end && t.start < m.end);
  return a.events.map((e) => {
    const sent = a.sentences.find((s) => s.start <= e.trigger.start && e.trigger.start < s.end);
    const [first, last] = sent ? sent.tokens : [0, tokens.length];
    const clause = clauseTokens(tokens, first, last, e.trigger);
    const keys = new Set<string>();
    const places = new Set<string>();
    const surface = new Map<string, string>();
    const roleSpans = [e.source, e.target].filter((r): r is NonNullable<Event['source']> => r !== undefined);
    for (const t of clause) {
      if (!isKey(t) || covered(t) || roleSpans.some((r) => r.start < t.end && t.start < r.end)) continue;
      keys.add(t.lemma);
      if (!surface.has(t.lemma)) surface.set(t.lemma, t.text);
    }
    if (e.place) {
      const p = foldName(e.place.text);
      if (p) { keys.add(p); places.add(p); surface.set(p, e.place.text); }
    }
    const triggerLemmas = tokens.filter((t) => t.start >= e.trigger.start && t.end <= e.trigger.end).map((t) => t.lemma);
    const source = countryPart(e.source?.code);
    const target = countryPart(e.target?.code);
    const start = e.when?.start;
    return {
      doc: a.doc.id, event: e.id, type: e.type, modality: e.modality, source, target,
      parts: [...new Set([source, target].filter((p): p is string => p !== undefined))].sort(),
      actors: [e.source?.actor, e.target?.actor].filter((x): x is string => x !== undefined),
      date: start ? { start, end: e.when?.end ?? start } : undefined,
      published: a.doc.meta.published,
      keys, places, trigger: triggerLemmas.join(' ') || foldName(e.trigger.text), surface,
    };
  });
}
