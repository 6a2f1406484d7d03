// "China must drop its barriers, the administration said": a speaker who says another actor
// must or should act is making a demand of it (PLOVER REQUEST, CAMEO 10). The act itself is
// coded by the patterns, as recommended.
import type { Analysis, Token } from '../../model/types.ts';
import { cueTables, isWord } from './cues.ts';
import { country, type MentionIndex } from './mentions.ts';

const OBLIGATION = new Set(['must', 'should']);

export interface Obligation { modal: number; speaker: number; addressee: number }

function isReport(t: Token, report: Set<string>): boolean {
  return t.pos === 'VERB' && (report.has(t.lemma) || t.lemma === 'remind');
}

/** The obligations voiced in sentence tokens [from, to): modal token, speaker and addressee mentions. */
export function findObligations(a: Analysis, ix: MentionIndex, from: number, to: number): Obligation[] {
  const { tokens } = a;
  const report = cueTables().reportVerbs;
  const out: Obligation[] = [];
  for (let k = from + 1; k < to; k++) {
    if (!OBLIGATION.has(tokens[k].lemma)) continue;
    let y = k - 1;
    while (y > from && tokens[y].pos === 'ADV') y--;
    const addressee = ix.at[y];
    if (addressee < 0) continue;
    let speaker = -1;
    // Before: "X said [on Friday] that Y must ...".
    let j = ix.mentions[addressee].first - 1;
    if (j >= from && isWord(tokens[j], 'that')) j--;
    for (let n = 0; j >= from && n < 6; j--, n++) {
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
    if (speaker < 0 || speaker === addressee) continue;
    if (country(ix.mentions[speaker].code) === country(ix.mentions[addressee].code)) continue;
    out.push({ modal: k, speaker, addressee });
  }
  return out;
}
