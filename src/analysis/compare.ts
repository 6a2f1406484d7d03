// One storyline as each outlet told it, side by side: the storyline's events each tells (with
// their modality), whom each quotes, how much of its text is sourced to named speakers, how much
// is the author's own judgement, and the framing markers each uses. A few rule-made sentences
// sum up the difference, so that an analyst sees at a glance who reports and who argues.
import type { Analysis, CorpusLinks, Modality, Storyline } from '../model/types.ts';
import type { Store } from '../store/index.ts';
import { foldDiacritics } from '../text/fold.ts';
import { dyadText, eventLine, MODALITY_WORDS, type EventLine } from './event-lines.ts';
import { documentVoice, outletLabel, perThousand, sumVoices, total, type Counted, type VoiceFigures } from './outlets.ts';
import { clip, markdownWriter, textWriter, type Writer } from './writer.ts';

export interface OutletTelling {
  outlet: string;
  documents: { id: string; title?: string; published?: string }[];
  /** The storyline's events told in this outlet's documents. */
  events: EventLine[];
  modalities: Partial<Record<Modality, number>>;
  /** Voices and framing over the whole of the documents that tell the storyline. */
  voice: VoiceFigures;
}

export interface Comparison {
  storyline: { id: string; label: string; actors: string[] };
  outlets: OutletTelling[];
  /** Rule-made sentences: how each outlet tells it, and what they share. */
  summary: string[];
}

const fold = (s: string) => foldDiacritics(s).replace(/\s+/g, ' ').trim();

/** The storyline named by its id, its whole label, or a part of its label (one match only). */
export function findStoryline(links: CorpusLinks, query: string): Storyline {
  const q = fold(query);
  const byId = links.storylines.find((s) => s.id === query);
  if (byId) return byId;
  const exact = links.storylines.filter((s) => fold(s.label) === q);
  if (exact.length === 1) return exact[0];
  const partial = links.storylines.filter((s) => fold(s.label).includes(q) || fold(s.id).includes(q));
  if (partial.length === 1) return partial[0];
  // Several: the one told by the most documents, when it is the only one so told.
  const docs = (s: Storyline) => new Set(s.events.map((e) => e.doc)).size;
  const ranked = [...(exact.length ? exact : partial)].sort((a, b) => docs(b) - docs(a));
  if (ranked.length > 1 && docs(ranked[0]) > docs(ranked[1])) return ranked[0];
  if (ranked.length === 0) {
    // No label holds the words as one phrase: the storyline sharing the most of them, if one does.
    const words = (x: string) => new Set(fold(x).split(/[^\p{L}\p{N}]+/u).filter((w) => w.length > 2));
    const wanted = words(query);
    const scored = links.storylines.map((s) => ({ s, n: [...words(s.label)].filter((w) => wanted.has(w)).length }))
      .filter((x) => x.n > 0).sort((a, b) => b.n - a.n || docs(b.s) - docs(a.s));
    if (scored.length === 1 || (scored.length > 1 && (scored[0].n > scored[1].n || docs(scored[0].s) > docs(scored[1].s)))) return scored[0].s;
    const known = links.storylines.filter((s) => docs(s) > 1).map((s) => `${s.id} (${s.label})`).slice(0, 20);
    throw new Error(`no storyline matches "${query}"${known.length ? `; storylines across documents: ${known.join(', ')}` : ''}`);
  }
  throw new Error(`"${query}" matches several storylines: ${ranked.slice(0, 20).map((s) => `${s.id} (${s.label})`).join(', ')}`);
}

/** What one document contributes to any comparison: read and measured once per run. */
interface DocTelling { a: Analysis; voice: VoiceFigures }

