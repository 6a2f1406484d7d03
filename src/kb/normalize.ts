// Name normalisation shared by the index (for knowledge-base forms) and the matcher (for text),
// so that both sides cut and fold words the same way whatever the tokenizer did.
import { foldDiacritics } from '../text/fold.ts';

const APOSTROPHE_CHARS = "'’ʼ‘`´";
const HYPHEN_CHARS = '-‐‑‒–—';
const APOSTROPHES = { test: (c: string) => APOSTROPHE_CHARS.includes(c) };
// an ASCII character is a separator when it is a control, a space or a hyphen: no regex for
// the letters that make up most of the text
const isSeparator = (c: string) => {
  const x = c.charCodeAt(0);
  if (x < 128) return x < 33 || x === 45;
  return HYPHEN_CHARS.includes(c) || c === '\u00a0' || /\s/.test(c);
};

/** Lower case, diacritics removed (src/text/fold.ts). */
export const fold = foldDiacritics;

/** A word or a punctuation mark as the matcher sees it. */
export interface Unit {
  text: string;   // as written
  norm: string;   // folded; a possessive ("'s", "’", "'") is always "'s"
  from: number;   // character offsets in the string cut
  to: number;
}

const WORD = /[\p{L}\p{N}\p{M}]/u;
function isWordChar(c: string | undefined): boolean {
  if (c === undefined) return false;
  const x = c.charCodeAt(0);
  if (x < 128) return (x >= 97 && x <= 122) || (x >= 65 && x <= 90) || (x >= 48 && x <= 57);
  return WORD.test(c);
}

/**
 * Cut a string into units: runs of letters and digits (with inner apostrophes, "d'Ivoire"),
 * possessive markers, and single punctuation marks. White space and hyphens only separate,
 * so "Guinea-Bissau" and "Guinea Bissau" are the same two units.
 */
export function splitUnits(s: string): Unit[] {
  const units: Unit[] = [];
  let i = 0;
  while (i < s.length) {
    const c = s[i];
    if (isSeparator(c)) { i++; continue; }
    if (isWordChar(c)) {
      let j = i + 1;
      for (;;) {
        if (isWordChar(s[j])) { j++; continue; }
        // inner apostrophe: O'Brien, d'Ivoire; but not the possessive 's
        if (s[j] !== undefined && APOSTROPHES.test(s[j]) && isWordChar(s[j + 1])
          && !((s[j + 1] === 's' || s[j + 1] === 'S') && !isWordChar(s[j + 2]))) { j += 2; continue; }
        break;
      }
      const text = s.slice(i, j);
      const norm = fold(text);
      units.push({ text, norm: j - i > 2 && /[’ʼ‘`´]/.test(norm) ? norm.replace(/[’ʼ‘`´]/g, "'") : norm, from: i, to: j });
      i = j;
      continue;
    }
    if (APOSTROPHES.test(c) && i > 0 && isWordChar(s[i - 1])) {
      // possessive after a word: "Poland's", "Belarus’", "Belarus' "
      const end = (s[i + 1] === 's' || s[i + 1] === 'S') && !isWordChar(s[i + 2]) ? i + 2 : i + 1;
      units.push({ text: s.slice(i, end), norm: "'s", from: i, to: end });
      i = end;
      continue;
    }
    units.push({ text: c, norm: APOSTROPHES.test(c) ? "'" : c, from: i, to: i + 1 });
    i++;
  }
  return units;
}

/** Acronym-like forms (NATO, MoD, U.S., EU) match only as written. */
const acronyms = new Map<string, boolean>();
export function isAcronym(text: string): boolean {
  let v = acronyms.get(text);
  if (v === undefined) { v = acronymLike(text); acronyms.set(text, v); }
  return v;
}

function acronymLike(text: string): boolean {
  if (/\s/.test(text)) return false;
  const upper = (text.match(/\p{Lu}/gu) ?? []).length;
  const lower = (text.match(/\p{Ll}/gu) ?? []).length;
  return upper >= 2 && upper >= lower * 2 - 1 && lower <= 2;
}

/** Lower-cased ASCII slug for ids: "Alexander Lukashenko" -> "alexander-lukashenko". */
export function slug(text: string): string {
  return fold(text).replace(/[^a-z0-9\u0400-\u04ff]+/g, '-').replace(/^-|-$/g, '');
}
