// The actor mentions of a document as event participants: indexed by token, with the code each
// stands for (the mention's own code, else its actor's, as the actor coding convention says).
import type { Analysis, EventRole, Mention, Token } from '../../model/types.ts';
import countries from 'i18n-iso-countries';
import { ploverData } from './data.ts';

/** Mentions that can stand for an event participant, indexed by token. */
export interface MentionIndex {
  /** Token index -> index into `mentions` of the mention covering it, or -1. */
  at: Int32Array;
  mentions: { mention: Mention; code: string; first: number; last: number }[];
  /** Per sentence: the participant its clear subject names, when it has one. */
  subjects: (number | undefined)[];
}

/** Words after which a name is not a subject: "officials in Warsaw", "talks with Minsk". */
export const NOT_SUBJECT_AFTER = new Set(['in', 'at', 'near', 'from', 'to', 'into', 'inside', 'within', 'across', 'toward', 'towards',
  'against', 'with', 'for', 'on', 'by', 'over', 'between', 'through', 'throughout', 'around', 'about', 'than', 'like', 'vis-à-vis', 'among']);

export function indexMentions(a: Analysis): MentionIndex {
  const at = new Int32Array(a.tokens.length).fill(-1);
  const codeOf = new Map(a.actors.map((x) => [x.id, x.code]));
  const list: MentionIndex['mentions'] = [];
  let t = 0;
  const sorted = [...a.mentions].sort((x, y) => x.start - y.start);
  for (const m of sorted) {
    const code = m.code ?? (m.actor ? codeOf.get(m.actor) : undefined);
    if (!code) continue;
    while (t < a.tokens.length && a.tokens[t].end <= m.start) t++;
    let first = t;
    if (first >= a.tokens.length || a.tokens[first].start >= m.end) { // mention inside one token
      first = Math.max(0, t - 1);
      if (a.tokens[first].end <= m.start) continue;
    }
    let last = first;
    while (last + 1 < a.tokens.length && a.tokens[last + 1].start < m.end) last++;
    if (at[first] >= 0) continue;
    const idx = list.length;
    list.push({ mention: m, code, first, last });
    for (let k = first; k <= last; k++) at[k] = idx;
  }
  // "Iraq's Al-Qaeda frontman", "Iraqi Al-Qaeda": a sector with no country of its own is that state's
  for (let i = 1; i < list.length; i++) {
    const e = list[i];
    if (!sectorOnly(e.code)) continue;
    let k = e.first - 1;
    if (k >= 0 && POSSESSIVE_MARKS.has(a.tokens[k].text.toLowerCase())) k--;
    const before = k >= 0 ? at[k] : -1;
    if (before >= 0 && list[before].last === k && ALPHA3.has(list[before].code.slice(0, 3))) e.code = `${list[before].code.slice(0, 3)}${e.code}`;
  }
  const subjects: (number | undefined)[] = a.sentences.map((s) => {
    for (let k = s.tokens[0]; k < s.tokens[1]; k++) {
      const tok = a.tokens[k];
      if (tok.pos === 'VERB' || tok.pos === 'AUX') return undefined;
      if (at[k] >= 0 && !precededBy(a.tokens, list[at[k]].first, s.tokens[0], NOT_SUBJECT_AFTER)) return at[k];
    }
    return undefined;
  });
  return { at, mentions: list, subjects };
}

/** Whether the word before token i (past determiners, adjectives, numbers) is one of `words`. */
export function precededBy(tokens: Token[], i: number, from: number, words: Set<string>): boolean {
  let k = i - 1;
  while (k >= from && (tokens[k].pos === 'DET' || tokens[k].pos === 'ADJ' || tokens[k].pos === 'NUM')) k--;
  if (k < from || !words.has(tokens[k].lemma)) return false;
  // "up to 100 ethnic Albanians", "about 200 supporters": a quantity, not a preposition
  if (k + 1 < i && tokens[k + 1].pos === 'NUM' && QUANTIFIERS.has(tokens[k].lemma)) return false;
  return true;
}

const QUANTIFIERS = new Set(['to', 'about', 'around', 'over', 'than', 'nearly', 'almost']);

export function roleOf(ix: MentionIndex, m: number): EventRole {
  const { mention, code } = ix.mentions[m];
  return { actor: mention.actor, code, text: mention.text, start: mention.start, end: mention.end };
}

const ALPHA3 = new Set(Object.keys(countries.getAlpha3Codes()));
const POSSESSIVE_MARKS = new Set(["'s", '’s', "'", '’']);
let sectors: Set<string> | undefined;

/** A code that is a sector alone, with no country ("REB", "GOV"): data/plover/roles.yaml. */
function sectorOnly(code: string): boolean {
  sectors ??= new Set(ploverData<{ sector_codes: string[] }>('roles').sector_codes);
  return sectors.has(code);
}

/** The country part of a code (FORMAT.md): its first three letters when they are an ISO alpha-3 code, else the whole code. */
export function country(code: string): string {
  const head = code.slice(0, 3);
  return ALPHA3.has(head) ? head : code;
}
