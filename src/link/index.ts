// Cross-document links over a stored corpus: same actor, same event, storylines, near-duplicate
// documents. One pass over the analyses keeps only compact features, never the corpus itself,
// and only for a window of recent events, so memory does not grow with the corpus.
import type { Actor, Analysis, CorpusLinks, Storyline } from '../model/types.ts';
import { sameActors } from './actors.ts';
import { sameEventRoots } from './events.ts';
import { countActors, mainActors, sortStorylines, storyClusters, storyLabel, type Cluster } from './storylines.ts';
import { countryPart, type EventFeatures } from './features.ts';
import { timeRanks } from './pairs.ts';
import { linkDigest, type LinkDigest } from './digest.ts';
import { NearDuplicateIndex, copiedEvents } from './near-duplicates.ts';
import { encodeSnapshot, type LinkCheckpoint, type LinkerSnapshot, type SavedMembers } from './snapshot.ts';

export { countryPart } from './features.ts';
export { foldName, skeleton } from './names.ts';
export type { LinkCheckpoint } from './snapshot.ts';

/** Events per chunk: about 550 documents of 700 words, some 30 MB of features; a window holds two. */
export const CHUNK = 20_000;

type Ref = { doc: string; event: string };

/** Events linked so far, with their order of arrival (the first names the link). */
class Members {
  seqs: number[] = [];
  refs: Ref[] = [];
  add(seq: number, f: EventFeatures): void { this.seqs.push(seq); this.refs.push({ doc: f.doc, event: f.event }); }
  absorb(o: Members): void {
    for (const s of o.seqs) this.seqs.push(s);
    for (const r of o.refs) this.refs.push(r);
  }
  /** The events in order of arrival. */
  ordered(): Ref[] {
    const order = this.seqs.map((_, i) => i).sort((x, y) => this.seqs[x] - this.seqs[y]);
    return order.map((i) => this.refs[i]);
  }
  first(): number { return this.seqs.reduce((a, b) => Math.min(a, b), Infinity); }
  saved(): SavedMembers { return { seqs: [...this.seqs], refs: this.refs.map((r) => [r.doc, r.event]) }; }
  static of(s: SavedMembers): Members {
    const m = new Members();
    m.seqs = [...s.seqs];
    m.refs = s.refs.map(([doc, event]) => ({ doc, event }));
    return m;
  }
  /** The largest of several, grown by the others: a long story is not copied in every window. */
  static merged(list: Iterable<Members>): Members {
    const all = [...list].sort((x, y) => y.seqs.length - x.seqs.length);
    const into = all[0] ?? new Members();
    for (const m of all.slice(1)) into.absorb(m);
    return into;
  }
}

/** A storyline that may grow in the next window: its events so far, its cluster and its actor counts. */
interface OpenStory { members: Members; cluster: Cluster; actors: Map<string, number> }

/**
 * One pass over a corpus: add each analysis, then `links()` once. Shared by the in-memory and
 * the streaming linker. Events are linked a window at a time: the previous chunk of `chunk`
 * events and the current one. When the current chunk is full, same-event groups and
 * storylines are formed over the window, seeded with those already formed among the previous
 * chunk's events, so links that cross a chunk border are joined through the events both windows
 * hold. Links with no event in the current chunk cannot grow any more and are finished; the
 * previous chunk is dropped. Events of one link further apart than a chunk are joined only
 * through a chain of events between them. A corpus of at most one chunk is linked at once.
 * Near-duplicate documents are found further back (see NearDuplicateIndex), but a copy's events
 * join its original's only while the original is in the window. With `checkpoints`, each chunk's
 * end also hands over the links finished there and a snapshot a later run goes on from
 * (takeCheckpoint, restore; src/link/snapshot.ts), so a store is linked incrementally.
 */
