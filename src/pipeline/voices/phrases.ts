// Matching word lists against tokens. A list entry of several words is split with the same
// tokenizer as the text, so "it's obvious" lines up with the tokens it, 's, obvious. Each word
// of an entry matches a token's lower-case text or its lemma ("say" matches "said").
import type { Token } from '../../model/types.ts';
import { tokenize } from '../../text/tokenize.ts';
import { foldDiacritics } from '../../text/fold.ts';

export interface PhraseHit { first: number; last: number; phrase: string }

/** A word's normal form, and the matchers with an entry starting with it (as of `seen` matchers). */
interface WordForm { norm: string; first: number[] | undefined; seen: number }
const normalised = new Map<string, WordForm>();
/** Words are few and matched often: remember their normal forms, up to this many. */
const NORM_CACHE = 200_000;

function formOf(text: string): WordForm {
  let w = normalised.get(text);
  if (w === undefined) {
    w = { norm: foldDiacritics(text).replace(/[’‘`´]/g, "'").replace(/[‐‑–]/g, '-'), first: undefined, seen: -1 };
    if (normalised.size >= NORM_CACHE) normalised.clear();
    normalised.set(text, w);
  }
  return w;
}

/** Lower case, one kind of apostrophe and hyphen, no diacritics. */
export function norm(text: string): string {
  return formOf(text).norm;
}

/** The ids of the matchers with an entry starting with the word (remembered with the word). */
function firstIds(w: WordForm): number[] | undefined {
  if (w.seen !== matchers) { w.first = FIRST_WORDS.get(w.norm); w.seen = matchers; }
  return w.first;
}

/** Per token list (a document's tokens are one array, kept while the document is analysed). */
const FORMS = new WeakMap<Token[], Forms>();
interface Forms {
  text: string[];
  lemma: string[];
  /** Which matchers may have an entry starting at each token (see mayStart), made when first asked. */
  may?: { matchers: number; words: number; bits: Uint32Array };
}

// Every matcher's first words in one index, so that a document's tokens are looked up once for all
// matchers instead of once per matcher: frames and claims run a dozen lists over every sentence.
const FIRST_WORDS = new Map<string, number[]>();   // word -> ids of the matchers with an entry starting with it
let matchers = 0;
/** Per token list: for each matcher id, the positions where one of its entries may start, ascending. */
const STARTS = new WeakMap<Token[], { length: number; matchers: number; at: Map<number, number[]> }>();

function markIds(bits: Uint32Array, words: number, i: number, ids: number[] | undefined): void {
  if (ids) for (const id of ids) bits[i * words + (id >>> 5)] |= 1 << (id & 31);
}

export class PhraseMatcher {
  private readonly byFirst = new Map<string, string[][]>();
  private readonly labels = new Map<string[], string>();
  private readonly id = matchers++;

  constructor(phrases: string[]) {
    for (const phrase of phrases) {
      const words = tokenize(phrase).tokens.map((t) => norm(t.text));
      if (words.length === 0) continue;
      const bucket = this.byFirst.get(words[0]) ?? [];
      bucket.push(words);
      bucket.sort((a, b) => b.length - a.length);
      this.byFirst.set(words[0], bucket);
      this.labels.set(words, phrase);
    }
    for (const first of this.byFirst.keys()) {
      const ids = FIRST_WORDS.get(first) ?? [];
      ids.push(this.id);
      FIRST_WORDS.set(first, ids);
    }
  }

  /** Where entries of each matcher may start in a token list, found in one pass for all matchers. */
  private static starts(tokens: Token[], f: Forms): Map<number, number[]> {
    let s = STARTS.get(tokens);
    if (!s || s.length !== tokens.length || s.matchers !== matchers) {
      // read off the bits of mayStart: each matcher's positions, in order
      const at = new Map<number, number[]>();
      const { words, bits } = PhraseMatcher.mayStart(f);
      for (let i = 0; i < f.text.length; i++) {
        for (let w = 0; w < words; w++) {
          for (let x = bits[i * words + w]; x !== 0; x &= x - 1) {
            const id = w * 32 + 31 - Math.clz32(x & -x);
            const list = at.get(id);
            if (!list) at.set(id, [i]); else list.push(i);
          }
        }
      }
      s = { length: tokens.length, matchers, at };
      STARTS.set(tokens, s);
    }
    return s.at;
  }

  /** A proper noun, or a capitalised word inside a sentence ("in May"): not a common word. */
  private static nameLike(tokens: Token[], i: number): boolean {
    const t = tokens[i];
    if (t.pos === 'PROPN') return true;
    return /^\p{Lu}/u.test(t.text) && i > 0 && tokens[i - 1].sentence === t.sentence && !/^[“"‘'(«]$/.test(tokens[i - 1].text);
  }

  /** The normal forms of a token list's texts and lemmas, worked out once per list: every matcher reads them. */
  private static forms(tokens: Token[]): Forms {
    let f = FORMS.get(tokens);
    if (!f || f.text.length !== tokens.length) {
      // normal forms and the bits of mayStart in one pass: one look-up per text and lemma
      const text: string[] = [], lemma: string[] = [];
      const words = (matchers + 31) >>> 5;
      const bits = new Uint32Array(tokens.length * words);
      for (let i = 0; i < tokens.length; i++) {
        const a = formOf(tokens[i].text), b = formOf(tokens[i].lemma);
        text.push(a.norm);
        lemma.push(b.norm);
        markIds(bits, words, i, firstIds(a));
        if (b.norm !== a.norm) markIds(bits, words, i, firstIds(b));
      }
      f = { text, lemma, may: { matchers, words, bits } };
      FORMS.set(tokens, f);
    }
    return f;
  }

  /** For each token of a list, one bit per matcher: whether an entry of that matcher may start there
   *  (its first word is the token's text or lemma), worked out in one pass for all matchers. Callers
   *  try `at` on token after token; most tokens start no entry, and then no word is looked up. */
  private static mayStart(f: Forms): { words: number; bits: Uint32Array } {
    let m = f.may;
    if (!m || m.matchers !== matchers) {
      const words = (matchers + 31) >>> 5;
      const bits = new Uint32Array(f.text.length * words);
      for (let i = 0; i < f.text.length; i++) {
        markIds(bits, words, i, FIRST_WORDS.get(f.text[i]));
        if (f.lemma[i] !== f.text[i]) markIds(bits, words, i, FIRST_WORDS.get(f.lemma[i]));
      }
      m = f.may = { matchers, words, bits };
    }
    return m;
  }

  /** The longest entry that starts at token i, if any. A proper noun never matches a one-word entry ("May", "Hawk"). */
  at(tokens: Token[], i: number, limit = tokens.length): PhraseHit | undefined {
    if (!tokens[i]) return undefined;
    const f = PhraseMatcher.forms(tokens);
    const may = PhraseMatcher.mayStart(f);
    if ((may.bits[i * may.words + (this.id >>> 5)] & (1 << (this.id & 31))) === 0) return undefined;
    return this.atForms(tokens, f, i, limit);
  }

  private atForms(tokens: Token[], f: { text: string[]; lemma: string[] }, i: number, limit: number): PhraseHit | undefined {
    const byText = this.byFirst.get(f.text[i]);
    const byLemma = f.lemma[i] !== f.text[i] ? this.byFirst.get(f.lemma[i]) : undefined;
    if (!byText && !byLemma) return undefined;   // most tokens: no entry starts here
    // buckets are sorted longest first; two buckets are merged in that order
    const candidates = !byLemma ? byText! : !byText ? byLemma : [...byText, ...byLemma].sort((a, b) => b.length - a.length);
    for (const words of candidates) {
      if (i + words.length > limit || (words.length === 1 && PhraseMatcher.nameLike(tokens, i))) continue;
      let ok = true;
      for (let k = 0; k < words.length && ok; k++) ok = f.text[i + k] === words[k] || f.lemma[i + k] === words[k];
      if (ok) return { first: i, last: i + words.length - 1, phrase: this.labels.get(words) ?? words.join(' ') };
    }
    return undefined;
  }

  /** Every non-overlapping longest match in tokens [from, to). */
  all(tokens: Token[], from = 0, to = tokens.length): PhraseHit[] {
    const hits: PhraseHit[] = [];
    const f = PhraseMatcher.forms(tokens);
    const starts = PhraseMatcher.starts(tokens, f).get(this.id);
    if (!starts) return hits;
    const end = Math.min(to, tokens.length);
    // the first start at or after `from`
    let lo = 0, hi = starts.length;
    while (lo < hi) { const mid = (lo + hi) >> 1; if (starts[mid] < from) lo = mid + 1; else hi = mid; }
    let next = from;   // matches do not overlap
    for (let k = lo; k < starts.length && starts[k] < end; k++) {
      const i = starts[k];
      if (i < next) continue;
      const hit = this.atForms(tokens, f, i, to);
      if (hit) { hits.push(hit); next = hit.last + 1; }
    }
    return hits;
  }
}
