// Candidate pairs from an inverted index without the n² blow-up of common words: each list is
// sorted by time and every event is paired with its nearest neighbours only. Stories and
// repeated reports are close in time, and clusters still grow along the chain of neighbours.
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
 * Visits each pair of the list at most once: i with the next WINDOW items in time order (`rank`
 * from timeRanks). Pairs of two items below `fresh` are skipped: a window's carried events were
 * paired with each other in the window before.
 */
export function windowPairs(list: number[], rank: Int32Array, visit: (a: number, b: number) => void, fresh = 0): void {
  if (list.length < 2) return;
  const sorted = list.length > WINDOW + 1 ? [...list].sort((x, y) => rank[x] - rank[y]) : list;
  for (let x = 0; x < sorted.length; x++) {
    const i = sorted[x];
    for (let y = x + 1; y < sorted.length && y - x <= WINDOW; y++) {
      const j = sorted[y];
      if (i < fresh && j < fresh) continue;
      if (i < j) visit(i, j);
      else visit(j, i);
    }
  }
}
