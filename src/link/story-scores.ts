// Candidate pairs of a window's events for storylines, scored by the words they share: from
// an index of (key word, country part) lists, each event with its nearest in time
// (Neighbourhoods), summed one event at a time into dense arrays.
import type { EventFeatures } from './features.ts';
import { Neighbourhoods } from './pairs.ts';
import { numbering } from './ids.ts';

/** Pairs a < b that may join one storyline, strongest first (then by a, then b). */
export interface ScoredPairs {
  length: number;
  ea: Int32Array;
  eb: Int32Array;
  s: Float64Array;          // summed weights of the words they share
}

/** A list of events that share a key word (and a country part, unless `part` is undefined), in time order. */
interface Bucket { key: string; part: string | undefined; weight: number; list: number[] }

/**
 * Every pair of events near in time in a (word, part) list scores the word's weight, once per
 * word (in the first part the two share). Events whose actors the text leaves unknown have no
 * part: they pair through the word alone, and keep a pair only on a shared name or two shared
 * words. Sums run in the order of the lists, so that scores are the same whatever the order of
 * the pairs.
 *
 * A pair whose events name more than two country parts between them is left out: a storyline
 * keeps one dyad, so clustering would pass over it whatever it scored (a cluster's parts hold
 * its events'). Most candidate pairs are such (a word and one country shared, the other not).
 */
export function scoreStoryPairs(all: EventFeatures[], df: Map<string, number[]>, weight: (k: string) => number, rank: Int32Array): ScoredPairs {
  const n = all.length;
  const buckets = bucketsOf(all, df, weight);

  const near = new Neighbourhoods(buckets.map((b) => b.list), n, rank);

  let out: ScoredPairs = { length: 0, ea: new Int32Array(1024), eb: new Int32Array(1024), s: new Float64Array(1024) };
  const sum = new Float64Array(n);
  const count = new Uint16Array(n);
  const named = new Uint8Array(n);
  const touched = new Int32Array(n);
  const partCount = Uint8Array.from(all, (f) => Math.min(f.parts.length, 255));
  const { first, second } = partIds(all);
  for (let a = 0; a < n; a++) {
    if (partCount[a] > 2) continue;   // pairs with nothing
    const fa = all[a];
    let t = 0;
    for (let m = near.first(a); m < near.end(a); m++) {
      const { key, part, weight: w, list } = buckets[near.list[m]];
      const aNamed = fa.names.has(key);
      for (let y = near.from(m), hi = near.to(m); y <= hi; y++) {
        const b = list[y];
        if (b <= a) continue;
        if (partCount[b] > 2 || moreThanTwo(first[a], second[a], first[b], second[b])) continue;
        if (part !== undefined) {
          // a pair with two parts (the same two) is in two lists of the word: count it once, in the first
          if (partCount[a] === 2 && partCount[b] === 2 && part !== fa.parts[0]) continue;
        } else if (partCount[a] > 0 && partCount[b] > 0) continue;
        if (count[b] === 0) touched[t++] = b;
        sum[b] += w;
        if (count[b] < 0xffff) count[b]++;
        if (aNamed && all[b].names.has(key)) named[b] = 1;
      }
    }
    const met = touched.subarray(0, t).sort();
    for (const b of met) {
      // an event with no known actors joins a story only on a shared name or on two shared words;
      // others met in a (word, part) list share that part
      const keep = partCount[a] > 0 && partCount[b] > 0 ? true : count[b] >= 2 || named[b] === 1;
      if (keep) {
        if (out.length === out.ea.length) out = grow(out);
        out.ea[out.length] = a;
        out.eb[out.length] = b;
        out.s[out.length++] = sum[b];
      }
      sum[b] = 0;
      count[b] = 0;
      named[b] = 0;
    }
  }
  return strongestFirst(out);
}

/** Each event's first two country parts as numbers (-1 for none), so that pairs compare no strings. */
function partIds(all: EventFeatures[]): { first: Int32Array; second: Int32Array } {
  const id = numbering();
  return { first: Int32Array.from(all, (f) => id(f.parts[0])), second: Int32Array.from(all, (f) => id(f.parts[1])) };
}

