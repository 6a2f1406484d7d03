// Near-duplicate documents: syndicated copies and light rewrites of one story (the same wire text
// in several outlets, a headline or a paragraph changed). MinHash over word 3-shingles estimates
// how much of the wording two bodies share (Jaccard similarity); LSH bands put documents whose
// signatures agree on a whole band in one bucket, so only those few candidates are compared and
// the corpus is never compared pair by pair. No npm package fits: the maintained ones are heavy
// kits (bloom-filters) and the small ones are untyped and unmaintained.
import { foldDiacritics } from '../text/fold.ts';
import type { NearDuplicate } from '../model/types.ts';
import type { EventFeatures } from './features.ts';
import { family, partiesMatch } from './events.ts';
import { push } from './multimap.ts';

export type { NearDuplicate } from '../model/types.ts';

export const SHINGLE_WORDS = 3;
export const HASHES = 128;
const ROWS = 3;
const BANDS = Math.floor(HASHES / ROWS);   // 42 bands of 3 rows: a pair at 0.5 shares a band 99.6% of the time, one at 0.1 4%
export const THRESHOLD = 0.5;       // estimated Jaccard similarity of the shingle sets
const MIN_SHINGLES = 30;            // about 30 words: shorter bodies (one sentence) share wording without being copies
const MAX_CANDIDATES = 200;         // per document: bounds the work when a bucket holds a huge cluster
const MAX_PAIRS = 10;               // earlier documents recorded per document, the most similar first

/** murmur3's finaliser: a bijection on 32-bit integers that mixes every bit. */
function mix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** Whether a code point is a letter or a digit (\p{L} or \p{N}); the answers for non-ASCII ones are remembered. */
const WORD_CHAR = /^[\p{L}\p{N}]$/u;
const wordChars = new Map<number, boolean>();
function isWordChar(cp: number): boolean {
  if (cp < 128) return (cp >= 97 && cp <= 122) || (cp >= 48 && cp <= 57) || (cp >= 65 && cp <= 90);
  let yes = wordChars.get(cp);
  if (yes === undefined) wordChars.set(cp, yes = WORD_CHAR.test(String.fromCodePoint(cp)));
  return yes;
}

/**
 * The distinct word 3-shingles of a text, hashed: case, diacritics and punctuation ignored.
 * Words are the runs of letters and digits, each hashed with FNV-1a over its UTF-16 code units
 * as the text is read: no word strings are made (this runs on every stored body).
 */
export function shingleHashes(text: string): Set<number> {
  const folded = foldDiacritics(text);
  const words: number[] = [];
  let h = 0x811c9dc5;
  let inWord = false;
  for (let i = 0; i < folded.length; i++) {
    const c = folded.charCodeAt(i);
    // a surrogate pair is one code point of two code units
    const pair = c >= 0xd800 && c <= 0xdbff && i + 1 < folded.length;
    const cp = pair ? folded.codePointAt(i)! : c;
    if (isWordChar(cp)) {
      h = Math.imul(h ^ c, 0x01000193);
      if (pair && cp > 0xffff) h = Math.imul(h ^ folded.charCodeAt(++i), 0x01000193);
      inWord = true;
    } else {
      if (pair && cp > 0xffff) i++;
      if (inWord) { words.push(h >>> 0); h = 0x811c9dc5; inWord = false; }
    }
  }
  if (inWord) words.push(h >>> 0);
  const out = new Set<number>();
  for (let i = 0; i + SHINGLE_WORDS <= words.length; i++) {
    let s = 0;
    for (let k = 0; k < SHINGLE_WORDS; k++) s = mix(s ^ words[i + k]);   // order matters: "a b c" is not "c b a"
    out.add(s);
  }
  return out;
}

// one random odd multiplier and one addend per hash function: x -> a x + b (mod 2^32) is a
// bijection, a cheap stand-in for a random permutation of the (already well mixed) shingle hashes
const MULTIPLIERS = Int32Array.from({ length: HASHES }, (_, i) => mix(0x9e3779b9 * (i + 1)) | 1);
const ADDENDS = Int32Array.from({ length: HASHES }, (_, i) => mix(0x7f4a7c15 * (i + 1)));

/**
 * The MinHash signature of a set of shingles: per hash function, the least value over the set.
 * Values are compared as signed 32-bit integers, which keeps the loop in small-integer arithmetic.
 */
