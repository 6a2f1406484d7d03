// Storylines: events across documents about one subject: the same dyad (unordered pair of
// country parts) and shared key words of their clauses, whatever their modality. Clusters grow
// by merging on the strongest shared words first, and only while they keep one dyad and one
// theme, so that unrelated events do not chain into one giant storyline.
import type { Storyline } from '../model/types.ts';
import type { EventFeatures } from './features.ts';
import { push } from './multimap.ts';
import { timeRanks } from './pairs.ts';
import { scoreStoryPairs } from './story-scores.ts';

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

/**
 * Clusters the events of one window into storylines. `seeds` (groups of indices, such as
 * same-event groups) start in one cluster; `carried` clusters come in whole with what they hold
 * over events that have left the window (they are taken over, not copied). Returns the clusters
 * of two or more events, and the number of the window's events that have each key word.
 * `rank`: the events' order in time (timeRanks), if the caller has it.
 */
export function storyClusters(all: EventFeatures[], seeds: number[][] = [], carried: Cluster[] = [], rank = timeRanks(all)): { clusters: Cluster[]; df: (k: string) => number } {
  const n = all.length;
  const df = new Map<string, number[]>();
  all.forEach((f, i) => { for (const k of f.keys) push(df, k, i); });
  const idf = (k: string) => Math.log(1 + n / df.get(k)!.length);

  // pairs of events that share key words, strongest first
  const score = scoreStoryPairs(all, df, idf, rank);
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
    // the smaller cluster goes into the larger: a long storyline is not copied into each event it meets
    if ((clusters.get(rb)?.members.length ?? 1) > (clusters.get(ra)?.members.length ?? 1)) [ra, rb] = [rb, ra];
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
    let first: string | undefined;
    let second: string | undefined;
    for (let k = 0; k < 2; k++) {
      for (const p of partsOf(k === 0 ? ra : rb)) {
        if (p === first || p === second) continue;
        if (second !== undefined) return true;
        if (first === undefined) first = p;
        else second = p;
      }
    }
    return false;
  };
  // once per candidate pair, a million a window: no arrays made here
  for (let e = 0; e < score.length; e++) {
    const ra = find(score.ea[e]);
    const rb = find(score.eb[e]);
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