export async function compareStoryline(store: Store, query: string, known?: CorpusLinks, cache = new Map<string, DocTelling | null>()): Promise<Comparison> {
  const links = known ?? await store.links();
  const story = findStoryline(links, query);
  const canon = (id: string) => links.sameActor[id] ?? id;
  const byDoc = new Map<string, Set<string>>();
  for (const e of story.events) (byDoc.get(e.doc) ?? byDoc.set(e.doc, new Set()).get(e.doc)!).add(e.event);
  const groups = new Map<string, { docs: OutletTelling['documents']; events: EventLine[]; voices: VoiceFigures[] }>();
  const names = new Map<string, string>();
  for (const [doc, events] of byDoc) {
    if (!cache.has(doc)) {
      const found = await store.getAnalysis(doc);
      cache.set(doc, found ? { a: found, voice: documentVoice(found, canon) } : null);
    }
    const told = cache.get(doc);
    if (!told) continue;
    const { a, voice } = told;
    for (const x of a.actors) names.set(canon(x.id), x.name);
    const key = outletLabel(a);
    const g = groups.get(key) ?? { docs: [], events: [], voices: [] };
    g.docs.push({ id: a.doc.id, ...(a.doc.meta.title ? { title: a.doc.meta.title } : {}), ...(a.doc.meta.published ? { published: a.doc.meta.published } : {}) });
    const actors = new Map(a.actors.map((x) => [x.id, x]));
    g.events.push(...a.events.filter((e) => events.has(e.id)).map((e) => eventLine(a, e, actors)));
    g.voices.push(voice);
    groups.set(key, g);
  }
  const outlets: OutletTelling[] = [...groups.entries()].map(([outlet, g]) => {
    const modalities: OutletTelling['modalities'] = {};
    for (const e of g.events) modalities[e.modality] = (modalities[e.modality] ?? 0) + 1;
    return { outlet, documents: g.docs, events: g.events, modalities, voice: sumVoices(g.voices) };
  }).sort((x, y) => x.outlet.localeCompare(y.outlet));
  return {
    storyline: { id: story.id, label: story.label, actors: story.actors.map((id) => names.get(canon(id)) ?? id) },
    outlets,
    summary: summarise(outlets),
  };
}

/** A voice is "sourced" when a fifth of its sentences carry named speakers' words, or three
 *  named speakers speak; it is the author's when a third of its sentences are judgements or its
 *  framing markers are dense. */
const SOURCED_SHARE = 0.2;
const SOURCED_SPEAKERS = 3;
const CLAIM_SHARE = 0.3;
const DENSE_MARKERS = 10;   // scare quotes and loaded words per 1,000 words

function markers(v: VoiceFigures): number {
  return total(v.scareQuotes) + Object.values(v.loaded).reduce((x, l) => x + total(l), 0);
}

function plural(n: number, one: string, many = one + 's'): string {
  return `${n} ${n === 1 ? one : many}`;
}

const pct = (x: number | null) => (x === null ? '–' : `${Math.round(x * 100)}%`);

function top(list: Counted[], n: number): string {
  return list.slice(0, n).map((c) => (c.count > 1 ? `${c.text} ×${c.count}` : c.text)).join(', ');
}

function modalityText(m: OutletTelling['modalities']): string {
  return (Object.entries(m) as [Modality, number][]).map(([k, n]) => `${n} ${MODALITY_WORDS[k]}`).join(', ');
}

function voiceSentence(o: OutletTelling): string {
  const v = o.voice;
  const speakers = v.speakers.length;
  const sourced = (v.sourcedShare ?? 0) >= SOURCED_SHARE || speakers >= SOURCED_SPEAKERS;
  const judging = v.sentences > 0 && v.claims.author / v.sentences >= CLAIM_SHARE;
  const dense = perThousand(markers(v), v.words) >= DENSE_MARKERS;
  const how = sourced && !(judging && dense) ? 'mainly through its sources'
    : judging || dense ? "mainly in the author's own voice" : 'in plain report, with few sources';
  const voices = v.quotes.direct + v.quotes.indirect === 0 ? 'quotes nobody'
    : `quotes ${plural(speakers, 'named speaker')} (${plural(v.quotes.direct, 'direct quote')}, ${plural(v.quotes.indirect, 'reported statement')})${speakers ? `: ${v.speakers.slice(0, 6).map((s) => s.name).join(', ')}` : ''}`;
  const loadedCats = Object.entries(v.loaded).sort((a, b) => total(b[1]) - total(a[1])).slice(0, 3)
    .map(([k, l]) => `${k} (${top(l, 4)})`).join('; ');
  return `${o.outlet} tells it ${how}: ${voices}; ${pct(v.sourcedShare)} of its sentences are sourced to a named speaker; `
    + `${plural(v.claims.author, 'sentence')} of the author's own judgement${v.claims.meanHedge !== null ? ` (mean hedge ${v.claims.meanHedge.toFixed(2)})` : ''}; `
    + `${plural(total(v.scareQuotes), 'scare quote')} and ${plural(markers(v) - total(v.scareQuotes), 'loaded word')} (${perThousand(markers(v), v.words)} per 1,000 words)`
    + `${loadedCats ? `, chiefly ${loadedCats}` : ''}; it tells ${plural(o.events.length, 'event')} of the storyline${o.events.length ? ` (${modalityText(o.modalities)})` : ''}.`;
}

