// Matching word lists against tokens. A list entry of several words is split with the same
// tokenizer as the text, so "it's obvious" lines up with the tokens it, 's, obvious. Each word
// of an entry matches a token's lower-case text or its lemma ("say" matches "said").
import type { Token } from '../../model/types.ts';
import { tokenize } from '../../text/tokenize.ts';
import { foldDiacritics, isPlainLower } from '../../text/fold.ts';
import { BoundedMemo } from '../../text/memo.ts';

export interface PhraseHit { first: number; last: number; phrase: string }

/** Words are few and matched often: remember their normal forms, up to this many. */
const normalised = new BoundedMemo<string, string>(200_000);
const normalise = (text: string): string => foldDiacritics(text).replace(/[’‘`´]/g, "'").replace(/[‐‑–]/g, '-');

/** Lower case, one kind of apostrophe and hyphen, no diacritics. */
export function norm(text: string): string {
  return isPlainLower(text) ? text : normalised.get(text, normalise);
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
      f = { text: tokens.map((t) => norm(t.text)), lemma: tokens.map((t) => norm(t.lemma)) };
      FORMS.set(tokens, f);
    }
    return f;
  }

  /** For each token of a list, one bit per matcher: whether an entry of that matcher may start there
   *  (its first word is the token's text or lemma), worked out in one pass for all matchers. Callers
   *  try `at` on token after token; most tokens start no entry, and then no word is looked up. */
  private static mayStart(tokens: Token[], f: Forms): { words: number; bits: Uint32Array } {
    let m = f.may;
    if (!m || m.matchers !== matchers) {
      const words = (matchers + 31) >>> 5;
      const bits = new Uint32Array(tokens.length * words);
      for (let i = 0; i < tokens.length; i++) {
        markIds(bits, words, i, FIRST_WORDS.get(f.text[i]));
        if (f.lemma[i] !== f.text[i]) markIds(bits, words, i, FIRST_WORDS.get(f.lemma[i]));
      }
      m = f.may = { matchers, words, bits };
    }
    return m;
  }

  /** Whether an entry of this matcher may start at token i (see mayStart). */
  private mayStartAt(may: { words: number; bits: Uint32Array }, i: number): boolean {
    return (may.bits[i * may.words + (this.id >>> 5)] & (1 << (this.id & 31))) !== 0;
  }

  /** The longest entry that starts at token i, if any. A proper noun never matches a one-word entry ("May", "Hawk"). */
  at(tokens: Token[], i: number, limit = tokens.length): PhraseHit | undefined {
    if (!tokens[i]) return undefined;
    const f = PhraseMatcher.forms(tokens);
    if (!this.mayStartAt(PhraseMatcher.mayStart(tokens, f), i)) return undefined;
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
    const may = PhraseMatcher.mayStart(tokens, f);
    for (let i = from; i < Math.min(to, tokens.length); i++) {
      if (!this.mayStartAt(may, i)) continue;
      const hit = this.atForms(tokens, f, i, to);
      if (hit) { hits.push(hit); i = hit.last; }
    }
    return hits;
  }
}