export function signature(shingles: Set<number>): Int32Array {
  const xs = Int32Array.from(shingles);
  const sig = new Int32Array(HASHES);
  for (let i = 0; i < HASHES; i++) {
    const a = MULTIPLIERS[i];
    const b = ADDENDS[i];
    let least = 0x7fffffff;
    for (let k = 0; k < xs.length; k++) {
      const v = (Math.imul(xs[k], a) + b) | 0;
      if (v < least) least = v;
    }
    sig[i] = least;
  }
  return sig;
}

/** The share of hash functions on which two signatures agree: an estimate of the Jaccard similarity. */
export function similarity(a: Int32Array, b: Int32Array): number {
  let same = 0;
  for (let i = 0; i < HASHES; i++) if (a[i] === b[i]) same++;
  return same / HASHES;
}

/** One bucket key per band: the band's number and a hash of its rows. */
function bandKeys(sig: Int32Array): number[] {
  const keys: number[] = [];
  for (let b = 0; b < BANDS; b++) {
    let h = b;
    for (let r = 0; r < ROWS; r++) h = mix(h ^ sig[b * ROWS + r]);
    keys.push(h);
  }
  return keys;
}

/** The MinHash signature of a body's wording, if it is long enough to be compared with others. */
export function bodySignature(body: string): Int32Array | undefined {
  const shingles = shingleHashes(body);
  return shingles.size < MIN_SHINGLES ? undefined : signature(shingles);
}

/** The documents of one generation: their ids and signatures, and the LSH buckets that hold them. */
interface Generation {
  base: number;                                   // the number of its first document
  ids: string[];
  signatures: Int32Array[];
  buckets: Map<number, number | number[]>;        // most buckets hold one document: kept as a bare number
}

const generation = (base: number): Generation => ({ base, ids: [], signatures: [], buckets: new Map() });

/** Puts document number `me` in a generation's bucket `key` (a bare number while it is alone there). */
function fileInBucket(g: Generation, key: number, me: number): void {
  const members = g.buckets.get(key);
  if (members === undefined) g.buckets.set(key, me);
  else if (typeof members === 'number') g.buckets.set(key, [members, me]);
  else members.push(me);
}

/** Documents kept per generation unless told otherwise: about 2 KB each (signature, buckets, id). */
export const GENERATION = 5000;

/**
 * Documents added one at a time, in stored order; each is compared only with the earlier ones
 * that share an LSH bucket. A later copy is the near-duplicate `of` the earlier ones it matches.
 * Memory is bounded by generations: the index keeps the current generation and the one before,
 * `generation` documents each (or what `rotate` cut), so a copy is found when its original is
 * among the last `generation` to 2 × `generation` documents. Syndicated copies and rewrites
 * appear within days of their original, which stored order keeps close.
 */
export class NearDuplicateIndex {
  private previous = generation(0);
  private current = generation(0);
  private count = 0;
  private found: NearDuplicate[] = [];
  private readonly generation: number;
  /** How many signature comparisons were made (for tests and benchmarks: far fewer than all pairs). */
  comparisons = 0;

  constructor(options: { generation?: number } = {}) {
    this.generation = options.generation ?? GENERATION;
  }

  /** Starts a new generation now: the one before is forgotten. */
  rotate(): void {
    this.previous = this.current;
    this.current = generation(this.count);
  }

  add(doc: string, body: string): void {
    this.addSignature(doc, bodySignature(body));
  }

  /** Adds a document by its body's signature (bodySignature); a document without one is never a copy. */
  addSignature(doc: string, sig: Int32Array | undefined): void {
    if (!sig) return;
    if (this.current.ids.length >= this.generation) this.rotate();
    const me = this.count;
    const candidates = new Set<number>();
    const keys = bandKeys(sig);
    // the current generation first: the copies of one story are usually stored close together
    for (const gen of [this.current, this.previous]) {
      const mine = gen === this.current;
      for (const key of keys) {
        const members = gen.buckets.get(key);
        if (typeof members === 'number') candidates.add(members);
        // the most recent members first
        else if (members) for (let k = members.length - 1; k >= 0 && candidates.size < MAX_CANDIDATES; k--) candidates.add(members[k]);
        if (mine) fileInBucket(gen, key, me);
      }
    }
    this.current.ids.push(doc);
    this.current.signatures.push(sig);
    this.count++;
    const matches: NearDuplicate[] = [];
    for (const c of candidates) {
      const gen = c >= this.current.base ? this.current : this.previous;
      const [id, other] = [gen.ids[c - gen.base], gen.signatures[c - gen.base]];
      this.comparisons++;
      const s = similarity(sig, other);
      if (s >= THRESHOLD && id !== doc) matches.push({ doc, of: id, similarity: Math.round(s * 100) / 100 });
    }
    matches.sort((x, y) => y.similarity - x.similarity || x.of.localeCompare(y.of));
    this.found.push(...matches.slice(0, MAX_PAIRS));
  }

