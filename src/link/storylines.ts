// Storylines: events across documents about one subject: the same dyad (unordered pair of
// country parts) and shared key words of their clauses, whatever their modality. Clusters grow
// by merging on the strongest shared words first, and only while they keep one dyad and one
// theme, so that unrelated events do not chain into one giant storyline.
import type { Storyline } from '../model/types.ts';
import type { EventFeatures } from './features.ts';
import { push } from './multimap.ts';
import { windowPairs } from './pairs.ts';

interface Cluster { members: number[]; parts: Set<string>; keys: Map<string, number> }

export function buildStorylines(all: EventFeatures[], names: Map<string, string>, seeds: number[][] = []): Storyline[] {
  const n = all.length;
  const df = new Map<string, number[]>();
  all.forEach((f, i) => { for (const k of f.keys) push(df, k, i); });
  const idf = (k: string) => Math.log(1 + n / df.get(k)!.length);

  // pairwise scores over shared key words, through an index of (word, country part): events
  // of a story share a part, except those whose actors the text leaves unknown
  const score = new Map<number, { a: number; b: number; s: number; shared: number; name: boolean }>();
  const add = (k: string, a: number, b: number) => {
    const key = a * n + b;
    const e = score.get(key) ?? { a, b, s: 0, shared: 0, name: false };
    e.s += idf(k);
    e.shared++;
    e.name ||= all[a].names.has(k) && all[b].names.has(k);
    score.set(key, e);
  };
  const buckets = new Map<string, number[]>();
  all.forEach((f, i) => {
    for (const k of f.keys) for (const p of f.parts) { const b = `${k}|${p}`; push(buckets, b, i); }
  });
  for (const [bucket, list] of buckets) {
    const [k, p] = [bucket.slice(0, bucket.lastIndexOf('|')), bucket.slice(bucket.lastIndexOf('|') + 1)];
    windowPairs(list, all, (a, b) => {
      // a pair that shares two parts is in two buckets: count the word once, in the first part
      const [pa, pb] = [all[a].parts, all[b].parts];
      const first = pa.length === 1 || pb.length === 1 ? p : pa.find((x) => pb.includes(x));   // parts are sorted
      if (first === p) add(k, a, b);
    });
  }
  for (const [k, list] of df) {
    if (!list.some((i) => all[i].parts.length === 0)) continue;
    windowPairs(list, all, (a, b) => { if (all[a].parts.length === 0 || all[b].parts.length === 0) add(k, a, b); });
  }
  const edges = [...score.values()].filter((e) => {
    const [fa, fb] = [all[e.a], all[e.b]];
    // an event with no known actors joins a story only on a shared name or on two shared words
    if (fa.parts.length === 0 || fb.parts.length === 0) return e.shared >= 2 || e.name;
    return fa.parts.some((p) => fb.parts.includes(p));
  }).sort((x, y) => y.s - x.s || x.a - y.a || x.b - y.b);

  const clusters = new Map<number, Cluster>();
  const parent = all.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i])));
  all.forEach((f, i) => clusters.set(i, { members: [i], parts: new Set(f.parts), keys: new Map([...f.keys].map((k) => [k, 1])) }));

  const merge = (ra: number, rb: number) => {
    const [ca, cb] = [clusters.get(ra)!, clusters.get(rb)!];
    for (const p of cb.parts) ca.parts.add(p);
    for (const [k, c] of cb.keys) ca.keys.set(k, (ca.keys.get(k) ?? 0) + c);
    for (const m of cb.members) ca.members.push(m);
    clusters.delete(rb);
    parent[rb] = ra;
  };
  // events that tell one real event belong to one storyline from the start
  for (const group of seeds) for (const i of group.slice(1)) { const [ra, rb] = [find(group[0]), find(i)]; if (ra !== rb) merge(ra, rb); }

  // a theme is a word a strict majority of the cluster's events share
  const theme = (c: Cluster, k: string) => (c.keys.get(k) ?? 0) * 2 > c.members.length;
  const sharesTheme = (ca: Cluster, cb: Cluster) => {
    const [small, big] = ca.keys.size <= cb.keys.size ? [ca, cb] : [cb, ca];
    for (const k of small.keys.keys()) if (theme(small, k) && theme(big, k)) return true;
    return false;
  };
  for (const e of edges) {
    const [ra, rb] = [find(e.a), find(e.b)];
    if (ra === rb) continue;
    const [ca, cb] = [clusters.get(ra)!, clusters.get(rb)!];
    if (new Set([...ca.parts, ...cb.parts]).size > 2) continue;
    if (!sharesTheme(ca, cb)) continue;
    merge(ra, rb);
  }

  const out: Storyline[] = [];
  for (const c of clusters.values()) {
    if (c.members.length < 2) continue;
    const feats = c.members.sort((x, y) => x - y).map((i) => all[i]);
    out.push({
      id: `story:${feats[0].event}`,
      label: label(c, feats, names, (k) => df.get(k)?.length ?? 0),
      events: feats.map((f) => ({ doc: f.doc, event: f.event })),
      actors: mainActors(feats),
    });
  }
  const docs = (s: Storyline) => new Set(s.events.map((e) => e.doc)).size;
  return out.sort((x, y) => docs(y) - docs(x) || y.events.length - x.events.length || x.id.localeCompare(y.id));
}

function mainActors(feats: EventFeatures[]): string[] {
  const count = new Map<string, number>();
  for (const f of feats) for (const a of new Set(f.actors)) count.set(a, (count.get(a) ?? 0) + 1);
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
function label(c: Cluster, feats: EventFeatures[], names: Map<string, string>, df: (k: string) => number): string {
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
