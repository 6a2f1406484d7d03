// Matching word lists against tokens. A list entry of several words is split with the same
// tokenizer as the text, so "it's obvious" lines up with the tokens it, 's, obvious. Each word
// of an entry matches a token's lower-case text or its lemma ("say" matches "said").
import type { Token } from '../../model/types.ts';
import { tokenize } from '../../text/tokenize.ts';
import { foldDiacritics } from '../../text/fold.ts';

export interface PhraseHit { first: number; last: number; phrase: string }

const normalised = new Map<string, string>();
/** Words are few and matched often: remember their normal forms, up to this many. */
const NORM_CACHE = 200_000;

/** Lower case, one kind of apostrophe and hyphen, no diacritics. */
export function norm(text: string): string {
  let out = normalised.get(text);
  if (out === undefined) {
    out = foldDiacritics(text).replace(/[’‘`´]/g, "'").replace(/[‐‑–]/g, '-');
    if (normalised.size >= NORM_CACHE) normalised.clear();
    normalised.set(text, out);
  }
  return out;
}

export class PhraseMatcher {
  private readonly byFirst = new Map<string, string[][]>();
  private readonly labels = new Map<string[], string>();

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
  }

  /** A proper noun, or a capitalised word inside a sentence ("in May"): not a common word. */
  private static nameLike(tokens: Token[], i: number): boolean {
    const t = tokens[i];
    if (t.pos === 'PROPN') return true;
    return /^\p{Lu}/u.test(t.text) && i > 0 && tokens[i - 1].sentence === t.sentence && !/^[“"‘'(«]$/.test(tokens[i - 1].text);
  }

  private static fits(token: Token, word: string): boolean {
    return norm(token.text) === word || norm(token.lemma) === word;
  }

  /** The longest entry that starts at token i, if any. A proper noun never matches a one-word entry ("May", "Hawk"). */
  at(tokens: Token[], i: number, limit = tokens.length): PhraseHit | undefined {
    const t = tokens[i];
    if (!t) return undefined;
    const candidates = [...(this.byFirst.get(norm(t.text)) ?? []), ...(norm(t.lemma) !== norm(t.text) ? this.byFirst.get(norm(t.lemma)) ?? [] : [])];
    candidates.sort((a, b) => b.length - a.length);
    for (const words of candidates) {
      if (i + words.length > limit || (words.length === 1 && PhraseMatcher.nameLike(tokens, i))) continue;
      let ok = true;
      for (let k = 0; k < words.length && ok; k++) ok = PhraseMatcher.fits(tokens[i + k], words[k]);
      if (ok) return { first: i, last: i + words.length - 1, phrase: this.labels.get(words) ?? words.join(' ') };
    }
    return undefined;
  }

  /** Every non-overlapping longest match in tokens [from, to). */
  all(tokens: Token[], from = 0, to = tokens.length): PhraseHit[] {
    const hits: PhraseHit[] = [];
    for (let i = from; i < to; i++) {
      const hit = this.at(tokens, i, to);
      if (hit) { hits.push(hit); i = hit.last; }
    }
    return hits;
  }
}
