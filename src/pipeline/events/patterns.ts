// Event trigger patterns from data/plover/patterns.yaml, compiled once and indexed by the
// lemma of their first word, so that matching costs one map lookup per token.
import type { PloverType, Token } from '../../model/types.ts';
import { PLOVER_TYPES } from '../../model/types.ts';
import { ploverData } from './data.ts';

interface PatternEntry {
  words: string; pos?: 'verb' | 'noun'; name?: string; cameo?: string; mode?: string;
  not_next?: string[]; place_target?: boolean; needs_target?: boolean; hardware_subject?: boolean; no_target?: boolean; no_intent?: boolean; not_passive?: boolean; mediator?: boolean; confidence?: number;
}

/** One slot of a pattern: a set of alternative lemmas, or a wildcard gap. */
type Slot = { alts: Set<string> } | { wildcard: true };

export interface Pattern {
  type: PloverType;
  via: string;               // "pattern:consult/consultations"
  cameo?: string;
  mode?: string;
  pos?: 'verb' | 'noun';
  notNext?: Set<string>;
  placeTarget: boolean;
  needsTarget: boolean;      // too vague to code without a target ("host")
  hardwareSubject: boolean;  // codes only when its subject is military hardware ("missiles aimed at")
  noTarget: boolean;         // what follows is a place, not a target ("placed in Kaliningrad")
  noIntent: boolean;         // announcing it declares no intention towards anyone ("will resign")
  notPassive: boolean;       // a participle that is an adjective: "is opposed to", "is committed to"
  mediator: boolean;         // "mediation between X and Y": X and Y are the targets, the mediator the source
  confidence: number;
  slots: Slot[];
}

export interface PatternMatch {
  pattern: Pattern;
  first: number;             // token index of the first word (the trigger's head)
  last: number;              // token index of the last matched word
  words: number[];           // token indices of the matched words
}

const MAX_MODIFIER_GAP = 5;  // modifiers allowed between two words: "put heavy pressure on", "lifted a day-old blockade"
const MAX_WILDCARD_GAP = 6;  // tokens a "*" may stand for
const GAP_POS = new Set(['DET', 'ADJ', 'NUM', 'ADV', 'PRON', 'PROPN', 'PART', 'NOUN', 'SYM']);

let index: Map<string, Pattern[]> | undefined;

function compile(): Map<string, Pattern[]> {
  const file = ploverData<Record<string, (string | PatternEntry)[]>>('patterns');
  const map = new Map<string, Pattern[]>();
  for (const [type, entries] of Object.entries(file)) {
    if (!PLOVER_TYPES.includes(type as PloverType)) throw new Error(`patterns.yaml: unknown PLOVER type ${type}`);
    for (const raw of entries) {
      const e: PatternEntry = typeof raw === 'string' ? { words: raw } : raw;
      const parts = e.words.trim().split(/\s+/);
      const slots: Slot[] = parts.map((p) => (p === '*' ? { wildcard: true } : { alts: new Set(p.toLowerCase().split('|')) }));
      const head = slots[0];
      if (!('alts' in head)) throw new Error(`patterns.yaml: pattern "${e.words}" starts with a wildcard`);
      const pattern: Pattern = {
        type: type as PloverType,
        via: `pattern:${type.toLowerCase()}/${e.name ?? parts.map((p) => p.split('|')[0]).join(' ')}`,
        cameo: e.cameo, mode: e.mode, pos: e.pos,
        notNext: e.not_next ? new Set(e.not_next) : undefined,
        placeTarget: e.place_target ?? false,
        needsTarget: e.needs_target ?? false,
        hardwareSubject: e.hardware_subject ?? false,
        noTarget: e.no_target ?? false,
        noIntent: e.no_intent ?? false,
        notPassive: e.not_passive ?? false,
        mediator: e.mediator ?? false,
        confidence: e.confidence ?? 0.7,
        slots,
      };
      for (const lemma of head.alts) {
        const list = map.get(lemma) ?? [];
        list.push(pattern);
        map.set(lemma, list);
      }
    }
  }
  return map;
}

export function patternIndex(): Map<string, Pattern[]> {
  return (index ??= compile());
}

function hasWord(t: Token, alts: Set<string>): boolean {
  return alts.has(t.lemma) || alts.has(t.text.toLowerCase());
}

