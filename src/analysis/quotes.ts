// What one speaker said across the store, with the sentence and document of each quote. The
// speaker is found as the knowledge base and the linker know it (any name, alias or code, merged
// ids followed), or, for speakers no actor stands for, by the words that named them.
import type { Analysis, Quote } from '../model/types.ts';
import type { Store } from '../store/index.ts';
import { foldDiacritics } from '../text/fold.ts';
import { sentenceText } from './event-lines.ts';
import { outletOf } from './outlets.ts';
import { clip, markdownWriter, textWriter } from './writer.ts';

export interface SpokenQuote {
  text: string; kind: Quote['kind']; cue?: string; speakerText?: string; speakerCode?: string;
  doc: string; title?: string; outlet?: string; published?: string; sentence: string; start: number; end: number;
}
export interface SpeakerRecord { query: string; speakers: { id: string; name: string; code?: string }[]; quotes: SpokenQuote[] }

const fold = (s: string) => foldDiacritics(s).replace(/[’‘]/g, "'").replace(/\s+/g, ' ').trim();

/** Whether the words that named a speaker name this one: the whole query as words in them. */
export function namesSpeaker(speakerText: string | undefined, query: string): boolean {
  if (!speakerText) return false;
  const words = ` ${fold(speakerText).replace(/[^\p{L}\p{N}' -]/gu, ' ').replace(/\s+/g, ' ')} `;
  return words.includes(` ${fold(query)} `);
}

function quoteOf(a: Analysis, q: Quote): SpokenQuote {
  const out: SpokenQuote = { text: q.text, kind: q.kind, doc: a.doc.id, sentence: sentenceText(a, q.start), start: q.start, end: q.end };
  if (q.cue) out.cue = q.cue;
  if (q.speakerText) out.speakerText = q.speakerText;
  if (q.speakerCode) out.speakerCode = q.speakerCode;
  if (a.doc.meta.title) out.title = a.doc.meta.title;
  const outlet = outletOf(a.doc.meta);
  if (outlet) out.outlet = outlet;
  if (a.doc.meta.published) out.published = a.doc.meta.published;
  return out;
}

export async function speakerQuotes(store: Store, query: string): Promise<SpeakerRecord> {
  const links = await store.links();
  const canon = (id: string) => links.sameActor[id] ?? id;
  const actors = await store.findActors(query);
  const ids = new Set(actors.map((a) => canon(a.id)));
  const speakers = new Map(actors.map((a) => [canon(a.id), { id: canon(a.id), name: a.name, ...(a.code ? { code: a.code } : {}) }]));
  const quotes: SpokenQuote[] = [];
  for await (const a of store.analyses()) {
    for (const q of a.quotes) {
      const byActor = q.speaker !== undefined && ids.has(canon(q.speaker));
      // Words alone decide only for speakers no actor stands for, or the query names no actor; then
      // the actor's name counts too ("Fleischer" finds the quotes given to him through "he").
      const actorName = ids.size === 0 && q.speaker ? a.actors.find((x) => x.id === q.speaker)?.name : undefined;
      if (!byActor && !((!q.speaker || ids.size === 0) && (namesSpeaker(q.speakerText, query) || namesSpeaker(actorName, query)))) continue;
      if (!byActor && q.speaker && !speakers.has(canon(q.speaker))) {
        const actor = a.actors.find((x) => x.id === q.speaker);
        speakers.set(canon(q.speaker), { id: canon(q.speaker), name: actor?.name ?? q.speakerText ?? q.speaker, ...(q.speakerCode ? { code: q.speakerCode } : {}) });
      }
      quotes.push(quoteOf(a, q));
    }
  }
  quotes.sort((x, y) => (x.published ?? '~').localeCompare(y.published ?? '~') || x.doc.localeCompare(y.doc) || x.start - y.start);
  return { query, speakers: [...speakers.values()], quotes };
}

export function renderSpeakerQuotes(r: SpeakerRecord, format: 'text' | 'markdown' | 'json'): string {
  if (format === 'json') return JSON.stringify(r, null, 2) + '\n';
  const w = format === 'markdown' ? markdownWriter() : textWriter();
  w.title(`What ${r.speakers.map((s) => s.name).join(' / ') || r.query} said`);
  if (r.quotes.length === 0) {
    w.para(r.speakers.length ? `No quotes of ${r.speakers.map((s) => `${s.name} (${s.id})`).join(', ')} are stored.` : `No speaker named "${r.query}" is quoted in the store.`);
    return w.done();
  }
  const docs = new Set(r.quotes.map((q) => q.doc)).size;
  w.para(`${r.quotes.length} quote${r.quotes.length === 1 ? '' : 's'} in ${docs} document${docs === 1 ? '' : 's'}.`);
  for (const q of r.quotes) {
    const where = [q.outlet, q.published].filter(Boolean).join(', ') || q.title || q.doc;
    w.list([`${q.kind === 'direct' ? `“${clip(q.text, 300)}”` : `(reported) ${clip(q.text, 300)}`} — ${where} [${q.doc} ${q.start}-${q.end}]`]);
    const named = [q.speakerText && `named as “${q.speakerText}”`, q.cue && `cue “${q.cue}”`].filter(Boolean).join(', ');
    w.list([`${named || 'speaker as stored'}; sentence: ${clip(q.sentence, 200)}`], 1);
  }
  return w.done();
}
