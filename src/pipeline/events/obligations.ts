// "China must drop its barriers, the administration said": a speaker who says another actor
// must or should act is making a demand of it (PLOVER REQUEST, CAMEO 10). The act itself is
// coded by the patterns, as recommended.
import type { Analysis, Token } from '../../model/types.ts';
import { cueTables, isWord } from './cues.ts';
import { country, NOT_SUBJECT_AFTER, precededBy, type MentionIndex } from './mentions.ts';

const OBLIGATION = new Set(['must', 'should']);

export interface Obligation { modal: number; speaker: number; addressee: number }

/** Nouns that carry what someone says: "issued a stern reminder to Iraq that it must". */
const REPORT_NOUNS = new Set(['reminder', 'warning', 'message', 'statement', 'demand', 'insistence']);

function isReport(t: Token, report: Set<string>): boolean {
  return (t.pos === 'VERB' && (report.has(t.lemma) || t.lemma === 'remind')) || (t.pos === 'NOUN' && REPORT_NOUNS.has(t.lemma));
}

/**
 * Who the modal at `k` binds: the names of its subject ("the Sudanese government and the rebels
 * must"), or what a pronoun subject stands for ("that it must": the name before it), back to
 * where the clause opens.
 */
function addresseesOf(tokens: Token[], ix: MentionIndex, k: number, from: number): number[] {
  let y = k - 1;
  while (y > from && tokens[y].pos === 'ADV') y--;
  if (tokens[y].pos === 'PRON' && /^(it|they|he|she)$/.test(tokens[y].lemma)) {
    for (let j = y - 1; j >= from; j--) if (ix.at[j] >= 0) return [ix.at[j]];
    return [];
  }
  const out: number[] = [];
  for (let j = y; j >= from && j > y - 14; j--) {
    const t = tokens[j];
    if (t.lemma === 'that' || t.pos === 'VERB' || t.pos === 'AUX' || t.text === ',' || t.text === ';' || t.text === ':') break;
    const m = ix.at[j];
    if (m < 0) continue;
    j = ix.mentions[m].first;
    if (!precededBy(tokens, j, from, NOT_SUBJECT_AFTER)) out.push(m);
  }
  return out.reverse();
}

/** The obligations voiced in sentence tokens [from, to): modal token, speaker and addressee mentions. */
export function findObligations(a: Analysis, ix: MentionIndex, from: number, to: number): Obligation[] {
  const { tokens } = a;
  const report = cueTables().reportVerbs;
  const out: Obligation[] = [];
  for (let k = from + 1; k < to; k++) {
    if (!OBLIGATION.has(tokens[k].lemma)) continue;
    const addressees = addresseesOf(tokens, ix, k, from);
    if (!addressees.length) continue;
    const addressee = addressees[0];
    let speaker = -1;
    // Before: "X said [on Friday] that Y must ...", "X issued a reminder to Y that it must".
    let j = ix.mentions[addressee].first - 1;
    if (j >= from && isWord(tokens[j], 'that')) j--;
    for (let n = 0; j >= from && n < 8; j--, n++) {
      if (isReport(tokens[j], report)) {
        for (let s = j - 1; s >= from; s--) if (ix.at[s] >= 0) { speaker = ix.at[s]; break; }
        break;
      }
    }
    // After: "Y must ..., X said" or "..., said X".
    if (speaker < 0) {
      for (let c = k + 1; c < to; c++) {
        if (tokens[c].text !== ',') continue;
        for (let r = c + 1; r < Math.min(to, c + 8); r++) {
          if (!isReport(tokens[r], report)) continue;
          for (let s = c + 1; s < Math.min(to, r + 6); s++) if (ix.at[s] >= 0 && s !== r) { speaker = ix.at[s]; break; }
          break;
        }
      }
    }
    if (speaker < 0) continue;
    for (const to of addressees) {
      // "rebels announced that the president must agree": a demand on one's own government counts too
      if (to === speaker || ix.mentions[speaker].code === ix.mentions[to].code
        || (ix.mentions[speaker].mention.actor && ix.mentions[speaker].mention.actor === ix.mentions[to].mention.actor)) continue;
      out.push({ modal: k, speaker, addressee: to });
    }
  }
  return out;
}
