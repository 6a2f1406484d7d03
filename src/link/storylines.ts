// Storylines: events across documents about one subject: the same dyad (unordered pair of
// country parts) and shared key words of their clauses, whatever their modality. Clusters grow
// by merging on the strongest shared words first, and only while they keep one dyad and one
// theme, so that unrelated events do not chain into one giant storyline.
import type { Storyline } from '../model/types.ts';
import type { EventFeatures } from './features.ts';
import { push } from './multimap.ts';
import { timeRanks, windowPairs } from './pairs.ts';
import { PairTable, widen } from './pair-table.ts';

/**
 * A cluster of events: its members in the window, and what it holds over all its events, some of
 * which may have left the window (a story spanning several windows of a corpus read in order).
 */
export interface Cluster {
  members: number[];            // indices into the window's events, ascending once returned
  parts: Set<string>;
  keys: Map<string, number>;    // key word -> how many of its events have it
  themes?: string[];            // the words a strict majority of its events share, while it does not change
  size: number;                 // events in all, in the window or not
}

/** Scores of candidate pairs: summed weights of shared words, their number, and whether one is a name shared. */
class PairScores extends PairTable {
  s = new Float64Array(1024);
  shared = new Uint16Array(1024);     // words shared: only compared with 2
  name = new Uint8Array(1024);

  add(a: number, b: number, weight: number, name: boolean): void {
    const e = this.insert(a, b);
    this.s[e] += weight;
    if (this.shared[e] < 0xffff) this.shared[e]++;
    if (name) this.name[e] = 1;
  }

  protected override growEntries(size: number): void {
    super.growEntries(size);
    this.s = widen(this.s, size);
    this.shared = widen(this.shared, size);
    this.name = widen(this.name, size);
  }
}

/**
 * Clusters the events of one window into storylines. `seeds` (groups of indices, such as
 * same-event groups) start in one cluster; `carried` clusters come in whole with what they hold
 * over events that have left the window (they are taken over, not copied). Returns the clusters
 * of two or more events, and the number of the window's events that have each key word.
 */
export function storyClusters(all: EventFeatures[], seeds: number[][] = [], carried: Cluster[] = []): { clusters: Cluster[]; df: (k: string) => number } {
  const n = all.length;
  const df = new Map<string, number[]>();
  all.forEach((f, i) => { for (const k of f.keys) push(df, k, i); });
  const idf = (k: string) => Math.log(1 + n / df.get(k)!.length);
  const rank = timeRanks(all);

  // pairwise scores over shared key words, through an index of (word, country part): events
  // of a story share a part, except those whose actors the text leaves unknown
  const score = new PairScores();
  const add = (k: string, a: number, b: number, weight: number) => score.add(a, b, weight, all[a].names.has(k) && all[b].names.has(k));
  const buckets = new Map<string, number[]>();
  all.forEach((f, i) => {
    for (const k of f.keys) for (const p of f.parts) { const b = `${k}|${p}`; push(buckets, b, i); }
  });
  for (const [bucket, list] of buckets) {
    const [k, p] = [bucket.slice(0, bucket.lastIndexOf('|')), bucket.slice(bucket.lastIndexOf('|') + 1)];
    const weight = idf(k);
    windowPairs(list, rank, (a, b) => {
      // a pair that shares two parts is in two buckets: count the word once, in the first part
      const pa = all[a].parts;
      const pb = all[b].parts;
      const first = pa.length === 1 || pb.length === 1 ? p : pa.find((x) => pb.includes(x));   // parts are sorted
      if (first === p) add(k, a, b, weight);
    });
  }
  buckets.clear();
  for (const [k, list] of df) {
    if (!list.some((i) => all[i].parts.length === 0)) continue;
    const weight = idf(k);
    windowPairs(list, rank, (a, b) => { if (all[a].parts.length === 0 || all[b].parts.length === 0) add(k, a, b, weight); });
  }
  score.seal();
  const edges: number[] = [];
  for (let e = 0; e < score.length; e++) {
    const [fa, fb] = [all[score.ea[e]], all[score.eb[e]]];
    // an event with no known actors joins a story only on a shared name or on two shared words
    const keep = fa.parts.length === 0 || fb.parts.length === 0
      ? score.shared[e] >= 2 || score.name[e] === 1
      : fa.parts.some((p) => fb.parts.includes(p));
    if (keep) edges.push(e);
  }
  edges.sort((x, y) => score.s[y] - score.s[x] || score.ea[x] - score.ea[y] || score.eb[x] - score.eb[y]);

  // clusters of two or more events, by root; an event alone has none (40,000 maps per window saved)
  const clusters = new Map<number, Cluster>();
  const parent = Int32Array.from({ length: n }, (_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) { parent[i] = parent[parent[i]]; i = parent[i]; }
    return i;
  };
  const alone = (i: number): Cluster => ({ members: [i], parts: new Set(all[i].parts), keys: new Map([...all[i].keys].map((k) => [k, 1])), size: 1 });
  for (const c of carried) {
    c.themes = undefined;
    const root = c.members[0];
    for (const m of c.members) parent[m] = root;
    clusters.set(root, c);
  }

  const merge = (ra: number, rb: number) => {
    let ca = clusters.get(ra);
    if (!ca) clusters.set(ra, (ca = alone(ra)));
    const cb = clusters.get(rb) ?? alone(rb);
    for (const p of cb.parts) ca.parts.add(p);
    for (const [k, c] of cb.keys) ca.keys.set(k, (ca.keys.get(k) ?? 0) + c);
    for (const m of cb.members) ca.members.push(m);
    ca.size += cb.size;
    ca.themes = undefined;
    clusters.delete(rb);
    parent[rb] = ra;
  };
  // events that tell one real event belong to one storyline from the start
  for (const group of seeds) for (const i of group.slice(1)) { const [ra, rb] = [find(group[0]), find(i)]; if (ra !== rb) merge(ra, rb); }

  // a theme is a word a strict majority of the cluster's events share (every word of an event alone)
  const theme = (r: number, k: string) => {
    const c = clusters.get(r);
    return c ? (c.keys.get(k) ?? 0) * 2 > c.size : all[r].keys.has(k);
  };
  // a cluster's themes are kept until it changes: a large storyline has hundreds of words and
  // few themes, and is tested against every edge that touches it
  const themesOf = (r: number): string[] | Set<string> => {
    const c = clusters.get(r);
    if (!c) return all[r].keys;
    return (c.themes ??= [...c.keys].filter(([, n]) => n * 2 > c.size).map(([k]) => k));
  };
  const themeCount = (r: number) => { const t = themesOf(r); return Array.isArray(t) ? t.length : t.size; };
  const sharesTheme = (ra: number, rb: number) => {
    const [small, big] = themeCount(ra) <= themeCount(rb) ? [ra, rb] : [rb, ra];
    for (const k of themesOf(small)) if (theme(big, k)) return true;
    return false;
  };
  const partsOf = (r: number): Set<string> | string[] => clusters.get(r)?.parts ?? all[r].parts;
  /** Whether two clusters together name more than two country parts, without building their union. */
  const moreThanTwoParts = (ra: number, rb: number) => {
    const union: string[] = [];
    for (const list of [partsOf(ra), partsOf(rb)]) {
      for (const p of list) {
        if (union.includes(p)) continue;
        if (union.length === 2) return true;
        union.push(p);
      }
    }
    return false;
  };
  for (const e of edges) {
    const [ra, rb] = [find(score.ea[e]), find(score.eb[e])];
    if (ra === rb) continue;
    if (moreThanTwoParts(ra, rb)) continue;
    if (!sharesTheme(ra, rb)) continue;
    merge(ra, rb);
  }
  const out = [...clusters.values()];
  for (const c of out) c.members.sort((x, y) => x - y);
  return { clusters: out, df: (k) => df.get(k)?.length ?? 0 };
}

