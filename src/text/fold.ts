// One way to fold text for comparison, shared by every part that matches words: lower case,
// compatibility forms decomposed, diacritics removed, and the letters whose stroke or ligature
// Unicode cannot split off (ł, ø, đ, æ, ß...) spelled with plain letters.

const LETTERS: Record<string, string> = {
  'ł': 'l', 'ŀ': 'l', 'đ': 'd', 'ð': 'd', 'ø': 'o', 'ħ': 'h', 'ı': 'i', 'æ': 'ae', 'œ': 'oe', 'ß': 'ss', 'þ': 'th',
};
const UNSPLIT = /[łŀđðøħıæœßþ]/g;
const MARKS = /\p{M}/gu;
const ASCII = /^[\x00-\x7f]*$/;

// Folding is pure and the same words come back in every document and stage, so results for
// short texts (words, names) are remembered; the memo is emptied when it grows large, to bound
// memory on endless input. Longer texts rarely repeat and are folded each time.
const memo = new Map<string, string>();
const MEMO_MAX = 50_000;
const MEMO_LENGTH = 40;

export function foldDiacritics(text: string): string {
  if (text.length > MEMO_LENGTH) return fold(text);
  const known = memo.get(text);
  if (known !== undefined) return known;
  const folded = fold(text);
  if (memo.size >= MEMO_MAX) memo.clear();
  memo.set(text, folded);
  return folded;
}

function fold(text: string): string {
  const lower = text.toLowerCase();
  if (ASCII.test(lower)) return lower;   // the common case in English text: nothing to fold
  return lower.normalize('NFKD').replace(MARKS, '').replace(UNSPLIT, (c) => LETTERS[c]);
}
