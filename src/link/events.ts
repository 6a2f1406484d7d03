// Same event: mentions, in one document or several, of one real event. They share a type
// family, their country parts, a compatible date and a key word (or place, or trigger).
import type { PloverType } from '../model/types.ts';
import type { EventFeatures } from './features.ts';
import { push } from './multimap.ts';
import { BoundedMemo } from '../text/memo.ts';
import { Neighbourhoods, timeRanks } from './pairs.ts';

// Types the gold accepts for one another (a border closure, a treaty withdrawal).
const FAMILY: Partial<Record<PloverType, string>> = {
  SANCTION: 'cut', COERCE: 'cut', REJECT: 'cut', RETREAT: 'cut',
};
const SYMMETRIC = new Set<PloverType>(['CONSULT', 'COOPERATE', 'AGREE']);
const DAY = 86_400_000;

export const family = (t: PloverType) => FAMILY[t] ?? t;
// a corpus has few distinct dates, and pairs compare them often
const dayNumbers = new BoundedMemo<string, number>(100_000);
const dayNumber = (iso: string) => Date.parse(iso.slice(0, 10) + 'T00:00:00Z') / DAY;
/** Days since 1970 of an ISO date. */
const days = (iso: string) => dayNumbers.get(iso, dayNumber);

function sameParty(a?: string, b?: string): boolean {
  return a === undefined || b === undefined || a === b;
}

export function partiesMatch(a: EventFeatures, b: EventFeatures): boolean {
  if (a.parts.length === 0 || b.parts.length === 0) return false;
  if (sameParty(a.source, b.source) && sameParty(a.target, b.target) && (a.source ?? b.source) !== undefined) return true;
  return SYMMETRIC.has(a.type) && sameParty(a.source, b.target) && sameParty(a.target, b.source);
}

function datesMatch(a: EventFeatures, b: EventFeatures): boolean {
  if (a.date && b.date) return days(a.date.start) <= days(b.date.end) + 1 && days(b.date.start) <= days(a.date.end) + 1;
  if (a.doc === b.doc) return true;
  const dated = a.date ? a : b.date ? b : undefined;
  const other = dated === a ? b : a;
  if (dated && other.published) {
    const gap = days(other.published) - days(dated.date!.start);
    return gap >= -1 && gap <= 30;                 // told while it was news
  }
  if (!dated && a.published && b.published) return Math.abs(days(a.published) - days(b.published)) <= 14;
  return false;
}

function shareContent(a: EventFeatures, b: EventFeatures): boolean {
  if (a.trigger === b.trigger) return true;
  for (const k of a.keys) if (b.keys.has(k)) return true;
  return false;
}

export function isSameEvent(a: EventFeatures, b: EventFeatures): boolean {
  return family(a.type) === family(b.type) && a.modality === b.modality &&
    partiesMatch(a, b) && datesMatch(a, b) && shareContent(a, b);
}

/**
 * Which events of a window tell one event: the root of each event's group (union-find over indices). `known` pairs
 * (indices into `all`) are joined first, so the comparisons skip pairs they already join. Events
 * below `fresh` were compared with each other before (their groups come in `known`): only pairs
 * with a newer event are compared. `rank`: the events' order in time (timeRanks), if the caller has it.
 */
export function sameEventRoots(all: EventFeatures[], known: Iterable<[number, number]> = [], fresh = 0, rank = timeRanks(all)): Int32Array {
  const n = all.length;
  const parent = Int32Array.from({ length: n }, (_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) { parent[i] = parent[parent[i]]; i = parent[i]; }
    return i;
  };
  for (const [i, j] of known) { const [ri, rj] = [find(i), find(j)]; if (ri !== rj) parent[rj] = ri; }
  // compare only events of one block (type family, modality, first part) that share a word or
  // trigger: the pairs that can pass isSameEvent. A group is the same whatever the order of the
  // comparisons, so they run one event at a time, each pair once, with no table of pairs.
  const postings = new Map<string, number[]>();
  all.forEach((f, i) => {
    const block = `${family(f.type)}|${f.modality}|${f.parts[0] ?? ''}|`;
    for (const k of f.keys) push(postings, block + k, i);
    push(postings, `${block}trigger:${f.trigger}`, i);
  });
  const near = new Neighbourhoods([...postings.values()], n, rank);
  postings.clear();
  const met = new Int32Array(n).fill(-1);   // met[j] === i: the pair (i, j) is done
  for (let i = 0; i < n; i++) {
    for (let m = near.first(i); m < near.end(i); m++) {
      const list = near.lists[near.list[m]];
      for (let y = near.from(m), hi = near.to(m); y <= hi; y++) {
        const j = list[y];
        // events below `fresh` were compared in the window before
        if (j <= i || met[j] === i || j < fresh) continue;
        met[j] = i;
        const [ri, rj] = [find(i), find(j)];
        if (ri !== rj && isSameEvent(all[i], all[j])) parent[rj] = ri;
      }
    }
  }
  return Int32Array.from({ length: n }, (_, i) => find(i));
}

/** Groups of two or more event mentions that tell one event; `known` pairs (indices into `all`) are joined as they are. */
export function sameEvents(all: EventFeatures[], known: [number, number][] = []): { id: string; events: { doc: string; event: string }[] }[] {
  const parent = sameEventRoots(all, known);
  const groups = new Map<number, number[]>();
  all.forEach((_, i) => push(groups, parent[i], i));
  return [...groups.values()].filter((g) => g.length > 1).map((g) => ({
    id: `same:${all[g[0]].event}`,
    events: g.map((i) => ({ doc: all[i].doc, event: all[i].event })),
  }));
}
