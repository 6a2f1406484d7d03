// Trigger matches that tell no event of their own, whatever their participants.
import type { Token } from '../../model/types.ts';
import type { PatternMatch } from './patterns.ts';
import type { MentionIndex } from './mentions.ts';

/** Types whose complement is the content of the act, not an event of its own ("offered to host"). */
export const ABSORBING = new Set(['AGREE', 'REQUEST', 'THREATEN', 'CONSULT', 'SUPPORT', 'ACCUSE', 'REJECT', 'CONCEDE']);

/** Verbal acts whose that-clause is their content: "demanded that", "promised that". */
const CLAUSE_TAKING = new Set(['REQUEST', 'AGREE', 'THREATEN']);

/** Why a match names no event, or undefined when it may. */
export function notAnEvent(tokens: Token[], ix: MentionIndex, m: PatternMatch, heads: Map<number, PatternMatch>, from: number, to: number): string | undefined {
  const head = tokens[m.first];
  // "protesters", "demonstrators": a word that names the actor.
  if (ix.at[m.first] >= 0) return 'names an actor';
  // "Poland's proposed hosting of a base": the proposal is the event, the hosting its content.
  const before = heads.get(m.first - 1);
  if (before && before !== m && ABSORBING.has(before.pattern.type)) return 'content of the act before it';
  // "invasion forces", "aid convoys", "protest leaders": a noun that modifies another noun.
  if (m.words.length === 1 && (head.pos === 'NOUN' || head.pos === 'PROPN') && m.first + 1 < to) {
    const next = tokens[m.first + 1];
    if (next.pos === 'NOUN' && /s$/i.test(next.text) && ix.at[m.first + 1] < 0) return 'modifies a noun';
  }
  // "demanding that Minsk release prisoners": the content of a demand, offer or threat.
  for (const [k, h] of heads) {
    if (h === m || k !== h.first || h.last >= m.first || !CLAUSE_TAKING.has(h.pattern.type)) continue;
    // ("its demand today that Israel ease": a "that" tagged as a pronoun but followed by a subject, not a verb, opens the content too)
    const that = tokens.slice(h.last + 1, Math.min(m.first, h.last + 5)).findIndex((t, n) => t.lemma === 'that'
      && (t.pos === 'SCONJ' || (h.last + 2 + n < tokens.length && tokens[h.last + 2 + n].pos !== 'VERB' && tokens[h.last + 2 + n].pos !== 'AUX')));
    if (that < 0) continue;
    let finite = false;
    for (let j = h.last + 2 + that; j < m.first; j++) if (tokens[j].pos === 'VERB') finite = true;
    if (!finite) return 'content of a demand, offer or threat';
  }
  // "the occupied West Bank", "the disputed region": a participle that describes a noun.
  // ("in occupied villages": a past participle after a preposition too; "from criticising Iran" is a gerund)
  if (head.pos === 'VERB' && m.words.length === 1 && m.first > from
    && (tokens[m.first - 1].pos === 'DET' || (tokens[m.first - 1].pos === 'ADP' && /ed$/i.test(head.text)))
    && m.first + 1 < to && (tokens[m.first + 1].pos === 'NOUN' || tokens[m.first + 1].pos === 'PROPN')) return 'describes a noun';
  // "agree to whatever Putin proposes": a free relative names an act that may never happen.
  for (let k = m.first - 1; k >= from && k >= m.first - 5; k--) {
    if (tokens[k].lemma === 'whatever' || tokens[k].lemma === 'whichever') return 'inside a free relative';
    if (tokens[k].pos === 'VERB' || tokens[k].pos === 'PUNCT') break;
  }
  // "will agree to whatever Putin proposes", "refuses to submit to whatever he is told": an act
  // whose content is left open is a disposition, not an event.
  for (let k = m.last + 1; k < to && k <= m.last + 12; k++) {
    const t = tokens[k];
    if (t.text === ',' || t.text === ';' || t.text === '.' || t.text === ':') break;
    if ((t.lemma === 'whatever' || t.lemma === 'whichever') && (k === m.last + 1 || tokens[k - 1].lemma === 'to' || tokens[k - 1].pos === 'VERB')) return 'content left open';
  }
  // "US-backed", "Russian-led": a hyphenated modifier describes an actor.
  if (m.first > from && tokens[m.first - 1].text === '-' && !tokens[m.first - 1].space) return 'hyphenated modifier';
  return undefined;
}
