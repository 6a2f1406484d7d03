// Name keys: how two spellings of one name are recognised as the same, across transliterations
// (Lukashenko / Lukashenka / Łukaszenka / Лукашенко, Aleksandr / Alexander / Alyaksandr, Makarov / Makarau).
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { foldDiacritics } from '../text/fold.ts';

const TABLES = parse(readFileSync(new URL('../../data/link/transliteration.yaml', import.meta.url), 'utf8')) as { cyrillic: Record<string, string>; particles: string[] };
const PARTICLES = new Set(TABLES.particles);

function romanise(s: string): string {
  return /[\u0400-\u04ff]/.test(s) ? s.replace(/[\u0400-\u04ff]/g, (ch) => {
    const low = ch.toLowerCase();
    return TABLES.cyrillic[low] ?? ch;
  }) : s;
}

/** Lower case, diacritics and punctuation removed, white space collapsed, a leading "the" dropped. */
export function foldName(name: string): string {
  return foldDiacritics(romanise(name.toLowerCase()))
    .replace(/[’'`]s\b/g, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
    .replace(/^the /, '');
}

// Spellings that differ only by transliteration system, reduced to one form. Order matters:
// digraphs first, then single letters.
const DIGRAPHS: [RegExp, string][] = [
  [/sz/g, 'sh'], [/cz/g, 'ch'], [/zh/g, 'j'], [/kh/g, 'h'], [/ph/g, 'f'], [/ck/g, 'k'],
  [/x/g, 'ks'], [/w/g, 'v'], [/q/g, 'k'], [/(?<=[aeiou])u$/g, 'v'], [/c(?=[aou]|$)/g, 'k'],
  [/dz/g, 'd'], [/ts/g, 's'], [/[yj]/g, 'i'],
];

/**
 * The consonant skeleton of one name word: transliteration digraphs unified, vowels after the
 * first letter dropped, doubled letters collapsed. 'aleksandr', 'alexander' and 'alyaksandr'
 * all give 'alksndr'; 'lukashenko' and 'lukaszenka' give 'lkshnk'.
 */
export function skeleton(word: string): string {
  let w = foldName(word).replace(/\s+/g, '');
  for (const [re, to] of DIGRAPHS) w = w.replace(re, to);
  if (!w) return '';
  const rest = w.slice(1).replace(/[aeiou]/g, '');
  return (w[0] + rest).replace(/(.)\1+/g, '$1');
}

/** The words of a person's name that identify them: given names and surname, titles removed. */
export function personNameWords(name: string): string[] {
  return foldName(name).split(' ').filter((w) => w && !HONORIFICS.has(w));
}

const HONORIFICS = new Set(['mr', 'mrs', 'ms', 'dr', 'prof', 'gen', 'general', 'col', 'colonel', 'sir', 'president', 'minister']);

/** A key under which spellings of one person's name meet: skeletons of every word, in order. */
export function personKey(name: string): { given: string[]; surname: string } {
  const words = personNameWords(name);
  const surname = words.length ? skeleton(words[words.length - 1]) : '';
  // particles (von der Leyen, bin Salman) belong to the surname, never to the given names
  const given = words.slice(0, -1).filter((w) => !PARTICLES.has(w)).map(skeleton).filter(Boolean);
  return { given, surname };
}
