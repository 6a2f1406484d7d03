// The situation report over everything stored: who matters, how pairs of actors relate, what
// happened when (and what is only feared, expected or urged), who said what, which stories run
// through several documents, and how each document frames its subject.
import type { Actor, ActorKind, Analysis, CorpusLinks } from '../model/types.ts';
import type { Store } from '../store/index.ts';
import { countryPart } from '../link/features.ts';
import { DyadTally, type Relation } from './dyads.ts';
import { eventLine, type EventLine } from './event-lines.ts';
import { inDays, keepEvent, resolveFilter, type ReportFilter } from './filter.ts';
import { renderReportAs } from './render-report.ts';
import { storylineComparisons, type Comparison } from './compare.ts';
import { documentVoice } from './outlets.ts';

export type { ReportFilter } from './filter.ts';
export type { Relation } from './dyads.ts';
export type { EventLine } from './event-lines.ts';

export interface ActorStat { id: string; name: string; code: string; kind: ActorKind; mentions: number; events: number; documents: number }
export interface SpeakerQuotes {
  speaker: string; name: string; code?: string; kind?: ActorKind;
  quotes: { text: string; kind: 'direct' | 'indirect'; doc: string; title?: string; outlet?: string; published?: string }[];
}
export interface StorylineView { id: string; label: string; documents: number; actors: string[]; events: EventLine[] }
export interface DocumentFraming {
  id: string; title?: string; outlet?: string; published?: string; source: string;
  scareQuotes: string[]; loaded: string[]; frames: Record<string, number>;
  quotes: number; namedQuotes: number; namedShare: number | null;
  /** Share of the document's sentences that carry a named speaker's words. */
  sourcedShare: number | null;
  /** The earlier document this one copies or lightly rewrites (the most similar, if several). */
  nearDuplicateOf?: { doc: string; similarity: number };
}

export interface Report {
  filter: ReportFilter;
  totals: { documents: number; events: number; quotes: number };
  actors: ActorStat[];
  relations: Relation[];
  timeline: EventLine[];       // dated, sorted by day
  undated: EventLine[];
  speakers: SpeakerQuotes[];
  storylines: StorylineView[];
  /** How each outlet tells each storyline that more than one outlet tells. */
  comparisons: Comparison[];
  documents: DocumentFraming[];
}

const byDate = (x: EventLine, y: EventLine) => (x.date ?? '~').localeCompare(y.date ?? '~') || x.doc.localeCompare(y.doc) || x.id.localeCompare(y.id, undefined, { numeric: true });

