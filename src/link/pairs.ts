// Candidate pairs from an inverted index without the n² blow-up of common words: each list is
// sorted by time and every event is paired with its nearest neighbours only. Stories and
// repeated reports are close in time, and clusters still grow along the chain of neighbours.
// Each event's neighbourhoods are walked in turn, so callers sum or dedupe its pairs in dense
// arrays: a window has millions of pairs, and a hash table of them was most of linking's time.
import type { EventFeatures } from './features.ts';

export const WINDOW = 40;

export const timeKey = (f: EventFeatures) => `${f.date?.start ?? f.published ?? '9999'}|${f.doc}`;

/**
 * Each event's place in time order (by timeKey as localeCompare orders it, then by index):
 * sorting a list by rank gives the order sorting it by timeKey would, with no string compared.
 */
export function timeRanks(all: EventFeatures[]): Int32Array {
  const keys = all.map(timeKey);
  const collate = new Intl.Collator().compare;   // the order localeCompare gives, one collator for all comparisons
  const order = all.map((_, i) => i).sort((x, y) => collate(keys[x], keys[y]) || x - y);
  const rank = new Int32Array(all.length);
  order.forEach((i, r) => { rank[i] = r; });
  return rank;
}

/**
 * Candidate pairs over many lists of events, reached one event at a time. In a list, each event
 * is paired with the WINDOW items on either side of it in time order (a short list pairs all its
 * items), so that the pairs of a common word do not grow as its square. For event `a`: its
 * places in the lists (`first(a)` to `end(a)`, in list order), and for each place the positions
 * of its neighbours (`from(m)` to `to(m)`, inclusive) in `lists[list[m]]`. Long lists are put
 * in time order in place. Callers that sum or dedupe per event then need no table of pairs.
 */
export class Neighbourhoods {
  private readonly start: Int32Array;
  readonly list: Int32Array;     // place -> list number
  readonly at: Int32Array;       // place -> position in that list

  constructor(readonly lists: number[][], n: number, rank: Int32Array) {
    for (const l of lists) if (l.length > WINDOW + 1) l.sort((x, y) => rank[x] - rank[y]);
    this.start = new Int32Array(n + 1);
    for (const l of lists) for (const i of l) this.start[i + 1]++;
    for (let i = 0; i < n; i++) this.start[i + 1] += this.start[i];
    this.list = new Int32Array(this.start[n]);
    this.at = new Int32Array(this.start[n]);
    const fill = this.start.slice(0, n);
    lists.forEach((l, id) => l.forEach((i, x) => { this.list[fill[i]] = id; this.at[fill[i]++] = x; }));
  }

  first(a: number): number { return this.start[a]; }
  end(a: number): number { return this.start[a + 1]; }
  /** The first neighbour's position. */
  from(m: number): number { return this.lists[this.list[m]].length > WINDOW + 1 ? Math.max(0, this.at[m] - WINDOW) : 0; }
  to(m: number): number {
    const len = this.lists[this.list[m]].length;
    return len > WINDOW + 1 ? Math.min(len - 1, this.at[m] + WINDOW) : len - 1;
  }
}
