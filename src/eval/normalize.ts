// Text comparison as the gold format defines it: case, diacritics, straight vs curly quote marks
// and runs of white space do not matter. Also finds a gold string in a body and maps the hit back
// to body offsets, so that errors can quote the sentence where the item is.
import countries from 'i18n-iso-countries';
import { foldDiacritics } from '../text/fold.ts';

const SINGLE_QUOTES = /[\u2018\u2019\u201A\u201B\u2032\u0060\u00B4]/g;
const DOUBLE_QUOTES = /[\u201C\u201D\u201E\u201F\u2033\u00AB\u00BB]/g;

/** One character (code point) in its comparable form; may be empty or longer than one. */
function normChar(ch: string): string {
  return foldDiacritics(ch)
    .replace(SINGLE_QUOTES, "'").replace(DOUBLE_QUOTES, '"');
}

/** The comparable form of a string: see the header. */
export function norm(s: string): string {
  return foldDiacritics(s)
    .replace(SINGLE_QUOTES, "'").replace(DOUBLE_QUOTES, '"')
    .replace(/\s+/g, ' ').trim();
}

/** The comparable form of a name, with a leading "the" ignored. */
export function normName(s: string): string {
  return norm(s).replace(/^the /, '');
}

/** A text in comparable form that remembers where each of its characters came from. */
export class SearchableText {
  readonly text: string;
  private readonly origin: number[];   // origin[i] = offset in the source of text[i]
  private readonly sourceLength: number;

  constructor(source: string) {
    let out = '';
    const origin: number[] = [];
    let offset = 0;
    let lastSpace = true;   // drops leading white space, as norm() trims it
    for (const ch of source) {
      if (/\s/.test(ch)) {
        if (!lastSpace) { out += ' '; origin.push(offset); lastSpace = true; }
      } else {
        for (const c of normChar(ch)) { out += c; origin.push(offset); }
        lastSpace = false;
      }
      offset += ch.length;
    }
    this.text = out;
    this.origin = origin;
    this.sourceLength = source.length;
  }

  /** Source spans of every occurrence of `needle` (compared in normal form). */
  findAll(needle: string): { start: number; end: number }[] {
    const n = norm(needle);
    if (!n) return [];
    const hits: { start: number; end: number }[] = [];
    for (let i = this.text.indexOf(n); i >= 0; i = this.text.indexOf(n, i + 1)) {
      const last = i + n.length;
      const end = last < this.origin.length ? this.origin[last] : this.sourceLength;
      hits.push({ start: this.origin[i], end: Math.max(end, this.origin[i] + 1) });
    }
    return hits;
  }

  includes(needle: string): boolean {
    const n = norm(needle);
    return n.length > 0 && this.text.includes(n);
  }
}

const ALPHA3 = new Set(Object.keys(countries.getAlpha3Codes()));

/** The country part of a CAMEO-shaped code: its first three letters when they are an ISO alpha-3 code, else the whole code. */
export function countryPart(code: string | undefined | null): string {
  if (!code) return '';
  const c = code.trim().toUpperCase();
  const head = c.slice(0, 3);
  return ALPHA3.has(head) ? head : c;
}
