// Spelling variants made by rule, so that the data lists each name once.

/** British and American spellings that reporting mixes freely. */
const SPELLINGS: [RegExp, string][] = [
  [/Defence/g, 'Defense'], [/Defense/g, 'Defence'],
  [/Organisation/g, 'Organization'], [/Organization/g, 'Organisation'],
  [/Programme/g, 'Program'], [/Centre/g, 'Center'], [/Center/g, 'Centre'],
];

export function spellingVariants(name: string): string[] {
  const out = new Set([name]);
  for (const [re, to] of SPELLINGS) for (const n of [...out]) if (re.test(n)) out.add(n.replace(re, to));
  return [...out];
}

/** "Ministry of Foreign Affairs" -> also "Foreign Affairs Ministry". */
function reorder(core: string): string[] {
  const m = /^(Ministry|Committee|Service|Council|Office|Agency|Directorate) of (?:the )?(.+)$/.exec(core);
  return m && !/ of /.test(m[2]) ? [core, `${m[2]} ${m[1]}`] : [core];
}

/** The core forms of a national institution with their reorderings and spellings ("Ministry of Defence" -> "Defense Ministry"...). */
const expanded = new Map<string, string[]>();
export function expandCores(cores: string[]): string[] {
  const key = cores.join('\n');
  const known = expanded.get(key);
  if (known) return known;
  const all = new Set<string>();
  for (const c of cores) for (const r of reorder(c)) for (const v of spellingVariants(r)) all.add(v);
  expanded.set(key, [...all]);
  return [...all];
}

/** "Poland's", "Belarus'" */
export function possessive(name: string): string {
  return /s$/.test(name) ? `${name}'` : `${name}'s`;
}

/** Plural of a demonym used for people: Belarusians, Pakistanis; "French" has none. */
export function demonymPlural(d: string): string | undefined {
  if (/(an|i|ite|ot|er|ek)$/.test(d)) return d + 's';
  return undefined;
}

export interface Transliteration {
  givenNames: Map<string, string[]>;
  surnameEndings: string[][];
  spellings: Record<string, string>[];   // letter rewrites of another spelling system (Polish: sh -> sz)
}

/** A name respelled by one system's rewrites, longest letter group first: "Shoigu" -> "Szojgu". */
export function respell(name: string, rules: Record<string, string>): string {
  const keys = Object.keys(rules).sort((a, b) => b.length - a.length);
  if (!keys.length) return name;
  const re = new RegExp(keys.map((k) => k.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'), 'gi');
  return name.replace(re, (m) => {
    const to = rules[m.toLowerCase()];
    return m[0] === m[0].toUpperCase() ? to.charAt(0).toUpperCase() + to.slice(1) : to;
  });
}

/**
 * Transliteration variants of a full name: given names from equivalence groups, surname endings
 * swapped (-enko/-enka, -sky/-skyy/-skiy), and the first name dropped.
 */
export function personVariants(full: string, t: Transliteration | undefined): string[] {
  const out = new Set([full]);
  if (!t) return [...out];
  const parts = full.split(' ');
  if (parts.length < 2) return [...out];
  const given = parts.slice(0, -1).join(' ');
  const surname = parts[parts.length - 1];
  const givens = t.givenNames.get(given.toLowerCase()) ?? [given];
  const surnames = surnameVariants(surname, t);
  for (const g of givens) for (const s of surnames) out.add(`${g} ${s}`);
  return [...out];
}

export function surnameVariants(surname: string, t: Transliteration | undefined): string[] {
  const out = new Set([surname]);
  if (!t) return [...out];
  for (const group of t.surnameEndings) {
    for (const end of group) {
      if (!surname.toLowerCase().endsWith(end)) continue;
      const stem = surname.slice(0, surname.length - end.length);
      for (const other of group) out.add(stem + other);
    }
  }
  for (const rules of t.spellings ?? []) for (const v of [...out]) out.add(respell(v, rules));
  return [...out];
}
