// Candidate pairs of a window's events for storylines, scored by the words they share. Pairs
// come from an index of (key word, country part) lists walked as windowPairs walks them (each
// event with its WINDOW nearest in time), but are summed one event at a time into dense arrays
// rather than a hash table of pairs: a window has millions of pairs, and the table's random
// probes were most of the linker's time.
import type { EventFeatures } from './features.ts';
import { WINDOW } from './pairs.ts';
import { widen } from './pair-table.ts';

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
 */
export function scoreStoryPairs(all: EventFeatures[], df: Map<string, number[]>, weight: (k: string) => number, rank: Int32Array): ScoredPairs {
  const n = all.length;
  const buckets = bucketsOf(all, df, weight, rank);

  // each event's places in the lists, in list order: (list, position) as two arrays from start[i]
  const start = new Int32Array(n + 1);
  for (const b of buckets) for (const i of b.list) start[i + 1]++;
  for (let i = 0; i < n; i++) start[i + 1] += start[i];
  const inList = new Int32Array(start[n]);
  const atPos = new Int32Array(start[n]);
  const fill = start.slice(0, n);
  buckets.forEach((b, id) => b.list.forEach((i, x) => { inList[fill[i]] = id; atPos[fill[i]++] = x; }));

  let out: ScoredPairs = { length: 0, ea: new Int32Array(1024), eb: new Int32Array(1024), s: new Float64Array(1024) };
  const sum = new Float64Array(n);
  const count = new Uint16Array(n);
  const named = new Uint8Array(n);
  const touched: number[] = [];
  for (let a = 0; a < n; a++) {
    const fa = all[a];
    for (let m = start[a]; m < start[a + 1]; m++) {
      const { key, part, weight: w, list } = buckets[inList[m]];
      const x = atPos[m];
      const hi = list.length > WINDOW + 1 ? Math.min(list.length - 1, x + WINDOW) : list.length - 1;
      for (let y = list.length > WINDOW + 1 ? Math.max(0, x - WINDOW) : 0; y <= hi; y++) {
        const b = list[y];
        if (b <= a) continue;
        const fb = all[b];
        if (part !== undefined) {
          // a pair that shares two parts is in two lists of the word: count it once, in the first part
          const first = fa.parts.length === 1 || fb.parts.length === 1 ? part : fa.parts.find((p) => fb.parts.includes(p));
          if (first !== part) continue;
        } else if (fa.parts.length > 0 && fb.parts.length > 0) continue;
        if (count[b] === 0) touched.push(b);
        sum[b] += w;
        if (count[b] < 0xffff) count[b]++;
        if (fa.names.has(key) && fb.names.has(key)) named[b] = 1;
      }
    }
    touched.sort((x, y) => x - y);
    for (const b of touched) {
      // an event with no known actors joins a story only on a shared name or on two shared words;
      // others met in a (word, part) list share that part
      const keep = fa.parts.length > 0 && all[b].parts.length > 0 ? true : count[b] >= 2 || named[b] === 1;
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
    touched.length = 0;
  }
  return strongestFirst(out);
}

/** The (word, part) lists in order of first use, then the lists of words that events with no part have. */
function bucketsOf(all: EventFeatures[], df: Map<string, number[]>, weight: (k: string) => number, rank: Int32Array): Bucket[] {
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
  // a long list is walked in time order, each event with its WINDOW nearest; a short one pairs all
  for (const b of buckets) if (b.list.length > WINDOW + 1) b.list.sort((x, y) => rank[x] - rank[y]);
  return buckets;
}

function grow(p: ScoredPairs): ScoredPairs {
  const size = Math.ceil(p.length * 1.5);
  return { length: p.length, ea: widen(p.ea, size), eb: widen(p.eb, size), s: widen(p.s, size) };
}

/**
 * The pairs by score, strongest first; equal scores keep their order (by a, then b). Scores
 * take few distinct values (sums of a few word weights), so pairs are grouped by score and the
 * scores sorted, instead of sorting millions of pairs with a comparator.
 */
function strongestFirst(p: ScoredPairs): ScoredPairs {
  const groups = new Map<number, number[]>();
  for (let e = 0; e < p.length; e++) {
    const list = groups.get(p.s[e]);
    if (list) list.push(e);
    else groups.set(p.s[e], [e]);
  }
  const scores = Float64Array.from(groups.keys()).sort().reverse();
  const out: ScoredPairs = { length: p.length, ea: new Int32Array(p.length), eb: new Int32Array(p.length), s: new Float64Array(p.length) };
  let k = 0;
  for (const s of scores) {
    for (const e of groups.get(s)!) { out.ea[k] = p.ea[e]; out.eb[k] = p.eb[e]; out.s[k++] = s; }
  }
  return out;
}