export async function buildReport(store: Store, filter: ReportFilter = {}): Promise<Report> {
  const links = await store.links();
  const canon = (id: string) => links.sameActor[id] ?? id;
  const f = await resolveFilter(store, filter, links.sameActor);

  const names = new Map<string, string>();                 // country part -> name
  const stats = new Map<string, ActorStat & { docs: Set<string> }>();
  const tally = new DyadTally((p) => names.get(p) ?? p);
  const lines: EventLine[] = [];
  const speakers = new Map<string, SpeakerQuotes>();
  const documents: DocumentFraming[] = [];
  const storyEvents = new Set(links.storylines.flatMap((s) => s.events.map((e) => e.event)));
  const copyOf = new Map<string, { doc: string; similarity: number }>();
  for (const n of links.nearDuplicates ?? []) if ((copyOf.get(n.doc)?.similarity ?? -1) < n.similarity) copyOf.set(n.doc, { doc: n.of, similarity: n.similarity });
  const storyLines = new Map<string, EventLine>();
  let totalQuotes = 0;

  // stored actors (merged ids resolved), looked up once each before a document is read
  const known = new Map<string, Actor | undefined>();
  const lookUp = async (a: Analysis) => {
    const ids = [...a.actors.map((x) => x.id), ...a.quotes.flatMap((q) => (q.speaker ? [q.speaker] : []))];
    for (const id of ids) if (!known.has(canon(id))) known.set(canon(id), await store.actor(canon(id)));
  };
  const actorOf = (a: Analysis, id: string): Actor | undefined => known.get(canon(id)) ?? a.actors.find((x) => x.id === id);
  const stat = (a: Analysis, id: string) => {
    const key = canon(id);
    let s = stats.get(key);
    if (!s) {
      const actor = actorOf(a, id);
      s = { id: key, name: actor?.name ?? id, code: actor?.code ?? '', kind: actor?.kind ?? 'org', mentions: 0, events: 0, documents: 0, docs: new Set() };
      stats.set(key, s);
    }
    s.docs.add(a.doc.id);
    return s;
  };

  for await (const a of store.analyses()) {
    await lookUp(a);
    for (const x of a.actors) {
      if ((x.kind === 'state' || x.kind === 'igo') && x.code) {
        const part = countryPart(x.code)!;
        if (!names.has(part) || part === x.code.toUpperCase()) names.set(part, x.name);
      }
    }
    const actors = new Map(a.actors.map((x) => [x.id, x]));
    const docLines = a.events.map((e) => eventLine(a, e, actors));
    for (const l of docLines) if (storyEvents.has(l.id)) storyLines.set(l.id, l);

    const mentionsActor = !f.actorIds || a.mentions.some((m) => m.actor && f.actorIds!.has(m.actor)) || a.actors.some((x) => f.actorIds!.has(x.id));
    const kept = docLines.filter((l) => keepEvent(f, l));
    const docInScope = inDays(f, a.doc.meta.published) && mentionsActor;
    if (!docInScope && kept.length === 0) continue;

    for (const l of kept) {
      lines.push(l);
      for (const r of [l.source, l.target]) if (r?.actor) stat(a, r.actor).events++;
    }
    if (!docInScope) continue;
    for (const m of a.mentions) if (m.actor) stat(a, m.actor).mentions++;

    let named = 0;
    for (const q of a.quotes) {
      if (q.speaker) named++;
      if (!q.speaker || (f.actorIds && !f.actorIds.has(q.speaker))) continue;
      const key = canon(q.speaker);
      let s = speakers.get(key);
      if (!s) {
        const actor = actorOf(a, q.speaker);
        s = { speaker: key, name: actor?.name ?? q.speakerText ?? key, quotes: [] };
        if (q.speakerCode ?? actor?.code) s.code = q.speakerCode ?? actor?.code;
        if (actor) s.kind = actor.kind;
        speakers.set(key, s);
      }
      s.quotes.push({ text: q.text, kind: q.kind, doc: a.doc.id, title: a.doc.meta.title, outlet: a.doc.meta.outlet, published: a.doc.meta.published });
      totalQuotes++;
    }
    const frames: Record<string, number> = {};
    for (const fr of a.frames) frames[fr.kind] = (frames[fr.kind] ?? 0) + 1;
    documents.push({
      id: a.doc.id, title: a.doc.meta.title, outlet: a.doc.meta.outlet, published: a.doc.meta.published, source: a.doc.source,
      scareQuotes: a.frames.filter((x) => x.kind === 'scare-quote').map((x) => x.text),
      loaded: a.frames.filter((x) => x.kind === 'loaded').map((x) => x.text),
      frames, quotes: a.quotes.length, namedQuotes: named,
      namedShare: a.quotes.length ? Math.round((named / a.quotes.length) * 100) / 100 : null,
      sourcedShare: documentVoice(a).sourcedShare,
      ...(copyOf.has(a.doc.id) ? { nearDuplicateOf: copyOf.get(a.doc.id) } : {}),
    });
  }

  const storylines: StorylineView[] = [];
  for (const s of links.storylines) {
    const evs = s.events.map((e) => storyLines.get(e.event)).filter((l): l is EventLine => l !== undefined);
    const docs = new Set(evs.map((l) => l.doc)).size;
    if (docs < 2 || !evs.some((l) => keepEvent(f, l))) continue;
    storylines.push({ id: s.id, label: s.label, documents: docs, actors: s.actors, events: evs.sort(byDate) });
  }

  // one real event told in several places is one line and one count
  const told = tellings(lines, links.sameEvent);
  for (const l of told) tally.add(l);

  const actorStats = [...stats.values()].map(({ docs, ...s }) => ({ ...s, documents: docs.size }))
    .sort((x, y) => (y.mentions + 2 * y.events) - (x.mentions + 2 * x.events) || x.name.localeCompare(y.name));
  const kindRank = (k?: ActorKind) => (k === 'person' ? 0 : 1);
  return {
    filter: { ...filter },
    totals: { documents: documents.length, events: told.length, quotes: totalQuotes },
    actors: actorStats,
    relations: tally.relations(),
    timeline: told.filter((l) => l.date).sort(byDate),
    undated: told.filter((l) => !l.date),
    speakers: [...speakers.values()].sort((x, y) => kindRank(x.kind) - kindRank(y.kind) || y.quotes.length - x.quotes.length || x.name.localeCompare(y.name)),
    storylines,
    comparisons: await storylineComparisons(store, storylines.map((s) => s.id)),
    documents,
  };
}

/**
 * The lines of distinct events: of the mentions the linker found to tell one event, the one
 * with a date from the text (else the first) stands for all, and lists the others in `alsoTold`.
 */
function tellings(lines: EventLine[], groups: CorpusLinks['sameEvent']): EventLine[] {
  const groupOf = new Map<string, string>();
  for (const g of groups) for (const e of g.events) groupOf.set(e.event, g.id);
  const byGroup = new Map<string, EventLine[]>();
  const out: EventLine[] = [];
  for (const l of lines) {
    const g = groupOf.get(l.id);
    if (!g) { out.push(l); continue; }
    const list = byGroup.get(g);
    if (list) list.push(l);
    else { byGroup.set(g, [l]); out.push(l); }
  }
  return out.map((l) => {
    const g = groupOf.get(l.id);
    const list = g ? byGroup.get(g)! : [l];
    if (list.length === 1) return l;
    const rep = list.find((x) => x.dateFrom === 'text') ?? list[0];
    return { ...rep, alsoTold: list.filter((x) => x !== rep).map((x) => x.id) };
  });
}

export function renderReport(report: Report, format: 'text' | 'markdown' | 'json'): string {
  if (format === 'json') return JSON.stringify(report, null, 2) + '\n';
  return renderReportAs(report, format);
}
