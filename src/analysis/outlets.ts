// Voices and framing in figures: per document, then summed per outlet. Who is quoted and how
// (direct, reported, by name or not), how much of the text is sourced to a named speaker, how
// much is the author's own judgement (claims and their hedging), and the framing markers used
// (scare quotes, loaded words by category, hedges, intensifiers). Pure functions over stored
// analyses; `outletProfiles` reads a store.
import type { Analysis, DocumentMeta, Quote } from '../model/types.ts';
import type { Store } from '../store/index.ts';
import { clip, markdownWriter, textWriter } from './writer.ts';

export interface Counted { text: string; count: number }
export interface QuotedSpeaker { id: string; name: string; code?: string; direct: number; indirect: number }

export interface VoiceFigures {
  documents: number;
  words: number;
  sentences: number;
  quotes: { direct: number; indirect: number; named: number; unattributed: number };
  /** Sentences that carry a quote or reported speech of a named speaker. */
  sourcedSentences: number;
  /** sourcedSentences / sentences, two decimals; null for an empty text. */
  sourcedShare: number | null;
  speakers: QuotedSpeaker[];
  claims: { author: number; actors: number; meanHedge: number | null };
  scareQuotes: Counted[];
  /** Loaded words by category (name-calling, fear, ...). */
  loaded: Record<string, Counted[]>;
  hedges: Counted[];
  intensifiers: Counted[];
}

export interface OutletProfile { outlet: string; documents: { id: string; title?: string; published?: string }[]; voice: VoiceFigures }

