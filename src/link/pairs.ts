// Candidate pairs from an inverted index without the n² blow-up of common words: each list is
// sorted by time and every event is paired with its nearest neighbours only. Stories and
// repeated reports are close in time, and clusters still grow along the chain of neighbours.
import type { EventFeatures } from './features.ts';

export const WINDOW = 40;

export const timeKey = (f: EventFeatures) => `${f.date?.start ?? f.published ?? '9999'}|${f.doc}`;

/** Visits each pair of the list at most once: i with the next WINDOW items in time order. */
export function windowPairs(list: number[], all: EventFeatures[], visit: (a: number, b: number) => void): void {
  if (list.length < 2) return;
  const sorted = list.length > WINDOW + 1 ? [...list].sort((x, y) => timeKey(all[x]).localeCompare(timeKey(all[y])) || x - y) : list;
  for (let x = 0; x < sorted.length; x++) {
    for (let y = x + 1; y < sorted.length && y - x <= WINDOW; y++) {
      const [a, b] = sorted[x] < sorted[y] ? [sorted[x], sorted[y]] : [sorted[y], sorted[x]];
      visit(a, b);
    }
  }
}
