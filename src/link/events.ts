// Same event: mentions, in one document or several, of one real event. They share a type
// family, their country parts, a compatible date and a key word (or place, or trigger).
import type { PloverType } from '../model/types.ts';
import type { EventFeatures } from './features.ts';
import { push } from './multimap.ts';
import { BoundedMemo } from '../text/memo.ts';
import { Neighbourhoods, timeRanks } from './pairs.ts';
import { numbering } from './ids.ts';

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

/** Adds event `i` to the list of `word`, a new list (in `lists`, in order of first use) if it has none. */
function post(words: Map<string, number[]>, lists: number[][], word: string, i: number): void {
  const list = words.get(word);
  if (list) list.push(i);
  else {
    const fresh = [i];
    words.set(word, fresh);
    lists.push(fresh);
  }
}

/** sameParty over party ids (-1: none). */
function sameId(x: number, y: number): boolean {
  return x < 0 || y < 0 || x === y;
}

export function partiesMatch(a: EventFeatures, b: EventFeatures): boolean {
  if (a.parts.length === 0 || b.parts.length === 0) return false;
  if (sameParty(a.source, b.source) && sameParty(a.target, b.target) && (a.source ?? b.source) !== undefined) return true;
  return SYMMETRIC.has(a.type) && sameParty(a.source, b.target) && sameParty(a.target, b.source);
}

function shareContent(a: EventFeatures, b: EventFeatures): boolean {
  if (a.trigger === b.trigger) return true;
  for (const k of a.keys) if (b.keys.has(k)) return true;
  return false;
}

/**
 * Whether two events of a window tell one event: one type family and modality, parties that
 * match (partiesMatch), compatible dates and a shared key word or trigger. Dates are compatible
 * when both are dated and the spans touch (a day apart at most); else when both are in one
 * document; else when one is dated and the other was published from a day before to 30 days
 * after it (told while it was news); else when neither is dated and they were published at most
 * 14 days apart. What is compared is worked out once per event (family and modality, parties
 * and documents as numbers, dates as day numbers): a window's same-event pass makes millions of
 * comparisons, most of them failing on dates, and looking up types and date strings in each was
 * most of its time. test/link/same-event-test.test.ts checks it against these rules on strings.
 */
export class SameEventTest {
  private readonly kind: Int32Array;        // family and modality, as one number
  private readonly source: Int32Array;      // party ids, -1 for none
  private readonly target: Int32Array;
  private readonly parts: Uint8Array;       // how many country parts
  private readonly symmetric: Uint8Array;
  private readonly doc: Int32Array;
  private readonly dated: Uint8Array;
  private readonly start: Float64Array;     // days; NaN for a date that does not parse, as days() gives
  private readonly end: Float64Array;
  private readonly hasPublished: Uint8Array;
  private readonly published: Float64Array;

  constructor(private readonly all: EventFeatures[]) {
    const id = numbering();
    const n = all.length;
    this.kind = new Int32Array(n);
    this.source = new Int32Array(n);
    this.target = new Int32Array(n);
    this.parts = new Uint8Array(n);
    this.symmetric = new Uint8Array(n);
    this.doc = new Int32Array(n);
    this.dated = new Uint8Array(n);
    this.start = new Float64Array(n);
    this.end = new Float64Array(n);
    this.hasPublished = new Uint8Array(n);
    this.published = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      const f = all[i];
      this.kind[i] = id(`${family(f.type)}|${f.modality}`);
      this.source[i] = id(f.source);
      this.target[i] = id(f.target);
      this.parts[i] = Math.min(f.parts.length, 255);
      this.symmetric[i] = SYMMETRIC.has(f.type) ? 1 : 0;
      this.doc[i] = id(f.doc);
      if (f.date) {
        this.dated[i] = 1;
        this.start[i] = days(f.date.start);
        this.end[i] = days(f.date.end);
      }
      if (f.published) {
        this.hasPublished[i] = 1;
        this.published[i] = days(f.published);
      }
    }
  }

  /** Whether all[a] and all[b] tell one event. */
  test(a: number, b: number): boolean {
    return this.kind[a] === this.kind[b] && this.partiesMatch(a, b) && this.datesMatch(a, b) && shareContent(this.all[a], this.all[b]);
  }

  // no closures or array destructuring here: this runs millions of times a window
  private partiesMatch(a: number, b: number): boolean {
    if (this.parts[a] === 0 || this.parts[b] === 0) return false;
    const sa = this.source[a];
    const ta = this.target[a];
    const sb = this.source[b];
    const tb = this.target[b];
    if (sameId(sa, sb) && sameId(ta, tb) && (sa >= 0 || sb >= 0)) return true;
    return this.symmetric[a] === 1 && sameId(sa, tb) && sameId(ta, sb);
  }

  private datesMatch(a: number, b: number): boolean {
    const da = this.dated[a] === 1;
    const db = this.dated[b] === 1;
    if (da && db) return this.start[a] <= this.end[b] + 1 && this.start[b] <= this.end[a] + 1;
    if (this.doc[a] === this.doc[b]) return true;
    if (da || db) {
      const dated = da ? a : b;
      const other = da ? b : a;
      if (this.hasPublished[other] === 0) return false;
      const gap = this.published[other] - this.start[dated];
      return gap >= -1 && gap <= 30;                 // told while it was news
    }
    return this.hasPublished[a] === 1 && this.hasPublished[b] === 1 && Math.abs(this.published[a] - this.published[b]) <= 14;
  }
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
  // trigger: the pairs that can pass SameEventTest. A group is the same whatever the order of the
  // comparisons, so they run one event at a time, each pair once, with no table of pairs.
  // postings by block, then by word (a string per block, not one per word of every event)
  const lists: number[][] = [];
  const blocks = new Map<string, Map<string, number[]>>();
  for (let i = 0; i < n; i++) {
    const f = all[i];
    const block = `${family(f.type)}|${f.modality}|${f.parts[0] ?? ''}`;
    let words = blocks.get(block);
    if (!words) blocks.set(block, (words = new Map()));
    for (const k of f.keys) post(words, lists, k, i);
    post(words, lists, `trigger:${f.trigger}`, i);
  }
  blocks.clear();
  const near = new Neighbourhoods(lists, n, rank);
  const same = new SameEventTest(all);
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
        if (ri !== rj && same.test(i, j)) parent[rj] = ri;
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
