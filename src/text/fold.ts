// One way to fold text for comparison, shared by every part that matches words: lower case,
// compatibility forms decomposed, diacritics removed, and the letters whose stroke or ligature
// Unicode cannot split off (ł, ø, đ, æ, ß...) spelled with plain letters.

import { BoundedMemo } from './memo.ts';

const LETTERS: Record<string, string> = {
  'ł': 'l', 'ŀ': 'l', 'đ': 'd', 'ð': 'd', 'ø': 'o', 'ħ': 'h', 'ı': 'i', 'æ': 'ae', 'œ': 'oe', 'ß': 'ss', 'þ': 'th',
};
const UNSPLIT = /[łŀđðøħıæœßþ]/g;
const MARKS = /\p{M}/gu;
const ASCII = /^[\x00-\x7f]*$/;

// Folding is pure and the same words come back in every document and stage, so results for
// short texts (words, names) are remembered; the memo is emptied when it grows large, to bound
// memory on endless input. Longer texts rarely repeat and are folded each time.
const memo = new BoundedMemo<string, string>(50_000);
const MEMO_LENGTH = 40;

export function foldDiacritics(text: string): string {
  if (isPlainLower(text)) return text;
  return text.length > MEMO_LENGTH ? fold(text) : memo.get(text, fold);
}

/**
 * Whether a text is ASCII with no capital letter and no backtick, as most words are: folding
 * leaves it as it is, and so do the callers that make every apostrophe "'". Reading its
 * characters costs less than looking it up in a memo.
 */
export function isPlainLower(text: string): boolean {
  for (let k = 0; k < text.length; k++) {
    const c = text.charCodeAt(k);
    if (c > 127 || (c >= 65 && c <= 90) || c === 96) return false;
  }
  return true;
}

function fold(text: string): string {
  const lower = text.toLowerCase();
  if (ASCII.test(lower)) return lower;   // the common case in English text: nothing to fold
  return lower.normalize('NFKD').replace(MARKS, '').replace(UNSPLIT, (c) => LETTERS[c]);
}