export class CorpusLinker {
  private readonly actors = new Map<string, { actor: Actor; count: number }>();
  private readonly names = new Map<string, string>();   // country part -> name of the state or IGO
  private readonly chunk: number;
  private copies: NearDuplicateIndex;
  private carry: EventFeatures[] = [];                   // the previous chunk
  private current: EventFeatures[] = [];
  private carrySeq = 0;                                  // order of arrival of carry[0]
  private carryGroup: (Members | undefined)[] = [];      // the open same-event group of each carried event
  private carryStory: (OpenStory | undefined)[] = [];    // the open storyline of each carried event
  private pairsSeen = 0;                                 // near-duplicate pairs already used to join events
  private groups: Members[] = [];                        // finished same-event groups (not yet taken by a checkpoint)
  private storylines: Storyline[] = [];                  // finished storylines (likewise)
  private pairsTaken = 0;                                // near-duplicate pairs handed to a checkpoint
  private readonly checkpoints: boolean;
  /** Finished links and the latest snapshot not yet taken, over `chunks` chunks; encoded when taken. */
  private pending?: Omit<LinkCheckpoint, 'snapshot'> & { state: LinkerSnapshot; chunks: number };
  private docs = 0;                                      // documents added, restored ones included
  private position = 0;                                  // the stored position of the last one, when given
  private carryFrom = 0;                                 // the position after which the carried chunk's documents begin

  /**
   * `chunk`: events per chunk; `generation`: documents per generation of the near-duplicate index;
   * `checkpoints`: after each chunk, keep what a later run needs to go on from there (see takeCheckpoint).
   */
  constructor(options: LinkerOptions = {}) {
    this.chunk = options.chunk ?? CHUNK;
    this.copies = new NearDuplicateIndex({ generation: options.generation });
    this.checkpoints = options.checkpoints ?? false;
  }

  /**
   * A linker that goes on from a checkpoint's snapshot: `carry` is the events of the documents
   * stored after `snapshot.carryFrom` up to `snapshot.position`, in stored order (their links
   * are already saved; the next chunk is linked with them), `actorOf` the actors as stored now.
   */
  static restore(snapshot: LinkerSnapshot, carry: EventFeatures[], actorOf: (id: string) => Actor | undefined, options: LinkerOptions = {}): CorpusLinker {
    if (carry.length !== snapshot.carryGroup.length) {
      throw new Error(`link snapshot: ${snapshot.carryGroup.length} carried events expected, ${carry.length} read`);
    }
    const linker = new CorpusLinker({ ...options, checkpoints: true });
    if (linker.chunk !== snapshot.chunk) throw new Error(`link snapshot: made with chunks of ${snapshot.chunk} events, not ${linker.chunk}`);
    linker.copies = NearDuplicateIndex.restore(snapshot.copies, { generation: options.generation });
    for (const [id, count] of snapshot.actors) {
      const actor = actorOf(id);
      if (actor) { linker.actors.set(id, { actor, count }); linker.nameStates(actor); }
    }
    linker.carry = carry;
    linker.carrySeq = snapshot.carrySeq;
    const groups = snapshot.groups.map(Members.of);
    linker.carryGroup = snapshot.carryGroup.map((g) => (g < 0 ? undefined : groups[g]));
    const stories = snapshot.stories.map((s): OpenStory => ({
      members: Members.of(s.members), actors: new Map(s.actors),
      cluster: { members: [], parts: new Set(s.parts), keys: new Map(s.keys), size: s.size },
    }));
    linker.carryStory = snapshot.carryStory.map((g) => (g < 0 ? undefined : stories[g]));
    linker.docs = snapshot.docs;
    linker.position = snapshot.position;
    linker.carryFrom = snapshot.position;   // the next chunk begins after the snapshot's documents
    return linker;
  }

  add(a: Analysis): void {
    this.addDigest(linkDigest(a), a.actors);
  }

  /** A document by its digest (src/link/digest.ts), the actors it names and its stored position (by default, its number in order added). */
  addDigest(d: LinkDigest, actors: Actor[], position?: number): void {
    this.docs++;
    this.position = position ?? this.docs;
    this.copies.addSignature(d.doc, d.signature);
    for (const actor of actors) {
      const seen = this.actors.get(actor.id);
      if (seen) seen.count++;
      else this.actors.set(actor.id, { actor, count: 1 });
      this.nameStates(actor);
    }
    for (const f of d.events) this.current.push(f);
    if (this.current.length >= this.chunk) this.flush(false);
  }

  /** States and IGOs name their country part in storyline labels. */
  private nameStates(actor: Actor): void {
    if ((actor.kind === 'state' || actor.kind === 'igo') && actor.code) {
      const part = countryPart(actor.code)!;
      if (!this.names.has(part) || part === actor.code.toUpperCase()) this.names.set(part, actor.name);
    }
  }

