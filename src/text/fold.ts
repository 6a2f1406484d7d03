// One way to fold text for comparison, shared by every part that matches words: lower case,
// compatibility forms decomposed, diacritics removed, and the letters whose stroke or ligature
// Unicode cannot split off (ł, ø, đ, æ, ß...) spelled with plain letters.

const LETTERS: Record<string, string> = {
  'ł': 'l', 'ŀ': 'l', 'đ': 'd', 'ð': 'd', 'ø': 'o', 'ħ': 'h', 'ı': 'i', 'æ': 'ae', 'œ': 'oe', 'ß': 'ss', 'þ': 'th',
};
const UNSPLIT = /[łŀđðøħıæœßþ]/g;
const MARKS = /\p{M}/gu;
const ASCII = /^[\x00-\x7f]*$/;

export function foldDiacritics(text: string): string {
  const lower = text.toLowerCase();
  if (ASCII.test(lower)) return lower;   // the common case in English text: nothing to fold
  return lower.normalize('NFKD').replace(MARKS, '').replace(UNSPLIT, (c) => LETTERS[c]);
}