/** Whether two events of at most two parts each (-1: none) name more than two between them. */
function moreThanTwo(a1: number, a2: number, b1: number, b2: number): boolean {
  let extra = 0;
  if (b1 >= 0 && b1 !== a1 && b1 !== a2) extra++;
  if (b2 >= 0 && b2 !== a1 && b2 !== a2) extra++;
  const own = (a1 >= 0 ? 1 : 0) + (a2 >= 0 ? 1 : 0);
  return own + extra > 2;
}

/** The (word, part) lists in order of first use, then the lists of words that events with no part have. */
function bucketsOf(all: EventFeatures[], df: Map<string, number[]>, weight: (k: string) => number): Bucket[] {
  const buckets: Bucket[] = [];
  const byKey = new Map<string, Map<string, Bucket>>();
  all.forEach((f, i) => {
    for (const k of f.keys) {
      let parts = byKey.get(k);
      if (!parts) byKey.set(k, (parts = new Map()));
      for (const p of f.parts) {
        let b = parts.get(p);
        if (!b) { b = { key: k, part: p, weight: weight(k), list: [] }; parts.set(p, b); buckets.push(b); }
        b.list.push(i);
      }
    }
  });
  for (const [k, list] of df) {
    if (list.some((i) => all[i].parts.length === 0)) buckets.push({ key: k, part: undefined, weight: weight(k), list: [...list] });
  }
  return buckets;
}

function grow(p: ScoredPairs): ScoredPairs {
  const size = Math.ceil(p.length * 1.5);
  return { length: p.length, ea: widen(p.ea, size), eb: widen(p.eb, size), s: widen(p.s, size) };
}

// which half of a float's bits is the high one on this machine
const HIGH = new Uint32Array(new Float64Array([1]).buffer)[1] !== 0 ? 1 : 0;

/**
 * The pairs by score, strongest first; equal scores keep their order (by a, then b). A stable
 * radix sort on the scores' bits (positive floats order as their bits do), four passes of 16
 * bits: millions of pairs sort in tens of milliseconds, where a comparator sort took a second.
 */
function strongestFirst(p: ScoredPairs): ScoredPairs {
  const n = p.length;
  const words = new Uint32Array(p.s.buffer, 0, n * 2);
  let order = new Int32Array(n);
  for (let e = 0; e < n; e++) order[e] = e;
  let next = new Int32Array(n);
  const count = new Int32Array(65537);
  const digits = new Uint16Array(n);
  for (let pass = 0; pass < 4; pass++) {
    const word = pass < 2 ? 1 - HIGH : HIGH;
    const shift = pass % 2 === 0 ? 0 : 16;
    // descending: sort the complement ascending; digits by pair, read in the current order
    for (let e = 0; e < n; e++) digits[e] = (~words[e * 2 + word] >>> shift) & 0xffff;
    count.fill(0);
    for (let e = 0; e < n; e++) count[digits[e] + 1]++;
    if (count[digits[0] + 1] === n) continue;   // one digit for all: this pass changes nothing
    for (let d = 0; d < 65536; d++) count[d + 1] += count[d];
    for (let i = 0; i < n; i++) { const e = order[i]; next[count[digits[e]]++] = e; }
    const swap = order; order = next; next = swap;
  }
  const out: ScoredPairs = { length: n, ea: new Int32Array(n), eb: new Int32Array(n), s: new Float64Array(n) };
  for (let k = 0; k < n; k++) { const e = order[k]; out.ea[k] = p.ea[e]; out.eb[k] = p.eb[e]; out.s[k] = p.s[e]; }
  return out;
}

/** A copy of a typed array in a longer one. */
function widen<T extends Int32Array | Float64Array>(x: T, size: number): T {
  const y = new (x.constructor as new (n: number) => T)(size);
  y.set(x);
  return y;
}