  /**
   * With `checkpoints`: the links finished since the last checkpoint taken and a snapshot to go
   * on from, once `every` chunks have been linked since (else undefined). Links taken here are
   * final: `links()` gives only those found after, which depend on documents a later run may
   * add to. The snapshot is encoded only when taken (a snapshot of a large store is megabytes
   * of JSON), so a caller that saves every few chunks encodes only the snapshots it saves.
   */
  takeCheckpoint(every = 1): LinkCheckpoint | undefined {
    const p = this.pending;
    if (!p || p.chunks < every) return undefined;
    this.pending = undefined;
    return { sameEvent: p.sameEvent, storylines: p.storylines, nearDuplicates: p.nearDuplicates, position: p.position, snapshot: encodeSnapshot(p.state) };
  }

  /** The links not taken by a checkpoint (with `checkpoints`: the open ones, a later run redoes them), and the same actors. */
  links(): CorpusLinks {
    this.flush(true);
    const { sameEvent, storylines, nearDuplicates } = this.finished();
    return { sameActor: sameActors(this.actors), sameEvent, storylines, nearDuplicates };
  }

  /** The links finished and not yet taken, in order; they are taken. */
  private finished(): Omit<CorpusLinks, 'sameActor'> {
    const sameEvent = this.groups
      .map((g) => ({ first: g.first(), events: g.ordered() }))
      .sort((x, y) => x.first - y.first)
      .map(({ events }) => ({ id: `same:${events[0].event}`, events }));
    const pairs = this.copies.pairs();
    const nearDuplicates = pairs.slice(this.pairsTaken);
    const storylines = sortStorylines(this.storylines);
    if (this.checkpoints) { this.groups = []; this.storylines = []; this.pairsTaken = pairs.length; }
    return { sameEvent, storylines, nearDuplicates };
  }

  /** The checkpoint after a chunk: what was finished, and the state that goes on from here. */
  private checkpoint(): void {
    const groups: SavedMembers[] = [];
    const groupIndex = new Map<Members, number>();
    const carryGroup = this.carryGroup.map((g) => {
      if (!g) return -1;
      let i = groupIndex.get(g);
      if (i === undefined) { i = groups.push(g.saved()) - 1; groupIndex.set(g, i); }
      return i;
    });
    const stories: LinkerSnapshot['stories'] = [];
    const storyIndex = new Map<OpenStory, number>();
    const carryStory = this.carryStory.map((s) => {
      if (!s) return -1;
      let i = storyIndex.get(s);
      if (i === undefined) {
        i = stories.push({
          members: s.members.saved(), parts: [...s.cluster.parts], keys: [...s.cluster.keys], size: s.cluster.size, actors: [...s.actors],
        }) - 1;
        storyIndex.set(s, i);
      }
      return i;
    });
    const snapshot: LinkerSnapshot = {
      version: SNAPSHOT_VERSION, chunk: this.chunk, docs: this.docs, position: this.position, carryFrom: this.carryFrom,
      carrySeq: this.carrySeq, groups, carryGroup, stories, carryStory, copies: this.copies.state(),
      actors: [...this.actors].map(([id, { count }]) => [id, count]),
    };
    const links = this.finished();
    const before = this.pending;
    this.pending = {
      sameEvent: [...(before?.sameEvent ?? []), ...links.sameEvent],
      storylines: [...(before?.storylines ?? []), ...links.storylines],
      nearDuplicates: [...(before?.nearDuplicates ?? []), ...(links.nearDuplicates ?? [])],
      position: this.position, state: snapshot, chunks: (before?.chunks ?? 0) + 1,
    };
    this.carryFrom = this.position;
  }