/** The most sourced outlet against the one that leans most on its own judgement. */
function contrast(outlets: OutletTelling[]): string {
  const density = (o: OutletTelling) => perThousand(markers(o.voice), o.voice.words);
  const judging = (o: OutletTelling) => (o.voice.sentences ? o.voice.claims.author / o.voice.sentences : 0);
  const sourced = [...outlets].sort((a, b) => (b.voice.sourcedShare ?? 0) - (a.voice.sourcedShare ?? 0) || b.voice.speakers.length - a.voice.speakers.length)[0];
  const author = [...outlets].filter((o) => o !== sourced).sort((a, b) => judging(b) + density(b) / 100 - (judging(a) + density(a) / 100))[0];
  const side = (o: OutletTelling) => `${o.outlet} lets ${plural(o.voice.speakers.length, 'named speaker')} speak (${pct(o.voice.sourcedShare)} of sentences sourced), `
    + `judges in ${o.voice.claims.author} of ${o.voice.sentences} sentences and uses ${density(o)} scare quotes and loaded words per 1,000 words`;
  return `In contrast: ${side(sourced)}; ${side(author)}.`;
}

/** Which kinds of event (type and pair of actors) every outlet tells, and which only one does. */
function eventContrast(outlets: OutletTelling[]): string[] {
  const key = (e: EventLine) => `${e.type} ${[e.source?.name, e.target?.name].filter(Boolean).join(' → ') || '?'}${e.modality === 'asserted' ? '' : ` (${MODALITY_WORDS[e.modality]})`}`;
  const told = outlets.map((o) => new Set(o.events.map(key)));
  const all = [...new Set(told.flatMap((x) => [...x]))];
  const common = all.filter((k) => told.every((x) => x.has(k)));
  const lines = [common.length ? `Told by every outlet: ${common.join('; ')}.` : 'No event of the storyline is told the same way (same type, same actors) by every outlet.'];
  outlets.forEach((o, i) => {
    const own = [...told[i]].filter((k) => told.every((x, j) => j === i || !x.has(k)));
    if (own.length) lines.push(`Only ${o.outlet} tells: ${own.join('; ')}.`);
  });
  return lines;
}

function summarise(outlets: OutletTelling[]): string[] {
  const lines = outlets.map(voiceSentence);
  if (outlets.length < 2) return lines;
  lines.push(contrast(outlets));
  lines.push(...eventContrast(outlets));
  const quotedBy = new Map<string, Set<string>>();
  for (const o of outlets) for (const s of o.voice.speakers) (quotedBy.get(s.name) ?? quotedBy.set(s.name, new Set()).get(s.name)!).add(o.outlet);
  const shared = [...quotedBy.entries()].filter(([, set]) => set.size > 1).map(([n]) => n);
  lines.push(shared.length ? `Speakers quoted by more than one outlet: ${shared.join(', ')}.` : 'No speaker is quoted by more than one outlet.');
  const terms = new Map<string, Set<string>>();
  for (const o of outlets) for (const c of o.voice.scareQuotes) (terms.get(c.text.toLowerCase()) ?? terms.set(c.text.toLowerCase(), new Set()).get(c.text.toLowerCase())!).add(o.outlet);
  const sharedTerms = [...terms.entries()].filter(([, s]) => s.size > 1).map(([t]) => `“${t}”`);
  if (sharedTerms.length) lines.push(`Scare quotes used by more than one outlet: ${sharedTerms.join(', ')}.`);
  return lines;
}

