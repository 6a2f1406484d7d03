// Letters with diacritics folded to their base letter, so that 'Łukašenka' and 'Lukasenka'
// index and search alike. PostgreSQL: built-in translate() only, so the indexed expression stays
// immutable and needs no extension. SQLite: FTS5's remove_diacritics folds letters that decompose
// (š, ž, ą...), not the few that do not (ł, ø, đ...): those are folded before indexing.

const SPECIAL: Record<string, string> = { 'ł': 'l', 'ø': 'o', 'đ': 'd', 'ħ': 'h', 'ı': 'i', 'ŧ': 't', 'ŀ': 'l' };

/** One letter without its marks, lower case. */
function base(ch: string): string {
  const lower = ch.toLowerCase();
  return SPECIAL[lower] ?? lower.normalize('NFD').replace(/\p{M}/gu, '');
}

// Latin-1 Supplement and Latin Extended-A: the letters of European names in the news
const LETTERS = [...Array.from({ length: 0x17f - 0xc0 + 1 }, (_, i) => String.fromCodePoint(0xc0 + i))]
  .filter((ch) => /\p{L}/u.test(ch) && ch !== 'ß' && base(ch).length === 1 && /^[a-z]$/.test(base(ch)));

/** translate()'s two arguments: each letter and its base letter, one to one. */
export const FOLD_FROM = LETTERS.join('');
export const FOLD_TO = LETTERS.map(base).join('');

/** The same folding in JS, for query words. */
export function foldText(text: string): string {
  return [...text].map((ch) => (FOLD_FROM.includes(ch) ? FOLD_TO[FOLD_FROM.indexOf(ch)] : ch)).join('');
}

/** An SQL expression folding `expr` (a column or parenthesised expression), lower case first. */
export function foldSql(expr: string): string {
  return `translate(lower(${expr}), '${FOLD_FROM}', '${FOLD_TO}')`;
}

/** The letters FTS5 cannot fold (no Unicode decomposition), with their base letter, case kept. */
const UNDECOMPOSED: [string, string][] = Object.entries(SPECIAL).flatMap(([l, b]) => [[l, b], [l.toUpperCase(), b.toUpperCase()]] as [string, string][])
  .filter(([l]) => l.length === 1 && l !== 'ı' && l !== 'I');

export function foldUndecomposed(text: string): string {
  let out = text;
  for (const [l, b] of UNDECOMPOSED) if (out.includes(l)) out = out.split(l).join(b);
  return out;
}

/** The same in SQL (nested replace(), for SQLite's migration of stored texts). */
export function foldUndecomposedSql(expr: string): string {
  return UNDECOMPOSED.reduce((e, [l, b]) => `replace(${e}, '${l}', '${b}')`, expr);
}
