// Letters with diacritics folded to their base letter, so that 'Łukašenka' and 'Lukasenka'
// index and search alike. PostgreSQL: texts are folded here before they are indexed (translate()
// in SQL, which scans its 190 letters for each character of a body, cost more than the indexing
// itself), and by built-in translate() only in the migration that filled older rows. SQLite: FTS5's remove_diacritics folds letters that decompose
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

const FOLD = new Map([...FOLD_FROM].map((ch, i) => [ch, FOLD_TO[i]]));

/** The same folding in JS, for query words and for the texts PostgreSQL indexes (only letters of the two blocks change). */
export function foldText(text: string): string {
  return text.replace(/[\u00c0-\u017f]/g, (ch) => FOLD.get(ch) ?? ch);
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