function write(c: Comparison, w: Writer): string {
  w.title(`Storyline: ${c.storyline.label}`);
  const docs = c.outlets.reduce((x, o) => x + o.documents.length, 0);
  w.para(`Storyline ${c.storyline.id}, about ${c.storyline.actors.join(', ') || 'unknown actors'}: told by ${plural(c.outlets.length, 'outlet')} in ${plural(docs, 'document')}. Figures of voices and framing cover the whole of each document that tells it.`);
  w.heading('In short');
  w.list(c.summary);
  w.heading('Side by side');
  const row = (label: string, f: (o: OutletTelling) => string | number) => [label, ...c.outlets.map(f)];
  w.table(['', ...c.outlets.map((o) => clip(o.outlet, 40))], [
    row('documents', (o) => o.documents.length),
    row('words', (o) => o.voice.words),
    row('events of the storyline', (o) => `${o.events.length}${o.events.length ? ` (${modalityText(o.modalities)})` : ''}`),
    row('direct quotes', (o) => o.voice.quotes.direct),
    row('reported statements', (o) => o.voice.quotes.indirect),
    row('named speakers', (o) => o.voice.speakers.length),
    row('sentences sourced to a named speaker', (o) => `${o.voice.sourcedSentences} of ${o.voice.sentences} (${pct(o.voice.sourcedShare)})`),
    row("author's claims (mean hedge)", (o) => `${o.voice.claims.author}${o.voice.claims.meanHedge !== null ? ` (${o.voice.claims.meanHedge.toFixed(2)})` : ''}`),
    row('scare quotes', (o) => total(o.voice.scareQuotes)),
    row('loaded words', (o) => markers(o.voice) - total(o.voice.scareQuotes)),
    row('scare quotes + loaded per 1,000 words', (o) => perThousand(markers(o.voice), o.voice.words)),
    row('hedges', (o) => total(o.voice.hedges)),
    row('intensifiers', (o) => total(o.voice.intensifiers)),
  ]);
  for (const o of c.outlets) {
    w.heading(o.outlet);
    w.list(o.documents.map((d) => `${d.title ?? d.id}${d.published ? `, ${d.published}` : ''} [${d.id}]`));
    w.para('Events of the storyline it tells:');
    w.list(o.events.length ? o.events.map((e) => `${e.type} ${dyadText(e)}, ${MODALITY_WORDS[e.modality]}: “${clip(e.sentence, 140)}”`) : ['none'], 1);
    w.para('Whom it quotes:');
    w.list(o.voice.speakers.length ? o.voice.speakers.map((s) => `${s.name}${s.code ? ` (${s.code})` : ''}: ${[s.direct && plural(s.direct, 'direct quote'), s.indirect && plural(s.indirect, 'reported statement')].filter(Boolean).join(', ')}`) : ['nobody by name'], 1);
    w.para('Framing markers:');
    const loaded = Object.entries(o.voice.loaded).sort((a, b) => total(b[1]) - total(a[1])).map(([k, l]) => `loaded, ${k} (${total(l)}): ${top(l, 12)}`);
    w.list([
      `scare quotes (${total(o.voice.scareQuotes)}): ${o.voice.scareQuotes.map((s) => `“${s.text}”${s.count > 1 ? ` ×${s.count}` : ''}`).join(', ') || 'none'}`,
      ...loaded,
      `hedges (${total(o.voice.hedges)}): ${top(o.voice.hedges, 12) || 'none'}`,
      `intensifiers (${total(o.voice.intensifiers)}): ${top(o.voice.intensifiers, 12) || 'none'}`,
    ], 1);
  }
  return w.done();
}

export function renderComparison(c: Comparison, format: 'text' | 'markdown' | 'json'): string {
  if (format === 'json') return JSON.stringify(c, null, 2) + '\n';
  return write(c, format === 'markdown' ? markdownWriter() : textWriter());
}

/** For the report: the comparison of each of these storylines that more than one outlet tells. */
export async function storylineComparisons(store: Store, ids: string[], max = 10): Promise<Comparison[]> {
  const links = await store.links();
  const out: Comparison[] = [];
  const cache = new Map<string, DocTelling | null>();
  for (const id of ids) {
    if (out.length >= max) break;
    if (!links.storylines.some((s) => s.id === id)) continue;
    const c = await compareStoryline(store, id, links, cache);
    if (c.outlets.length > 1) out.push(c);
  }
  return out;
}

/** The report's section: per storyline, the rule-made summary of how each outlet tells it. */
export function writeComparisons(w: Writer, comparisons: Comparison[]): void {
  w.heading('How each outlet tells each storyline');
  if (comparisons.length === 0) { w.para('No storyline is told by more than one outlet.'); return; }
  for (const c of comparisons) {
    w.para(`${c.storyline.label} (${c.storyline.id}; sitrep compare for the details):`);
    w.list(c.summary);
  }
}