  /** Every pair found, later document first, in the order the documents were added. */
  pairs(): NearDuplicate[] {
    return this.found;
  }

  /** What the index holds, to be saved and given to `restore` (the pairs found are not part of it). */
  state(): NearDuplicateState {
    const gen = (g: Generation) => ({ base: g.base, ids: [...g.ids], signatures: g.signatures.map(encodeSignature) });
    return { count: this.count, previous: gen(this.previous), current: gen(this.current) };
  }

  /**
   * An index holding what `state` saved: its two generations are filled again in their order, so
   * their buckets are those the documents were added to, and no pair is looked for again.
   */
  static restore(s: NearDuplicateState, options: { generation?: number } = {}): NearDuplicateIndex {
    const index = new NearDuplicateIndex(options);
    const fill = (saved: NearDuplicateState['current']): Generation => {
      const g = generation(saved.base);
      saved.ids.forEach((id, i) => {
        const sig = decodeSignature(saved.signatures[i]);
        for (const key of bandKeys(sig)) fileInBucket(g, key, g.base + i);
        g.ids.push(id);
        g.signatures.push(sig);
      });
      return g;
    };
    index.previous = fill(s.previous);
    index.current = fill(s.current);
    index.count = s.count;
    return index;
  }
}

/** A saved NearDuplicateIndex: its document count and two generations, signatures in base64. */
export interface NearDuplicateState {
  count: number;
  previous: { base: number; ids: string[]; signatures: string[] };
  current: { base: number; ids: string[]; signatures: string[] };
}

export function encodeSignature(sig: Int32Array): string {
  return Buffer.from(sig.buffer, sig.byteOffset, sig.byteLength).toString('base64');
}

export function decodeSignature(text: string): Int32Array {
  const bytes = Buffer.from(text, 'base64');
  const sig = new Int32Array(bytes.byteLength / 4);
  new Uint8Array(sig.buffer).set(bytes);
  return sig;
}

/** The near-duplicate pairs among documents given as (id, body), in stored order. */
export function nearDuplicates(docs: Iterable<{ id: string; body: string }>): NearDuplicate[] {
  const index = new NearDuplicateIndex();
  for (const d of docs) index.add(d.id, d.body);
  return index.pairs();
}

/** Whether two events of copies of one story can be one telling: same kind, modality and parties. */
function couldBeOne(a: EventFeatures, b: EventFeatures): boolean {
  if (family(a.type) !== family(b.type) || a.modality !== b.modality) return false;
  if (a.parts.length === 0 && b.parts.length === 0) return a.trigger === b.trigger;
  return partiesMatch(a, b);
}

/**
 * The events of each near-duplicate document matched one to one with those of the document it
 * copies (indices into `all`): a copy tells the same events as its original, perhaps in other
 * words, without the dates or key words the general same-event test asks for. Of several
 * candidates, the one sharing most words and standing nearest in the text wins.
 */
export function copiedEvents(pairs: NearDuplicate[], all: EventFeatures[]): [number, number][] {
  const byDoc = new Map<string, number[]>();
  all.forEach((f, i) => push(byDoc, f.doc, i));
  const out: [number, number][] = [];
  for (const p of pairs) {
    const original = byDoc.get(p.of) ?? [];
    const copy = byDoc.get(p.doc) ?? [];
    const used = new Set<number>();
    copy.forEach((j, posJ) => {
      let best = -1;
      let bestScore = -Infinity;
      original.forEach((i, posI) => {
        if (used.has(i) || !couldBeOne(all[i], all[j])) return;
        let shared = all[i].trigger === all[j].trigger ? 2 : 0;
        for (const k of all[i].keys) if (all[j].keys.has(k)) shared++;
        const score = shared - Math.abs(posI / original.length - posJ / copy.length);
        if (score > bestScore) { best = i; bestScore = score; }
      });
      if (best >= 0) { used.add(best); out.push([best, j]); }
    });
  }
  return out;
}
