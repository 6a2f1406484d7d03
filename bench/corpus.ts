// Builds a synthetic benchmark corpus from the short reports in examples/: paragraphs are
// recombined into ~700-word documents, and countries, capitals, weekdays, months and years are
// permuted per document so that no two documents are the same text. Deterministic (seeded).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface BenchDoc { raw: string; source: string; title: string; published: string }

/** A small fast seeded PRNG (mulberry32). */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = <T>(rnd: () => number, xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)];

function shuffle<T>(rnd: () => number, xs: readonly T[]): T[] {
  const out = [...xs];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

const stripTags = (html: string): string =>
  html.replace(/<[^>]+>/g, ' ').replace(/&nbsp;/g, ' ').replace(/&amp;/g, '&').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/[ \t]+/g, ' ').trim();

/** Body paragraphs of one example file, whatever its format. */
function paragraphsOf(name: string, text: string): string[] {
  const paras: string[] = [];
  const addBlocks = (t: string): void => {
    for (const p of t.split(/\n\s*\n/)) {
      const clean = p.replace(/\s+/g, ' ').trim();
      // Keep prose: long enough and ending like a sentence (drops titles, bylines, datelines).
      if (clean.split(' ').length >= 12 && /[.!?"”’)]$/.test(clean) && !clean.startsWith('#')) paras.push(clean);
    }
  };
  if (name.endsWith('.jsonl')) {
    for (const line of text.split('\n')) {
      if (!line.trim()) continue;
      try {
        const rec = JSON.parse(line) as { text?: string; body?: string; content?: string };
        addBlocks(rec.text ?? rec.body ?? rec.content ?? '');
      } catch { /* not a record */ }
    }
  } else if (/\.html?$/.test(name)) {
    for (const m of text.matchAll(/<p[^>]*>([\s\S]*?)<\/p>/gi)) addBlocks(stripTags(m[1]));
  } else {
    addBlocks(text.replace(/^---\n[\s\S]*?\n---\n/, ''));
  }
  return paras;
}

export function loadParagraphs(examplesDir: string, fallbackFile: string): string[] {
  let paras: string[] = [];
  try {
    for (const name of readdirSync(examplesDir).sort()) {
      if (!/\.(txt|md|html?|jsonl)$/.test(name)) continue;
      paras.push(...paragraphsOf(name, readFileSync(join(examplesDir, name), 'utf8')));
    }
  } catch { /* no examples folder */ }
  if (paras.length < 5) paras = paragraphsOf('fallback.txt', readFileSync(fallbackFile, 'utf8'));
  return paras;
}

// Names swapped among themselves per document: [country, demonym, capital].
const COUNTRIES: readonly [string, string, string][] = [
  ['Lithuania', 'Lithuanian', 'Vilnius'], ['Belarus', 'Belarusian', 'Minsk'], ['Poland', 'Polish', 'Warsaw'],
  ['Latvia', 'Latvian', 'Riga'], ['Estonia', 'Estonian', 'Tallinn'], ['Ukraine', 'Ukrainian', 'Kyiv'],
  ['Russia', 'Russian', 'Moscow'], ['Finland', 'Finnish', 'Helsinki'], ['Georgia', 'Georgian', 'Tbilisi'],
  ['Moldova', 'Moldovan', 'Chisinau'], ['Romania', 'Romanian', 'Bucharest'], ['Hungary', 'Hungarian', 'Budapest'],
  ['Armenia', 'Armenian', 'Yerevan'], ['Azerbaijan', 'Azerbaijani', 'Baku'], ['Kazakhstan', 'Kazakh', 'Astana'],
];
const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

const NAME_RE = new RegExp(`\\b(${[...COUNTRIES.flat(), ...WEEKDAYS, ...MONTHS].join('|')})\\b`, 'g');

/** Rewrites a paragraph with this document's permutation of names and a shifted year. */
function vary(text: string, swap: Map<string, string>, yearShift: number): string {
  return text
    .replace(NAME_RE, (w) => swap.get(w) ?? w)
    .replace(/\b(19[89]\d|20[0-4]\d)\b/g, (y) => String(Number(y) + yearShift));
}

function permutation(rnd: () => number): Map<string, string> {
  const swap = new Map<string, string>();
  const order = shuffle(rnd, COUNTRIES);
  COUNTRIES.forEach((c, i) => c.forEach((w, k) => swap.set(w, order[i][k])));
  const days = shuffle(rnd, WEEKDAYS);
  WEEKDAYS.forEach((d, i) => swap.set(d, days[i]));
  const months = shuffle(rnd, MONTHS);
  MONTHS.forEach((m, i) => swap.set(m, months[i]));
  return swap;
}

/** `count` documents of about `words` words each. */
export function* generateCorpus(paragraphs: string[], count: number, words = 700, seed = 7): Generator<BenchDoc> {
  const rnd = random(seed);
  for (let n = 0; n < count; n++) {
    const swap = permutation(rnd);
    const yearShift = Math.floor(rnd() * 9) - 4;
    const parts: string[] = [];
    let total = 0;
    while (total < words) {
      const p = vary(pick(rnd, paragraphs), swap, yearShift);
      parts.push(p);
      total += p.split(' ').length;
    }
    const [a, b] = shuffle(rnd, COUNTRIES).slice(0, 2);
    const year = 2015 + Math.floor(rnd() * 11);
    const month = String(1 + Math.floor(rnd() * 12)).padStart(2, '0');
    const day = String(1 + Math.floor(rnd() * 28)).padStart(2, '0');
    yield {
      raw: parts.join('\n\n') + '\n',
      source: `bench:${n}`,
      title: `${a[0]} and ${b[0]} trade moves as tensions persist (${n})`,
      published: `${year}-${month}-${day}`,
    };
  }
}