  /** Links the window (previous and current chunk); finishes what cannot grow, or everything when `last`. */
  private flush(last: boolean): void {
    const all = this.carry.concat(this.current);
    const nc = this.carry.length;
    const seqOf = (i: number) => this.carrySeq + i;

    // same events: the open groups, the events of copies, and the comparisons
    const known: [number, number][] = [];
    const firstOf = new Map<Members, number>();
    for (let i = 0; i < nc; i++) {
      const g = this.carryGroup[i];
      if (!g) continue;
      const f = firstOf.get(g);
      if (f === undefined) firstOf.set(g, i);
      else known.push([f, i]);
    }
    // the events of a syndicated copy or light rewrite are the same events as its original's
    const pairs = this.copies.pairs();
    for (const p of copiedEvents(pairs.slice(this.pairsSeen), all)) known.push(p);
    this.pairsSeen = pairs.length;
    const rank = timeRanks(all);   // both passes pair events by their order in time
    const roots = sameEventRoots(all, known, nc, rank);

    const byRoot = new Map<number, number[]>();
    for (let i = 0; i < all.length; i++) {
      const list = byRoot.get(roots[i]);
      if (list) list.push(i);
      else byRoot.set(roots[i], [i]);
    }
    const nextGroup: (Members | undefined)[] = new Array(all.length - nc);
    const seeds: number[][] = [];
    for (const window of byRoot.values()) {
      const carried = new Set(window.map((i) => (i < nc ? this.carryGroup[i] : undefined)).filter((g): g is Members => g !== undefined));
      if (window.length < 2 && carried.size === 0) continue;
      if (window.length > 1) seeds.push(window);
      const group = Members.merged(carried);
      for (const i of window) if (i >= nc || !this.carryGroup[i]) group.add(seqOf(i), all[i]);
      const grows = !last && window[window.length - 1] >= nc;
      if (!grows) { this.groups.push(group); continue; }
      for (const i of window) if (i >= nc) nextGroup[i - nc] = group;
    }

    // storylines: the open ones come in whole, same-event groups start as one
    const carriedStories = new Map<OpenStory, number[]>();
    for (let i = 0; i < nc; i++) {
      const s = this.carryStory[i];
      if (!s) continue;
      const list = carriedStories.get(s);
      if (list) list.push(i);
      else carriedStories.set(s, [i]);
    }
    // In one pass a storyline of more than two parties is one same-event group, for seeds come
    // before any merge on words. A group found in this window may reach a storyline the last
    // window grew on words: it joins it only if the storyline keeps two parties or lies within
    // the group, else such links would chain storylines across the whole corpus.
    const storySeeds = seeds.map((window) => {
      const touched = new Set(window.map((i) => (i < nc ? this.carryStory[i] : undefined)).filter((x): x is OpenStory => x !== undefined));
      if (touched.size === 0) return window;
      const inGroup = new Set(window);
      const parts = new Set(window.flatMap((i) => all[i].parts));
      const apart = [...touched].filter((st) => new Set([...st.cluster.parts, ...parts]).size > 2 && !carriedStories.get(st)!.every((i) => inGroup.has(i)));
      return apart.length ? window.filter((i) => !(i < nc && apart.includes(this.carryStory[i]!))) : window;
    });
    const carriedClusters = [...carriedStories].map(([s, members]) => Object.assign(s.cluster, { members }));
    const { clusters, df } = storyClusters(all, storySeeds, carriedClusters, rank);
    const nextStory: (OpenStory | undefined)[] = new Array(all.length - nc);
    for (const c of clusters) {
      const joined = new Set<OpenStory>();
      const fresh: number[] = [];
      for (const i of c.members) {
        const s = i < nc ? this.carryStory[i] : undefined;
        if (s) joined.add(s);
        else fresh.push(i);
      }
      const members = Members.merged([...joined].map((s) => s.members));
      const actors = new Map<string, number>();
      for (const s of joined) for (const [a, n] of s.actors) actors.set(a, (actors.get(a) ?? 0) + n);
      for (const i of fresh) members.add(seqOf(i), all[i]);
      countActors(fresh.map((i) => all[i]), actors);
      const grows = !last && c.members[c.members.length - 1] >= nc;
      if (!grows) {
        // a storyline over several windows is labelled by its events in the last
        const label = storyLabel(c, c.members.map((i) => all[i]), this.names, df);
        const events = members.ordered();
        this.storylines.push({ id: `story:${events[0].event}`, label, events, actors: mainActors(actors) });
        continue;
      }
      const story: OpenStory = { members, cluster: c, actors };
      for (const i of c.members) if (i >= nc) nextStory[i - nc] = story;
    }

    // the current chunk becomes the previous one; the one before is forgotten
    this.carrySeq += nc;
    this.carry = last ? [] : this.current;
    this.carryGroup = last ? [] : nextGroup;
    this.carryStory = last ? [] : nextStory;
    this.current = [];
    if (this.checkpoints && !last) this.checkpoint();
  }
}

export interface LinkerOptions { chunk?: number; generation?: number; checkpoints?: boolean }

/** Bump when linking changes what it finds: a snapshot of another version is not gone on from (the store is linked again whole). */
export const SNAPSHOT_VERSION = 1;

export function linkAnalyses(analyses: Iterable<Analysis>): CorpusLinks {
  const linker = new CorpusLinker();
  for (const a of analyses) linker.add(a);
  return linker.links();
}