function posFits(t: Token, pos: 'verb' | 'noun' | undefined): boolean {
  if (!pos) return true;
  if (pos === 'verb') return t.pos === 'VERB';
  return t.pos === 'NOUN' || t.pos === 'PROPN' || (t.pos === 'VERB' && /ing$/i.test(t.text));
}

function isGapToken(t: Token): boolean {
  return GAP_POS.has(t.pos) || t.text === '-' || t.text === "'" || t.text === '’' || t.lemma === 'of' || t.lemma === 'up';
}

/**
 * The length of a time phrase that starts at k and may stand in any gap ("on Thursday", "last
 * week", "today"): the tokens the time stage marked, with the preposition before them; 0 if none.
 */
function timePhraseAt(tokens: Token[], k: number, end: number, inTime?: (i: number) => boolean): number {
  if (!inTime) return 0;
  let j = k;
  if (j + 1 < end && !inTime(j) && TIME_PREPS.has(tokens[j].lemma) && inTime(j + 1)) j++;
  while (j < end && inTime(j)) j++;
  return j - k;
}
const TIME_PREPS = new Set(['on', 'in', 'at', 'during', 'since', 'last', 'this', 'early', 'late']);

/** The length of a comma-delimited apposition of up to four name words starting at comma k (", UNHCR,"); 0 if none. */
function appositionAt(tokens: Token[], k: number, end: number): number {
  if (tokens[k].text !== ',') return 0;
  for (let j = k + 1; j < end && j <= k + 5; j++) {
    // (", food, and medical supplies": a list, not an apposition)
    if (tokens[j].text === ',') return j > k + 1 && !(j + 1 < end && tokens[j + 1].pos === 'CCONJ') ? j - k + 1 : 0;
    if (!APPOSITION_POS.has(tokens[j].pos)) return 0;
  }
  return 0;
}
const APPOSITION_POS = new Set(['DET', 'ADJ', 'NOUN', 'PROPN', 'NUM']);

/** Matches one pattern whose first word is at `i`, within tokens [i, end). */
function matchAt(p: Pattern, tokens: Token[], i: number, end: number, inTime?: (i: number) => boolean): PatternMatch | undefined {
  const head = tokens[i];
  if (!posFits(head, p.pos)) return undefined;
  if (p.notNext && i + 1 < end && (p.notNext.has(tokens[i + 1].lemma) || p.notNext.has(tokens[i + 1].text.toLowerCase()))) return undefined;
  const words = [i];
  let at = i + 1;
  let wildcard = false;
  for (let s = 1; s < p.slots.length; s++) {
    const slot = p.slots[s];
    if (!('alts' in slot)) { wildcard = true; continue; }
    let limit = Math.min(end, at + 1 + (wildcard ? MAX_WILDCARD_GAP : MAX_MODIFIER_GAP));
    let found = -1;
    for (let k = at; k < limit; k++) {
      if (hasWord(tokens[k], slot.alts)) { found = k; break; }
      // "gave a warm welcome on Thursday to": a time phrase may stand in any gap, and costs none of it
      const time = timePhraseAt(tokens, k, end, inTime);
      if (time) { k += time - 1; limit = Math.min(end, limit + time); continue; }
      // "forced the UN refugee agency, UNHCR, out of": a wildcard gap may hold a comma-delimited apposition too
      const apposition = wildcard ? appositionAt(tokens, k, end) : 0;
      if (apposition) { k += apposition - 1; limit = Math.min(end, limit + apposition); continue; }
      if (!wildcard && !isGapToken(tokens[k])) break;
      if (tokens[k].text === '.' || tokens[k].text === ';') break;
    }
    if (found < 0) return undefined;
    words.push(found);
    at = found + 1;
    wildcard = false;
  }
  return { pattern: p, first: i, last: words[words.length - 1], words };
}

/** Patterns whose first word this token may be: by lemma, by lower-cased text, or by the text
 *  without a plural "s" (a capitalised "Consultations" opening a sentence is tagged as a name). */
function candidatesFor(idx: Map<string, Pattern[]>, t: Token): Pattern[] | undefined {
  // The answer depends on the lemma, the text and whether the token is a verb only; the same
  // words come back in every document, so it is remembered per lemma and text (the index is fixed).
  let byText = CANDIDATES.get(t.lemma);
  if (!byText) {
    if (CANDIDATES.size >= CANDIDATES_MAX) CANDIDATES.clear();
    CANDIDATES.set(t.lemma, byText = new Map());
  }
  let known = byText.get(t.text);
  if (!known) byText.set(t.text, known = [NOT_YET, NOT_YET]);
  const verb = t.pos === 'VERB' ? 1 : 0;
  let found = known[verb];
  if (found === NOT_YET) found = known[verb] = lookUpCandidates(idx, t);
  return found;
}
const CANDIDATES = new Map<string, Map<string, [Pattern[] | undefined | typeof NOT_YET, Pattern[] | undefined | typeof NOT_YET]>>();
const CANDIDATES_MAX = 100_000;
const NOT_YET = Symbol('not yet');