const WORD = /\p{L}[\p{L}\p{N}'’-]*/gu;

/** The name an outlet goes by: the outlet field, else the site of the URL, else none. */
export function outletOf(meta: DocumentMeta): string | undefined {
  if (meta.outlet?.trim()) return meta.outlet.trim();
  if (meta.url) {
    try { return new URL(meta.url).hostname.replace(/^www\./, ''); } catch { /* not a URL */ }
  }
  return undefined;
}

/** A column label for documents with no known outlet: their title, marked as such. */
export function outletLabel(a: Pick<Analysis, 'doc'>): string {
  return outletOf(a.doc.meta) ?? `(no outlet) ${clip(a.doc.meta.title ?? a.doc.source, 60)}`;
}

/** A speaker the text names: an actor, or words with a name in them ("military expert Jan Nowak"),
 *  not "officials", "experts" or an unresolved "the minister". */
export function namedSpeaker(q: Pick<Quote, 'speaker' | 'speakerText'>): boolean {
  if (q.speaker) return true;
  const words = (q.speakerText ?? '').trim().split(/\s+/).slice(1);
  return words.some((w) => /^\p{Lu}/u.test(w));
}

function tally(texts: string[]): Counted[] {
  const counts = new Map<string, Counted>();
  for (const t of texts) {
    const key = t.toLowerCase().replace(/[’‘]/g, "'");
    const c = counts.get(key);
    if (c) c.count++;
    else counts.set(key, { text: t, count: 1 });
  }
  return [...counts.values()].sort((a, b) => b.count - a.count || a.text.localeCompare(b.text));
}

const round2 = (x: number) => Math.round(x * 100) / 100;

/** The voices and framing of one document. `canon` maps an actor id to the one it merged into. */
export function documentVoice(a: Analysis, canon: (id: string) => string = (id) => id): VoiceFigures {
  const named = a.quotes.filter(namedSpeaker);
  // A sentence is sourced when a named speaker's quote or reported clause overlaps it.
  let sourced = 0;
  for (const s of a.sentences) if (named.some((q) => q.start < s.end && q.end > s.start)) sourced++;
  const speakers = new Map<string, QuotedSpeaker>();
  for (const q of named) {
    const id = q.speaker ? canon(q.speaker) : `text:${q.speakerText}`;
    let s = speakers.get(id);
    if (!s) {
      const actor = q.speaker ? a.actors.find((x) => x.id === q.speaker || canon(x.id) === id) : undefined;
      s = { id, name: actor?.name ?? q.speakerText ?? id, direct: 0, indirect: 0 };
      const code = q.speakerCode ?? actor?.code;
      if (code) s.code = code;
      speakers.set(id, s);
    }
    s[q.kind]++;
  }
  const author = a.claims.filter((c) => c.holder === 'author');
  const loaded: Record<string, string[]> = {};
  // A loaded word inside scare quotes is one marker, counted with the scare quotes.
  const scare = a.frames.filter((f) => f.kind === 'scare-quote');
  for (const f of a.frames) {
    if (f.kind === 'loaded' && !scare.some((q) => q.start <= f.start && f.end <= q.end)) (loaded[f.category ?? 'other'] ??= []).push(f.text);
  }
  const framesOf = (kind: string) => tally(a.frames.filter((f) => f.kind === kind).map((f) => f.text));
  return {
    documents: 1,
    words: a.doc.body.match(WORD)?.length ?? 0,
    sentences: a.sentences.length,
    quotes: {
      direct: a.quotes.filter((q) => q.kind === 'direct').length,
      indirect: a.quotes.filter((q) => q.kind === 'indirect').length,
      named: named.length,
      unattributed: a.quotes.filter((q) => !q.speaker && !q.speakerText).length,
    },
    sourcedSentences: sourced,
    sourcedShare: a.sentences.length ? round2(sourced / a.sentences.length) : null,
    speakers: sortSpeakers([...speakers.values()]),
    claims: {
      author: author.length,
      actors: a.claims.length - author.length,
      meanHedge: author.length ? round2(author.reduce((x, c) => x + c.hedge, 0) / author.length) : null,
    },
    scareQuotes: framesOf('scare-quote'),
    loaded: Object.fromEntries(Object.entries(loaded).map(([k, v]) => [k, tally(v)])),
    hedges: framesOf('hedge'),
    intensifiers: framesOf('intensifier'),
  };
}

function sortSpeakers(list: QuotedSpeaker[]): QuotedSpeaker[] {
  return list.sort((x, y) => (y.direct + y.indirect) - (x.direct + x.indirect) || x.name.localeCompare(y.name));
}

function mergeCounted(lists: Counted[][]): Counted[] {
  const out = new Map<string, Counted>();
  for (const list of lists) for (const c of list) {
    const key = c.text.toLowerCase().replace(/[’‘]/g, "'");
    const have = out.get(key);
    if (have) have.count += c.count;
    else out.set(key, { ...c });
  }
  return [...out.values()].sort((a, b) => b.count - a.count || a.text.localeCompare(b.text));
}

/** The figures of several documents as one (an outlet, or the outlet's part of a storyline). */
export function sumVoices(list: VoiceFigures[]): VoiceFigures {
  const sum = (f: (v: VoiceFigures) => number) => list.reduce((x, v) => x + f(v), 0);
  const sentences = sum((v) => v.sentences);
  const sourced = sum((v) => v.sourcedSentences);
  const author = sum((v) => v.claims.author);
  const hedgeTotal = sum((v) => (v.claims.meanHedge ?? 0) * v.claims.author);
  const speakers = new Map<string, QuotedSpeaker>();
  for (const v of list) for (const s of v.speakers) {
    const have = speakers.get(s.id);
    if (have) { have.direct += s.direct; have.indirect += s.indirect; } else speakers.set(s.id, { ...s });
  }
  const categories = [...new Set(list.flatMap((v) => Object.keys(v.loaded)))].sort();
  return {
    documents: sum((v) => v.documents),
    words: sum((v) => v.words),
    sentences,
    quotes: {
      direct: sum((v) => v.quotes.direct), indirect: sum((v) => v.quotes.indirect),
      named: sum((v) => v.quotes.named), unattributed: sum((v) => v.quotes.unattributed),
    },
    sourcedSentences: sourced,
    sourcedShare: sentences ? round2(sourced / sentences) : null,
    speakers: sortSpeakers([...speakers.values()]),
    claims: { author, actors: sum((v) => v.claims.actors), meanHedge: author ? round2(hedgeTotal / author) : null },
    scareQuotes: mergeCounted(list.map((v) => v.scareQuotes)),
    loaded: Object.fromEntries(categories.map((c) => [c, mergeCounted(list.map((v) => v.loaded[c] ?? []))])),
    hedges: mergeCounted(list.map((v) => v.hedges)),
    intensifiers: mergeCounted(list.map((v) => v.intensifiers)),
  };
}

/** Total of a counted list. */
export const total = (list: Counted[]): number => list.reduce((x, c) => x + c.count, 0);

/** Markers per 1,000 words, one decimal: figures comparable across texts of any length. */
export function perThousand(n: number, words: number): number {
  return words ? Math.round((n * 10000) / words) / 10 : 0;
}

/** One profile per outlet over every stored document (documents with no outlet each stand alone);
 *  with `byDocument`, one per document, labelled by outlet and title. */
export async function outletProfiles(store: Store, byDocument = false): Promise<OutletProfile[]> {
  const links = await store.links();
  const canon = (id: string) => links.sameActor[id] ?? id;
  const groups = new Map<string, { docs: OutletProfile['documents']; voices: VoiceFigures[] }>();
  for await (const a of store.analyses()) {
    const key = byDocument
      ? `${outletOf(a.doc.meta) ?? '(no outlet)'}: ${clip(a.doc.meta.title ?? a.doc.source, 50)} [${a.doc.id}]`
      : outletLabel(a);
    const g = groups.get(key) ?? { docs: [], voices: [] };
    g.docs.push({ id: a.doc.id, ...(a.doc.meta.title ? { title: a.doc.meta.title } : {}), ...(a.doc.meta.published ? { published: a.doc.meta.published } : {}) });
    g.voices.push(documentVoice(a, canon));
    groups.set(key, g);
  }
  return [...groups.entries()]
    .map(([outlet, g]) => ({ outlet, documents: g.docs, voice: sumVoices(g.voices) }))
    .sort((x, y) => y.documents.length - x.documents.length || x.outlet.localeCompare(y.outlet));
}

/** The profiles as a table (one row per outlet) and, per outlet, whom it quotes and its framing words. */
export function renderOutletProfiles(profiles: OutletProfile[], format: 'text' | 'markdown' | 'json', byDocument = false): string {
  if (format === 'json') return JSON.stringify(profiles, null, 2) + '\n';
  const w = format === 'markdown' ? markdownWriter() : textWriter();
  w.title(byDocument ? 'Document profiles' : 'Outlet profiles');
  if (profiles.length === 0) { w.para('No documents are stored.'); return w.done(); }
  const pct = (x: number | null) => (x === null ? '–' : `${Math.round(x * 100)}%`);
  const loadedOf = (v: VoiceFigures) => Object.values(v.loaded).reduce((x, l) => x + total(l), 0);
  w.para(`${byDocument ? 'Per document' : 'Per outlet over all its documents'}. Sourced: share of sentences carrying a named speaker\'s words. Claims: the author\'s own judgements, with their mean hedge (0 certain, 1 pure speculation). Markers per 1,000 words: scare quotes and loaded words.`);
  w.table([byDocument ? 'document' : 'outlet', 'docs', 'words', 'direct', 'reported', 'speakers', 'sourced', 'claims (hedge)', 'scare q.', 'loaded', 'hedges', 'intens.', 'per 1k'],
    profiles.map(({ outlet, documents, voice: v }) => [
      clip(outlet, byDocument ? 70 : 40), documents.length, v.words, v.quotes.direct, v.quotes.indirect, v.speakers.length, pct(v.sourcedShare),
      `${v.claims.author}${v.claims.meanHedge !== null ? ` (${v.claims.meanHedge.toFixed(2)})` : ''}`,
      total(v.scareQuotes), loadedOf(v), total(v.hedges), total(v.intensifiers), perThousand(total(v.scareQuotes) + loadedOf(v), v.words),
    ]));
  for (const { outlet, voice: v } of profiles) {
    w.heading(outlet);
    const top = (l: Counted[], n = 10) => l.slice(0, n).map((c) => (c.count > 1 ? `${c.text} ×${c.count}` : c.text)).join(', ');
    w.list([
      `quotes: ${v.speakers.slice(0, 10).map((s) => `${s.name} ${s.direct + s.indirect}`).join(', ') || 'nobody by name'}`,
      `scare quotes: ${top(v.scareQuotes) || 'none'}`,
      ...Object.entries(v.loaded).sort((a, b) => total(b[1]) - total(a[1])).map(([k, l]) => `loaded, ${k}: ${top(l)}`),
      `hedges: ${top(v.hedges) || 'none'}; intensifiers: ${top(v.intensifiers) || 'none'}`,
    ]);
  }
  return w.done();
}