export function buildStorylines(all: EventFeatures[], names: Map<string, string>, seeds: number[][] = []): Storyline[] {
  const { clusters, df } = storyClusters(all, seeds);
  const out: Storyline[] = [];
  for (const c of clusters) {
    const feats = c.members.map((i) => all[i]);
    out.push({
      id: `story:${feats[0].event}`,
      label: storyLabel(c, feats, names, df),
      events: feats.map((f) => ({ doc: f.doc, event: f.event })),
      actors: mainActors(countActors(feats)),
    });
  }
  return sortStorylines(out);
}

/** The storylines told by most documents first, then by most events. */
export function sortStorylines(out: Storyline[]): Storyline[] {
  const docs = new Map(out.map((s) => [s, new Set(s.events.map((e) => e.doc)).size]));
  return out.sort((x, y) => docs.get(y)! - docs.get(x)! || y.events.length - x.events.length || x.id.localeCompare(y.id));
}

/** How many of the events name each actor (as source or target). */
export function countActors(feats: EventFeatures[], count = new Map<string, number>()): Map<string, number> {
  for (const f of feats) for (const a of new Set(f.actors)) count.set(a, (count.get(a) ?? 0) + 1);
  return count;
}

/** The four actors most of a storyline's events name. */
export function mainActors(count: Map<string, number>): string[] {
  return [...count].sort((x, y) => y[1] - x[1] || x[0].localeCompare(y[0])).slice(0, 4).map(([a]) => a);
}

/** The phrase most events use for a word, modifiers and all ("US military base"), if any. */
function phraseFor(k: string, feats: EventFeatures[]): string | undefined {
  const count = new Map<string, { text: string; n: number }>();
  for (const f of feats) {
    const p = f.phrases.get(k);
    if (!p) continue;
    const key = p.toLowerCase();
    const c = count.get(key) ?? { text: p, n: 0 };
    c.n++;
    count.set(key, c);
  }
  return [...count.values()].sort((x, y) => y.n - x.n || x.text.length - y.text.length)[0]?.text;
}

/** "US military base — Poland, United States", "missiles in Kaliningrad — Russia". */
export function storyLabel(c: Cluster, feats: EventFeatures[], names: Map<string, string>, df: (k: string) => number): string {
  // among words equally shared, the one more common in the corpus is usually the head ("treaty", not "arms")
  const ranked = [...c.keys].sort((x, y) => y[1] - x[1] || df(y[0]) - df(x[0]) || x[0].localeCompare(y[0]));
  const isPlace = (k: string) => feats.some((f) => f.places.has(k));
  const surface = (k: string) => feats.find((f) => f.surface.has(k))?.surface.get(k) ?? k;
  // words that several events share say what the story is about; a word of one event only when none do
  const candidates = ranked.filter(([k]) => !isPlace(k));
  const shared = candidates.filter(([, n]) => n >= 2);
  const top = (shared.length ? shared.slice(0, 2) : candidates.slice(0, 1)).map(([k]) => k);
  const head = top.length ? phraseFor(top[0], feats) : undefined;
  const things = head
    ? [head, ...top.slice(1).filter((k) => !head.toLowerCase().includes(surface(k).toLowerCase())).map(surface)]
    : top.map(surface);
  const place = ranked.find(([k]) => isPlace(k));
  let text = things.join(', ') || feats[0].type.toLowerCase();
  if (place) text += ` in ${surface(place[0])}`;
  const who = [...c.parts].sort().map((p) => names.get(p) ?? p);
  return who.length ? `${text} — ${who.join(', ')}` : text;
}