function lookUpCandidates(idx: Map<string, Pattern[]>, t: Token): Pattern[] | undefined {
  const lower = t.text.toLowerCase();
  const byLemma = idx.get(t.lemma);
  const byText = lower !== t.lemma ? idx.get(lower) : undefined;
  // "opposed to" (by its text) and "oppose" (by its lemma) both compete
  if (byLemma && byText) return [...byLemma, ...byText];
  if (byLemma ?? byText) return byLemma ?? byText;
  if (lower.endsWith('s')) return idx.get(lower.slice(0, -1));
  // a past form the lemmatizer cut wrong ("staged": "stag"): the text without "d" or "ed"
  if (t.pos === 'VERB' && lower.endsWith('ed')) return idx.get(lower.slice(0, -1)) ?? idx.get(lower.slice(0, -2));
  return undefined;
}

const POSSESSIVE_PRONOUNS = new Set(['his', 'her', 'its', 'their', 'our', 'my', 'your']);

/**
 * The tagger reads some past forms as adjectives even where they are the verb of the clause:
 * "officials alleged that ...", "the ministry alleged Minsk had lied". A past form ("-ed") tagged
 * ADJ whose verb heads a pattern is retagged a verb (in place, with the verb's lemma) when a
 * subject stands right before it and a that-clause or a noun phrase's start right after it; an
 * attributive use ("the alleged plot", "his alleged role") has a determiner, a possessive or an
 * adjective before it, or its noun right after it.
 */
function retagPastVerb(idx: Map<string, Pattern[]>, tokens: Token[], i: number, from: number, to: number): void {
  const t = tokens[i];
  const lower = t.text.toLowerCase();
  if (!lower.endsWith('ed') || i <= from || i + 1 >= to) return;
  const lemma = [lower.slice(0, -1), lower.slice(0, -2)].find((l) => idx.get(l)?.some((p) => p.pos !== 'noun'));
  if (!lemma) return;
  const before = tokens[i - 1];
  const subject = before.pos === 'NOUN' || before.pos === 'PROPN' || (before.pos === 'PRON' && !POSSESSIVE_PRONOUNS.has(before.text.toLowerCase()));
  if (!subject) return;
  const next = tokens[i + 1];
  const opens = next.lemma === 'that' || next.pos === 'PROPN' || next.pos === 'DET' || (next.pos === 'PRON' && !POSSESSIVE_PRONOUNS.has(next.text.toLowerCase()));
  if (!opens) return;
  t.pos = 'VERB';
  t.lemma = lemma;
}

/**
 * All trigger matches in tokens [from, to): at each token the longest pattern wins, and the
 * words a match spans cannot start another match ("put pressure on" hides "pressure on",
 * "moved its invasion forces" hides "invasion"). `inTime` tells the tokens of time expressions.
 */
export function matchPatterns(tokens: Token[], from: number, to: number, inTime?: (i: number) => boolean): PatternMatch[] {
  const idx = patternIndex();
  for (let i = from; i < to; i++) if (tokens[i].pos === 'ADJ') retagPastVerb(idx, tokens, i, from, to);
  const used = new Set<number>();
  const out: PatternMatch[] = [];
  for (let i = from; i < to; i++) {
    if (used.has(i)) continue;
    const t = tokens[i];
    const candidates = candidatesFor(idx, t);
    if (!candidates) continue;
    let best: PatternMatch | undefined;
    for (const p of candidates) {
      const m = matchAt(p, tokens, i, to, inTime);
      // more words win; between as many, the tighter span ("allowed the delivery of grain to": "allow
      // delivery", not "allow * to")
      if (m && (!best || m.words.length > best.words.length || (m.words.length === best.words.length && m.last < best.last))) best = m;
    }
    if (!best) continue;
    for (let w = best.first; w <= best.last; w++) used.add(w);     // words in its gaps are its modifiers
    out.push(best);
  }
  return out;
}
