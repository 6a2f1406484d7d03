// What the system found in one gold document, before any matching: the `documents` entries of
// the eval JSON (FORMAT.md), plus the offsets the scorer needs to find sentences and mentions.
import type { Analysis, CorpusLinks, DocumentMeta, Span } from '../model/types.ts';

export interface SystemActor { id: string; name: string; code: string; kind: string; aliases: string[]; mentions: string[] }
export interface SystemEvent {
  id: string; type: string; source: string | null; target: string | null; modality: string;
  place: string | null; date: string | null; sentence: string; via: string; start: number; end: number;
}
export interface SystemQuote {
  text: string; speaker?: string; speakerId?: string; speakerText?: string; speakerCode?: string;
  kind: string; start: number; end: number;
}
export interface SystemFrame { kind: string; text: string; start: number; end: number }
export interface SystemStoryline { id: string; label: string; sentences: string[]; events: string[] }

/** One `documents` entry of the eval JSON. `error` is set when the document could not be read or analysed. */
export interface SystemDoc {
  file: string;
  id?: string;
  error?: string;
  meta: DocumentMeta;
  body: string;
  actors: SystemActor[];
  events: SystemEvent[];
  quotes: SystemQuote[];
  frames: SystemFrame[];
  storylines: SystemStoryline[];
}

export interface SystemMention extends Span { text: string; actor?: string }

/** A SystemDoc with the offsets the scorer uses to quote sentences and find mentions. */
export interface SystemView {
  doc: SystemDoc;
  sentences: Span[];
  mentions: SystemMention[];
}

/** The view of a document that could not be read or analysed: nothing found. */
export function failedView(file: string, error: string): SystemView {
  return {
    doc: { file, error, meta: {}, body: '', actors: [], events: [], quotes: [], frames: [], storylines: [] },
    sentences: [], mentions: [],
  };
}

function dateOf(when: { start?: string; end?: string } | undefined): string | null {
  if (!when?.start) return null;
  return when.end && when.end !== when.start ? `${when.start}/${when.end}` : when.start;
}

/** Builds the view of one analysed document; `links` gives the storylines its events belong to. */
export function viewOf(file: string, a: Analysis, links?: CorpusLinks): SystemView {
  const body = a.doc.body;
  const sentences: Span[] = a.sentences.map((s) => ({ start: s.start, end: s.end }));
  const sentenceText = (offset: number): string => {
    const s = sentences.find((x) => x.start <= offset && offset < x.end);
    return s ? body.slice(s.start, s.end) : '';
  };
  const actorsById = new Map(a.actors.map((x) => [x.id, x]));
  const mentionTexts = new Map<string, Set<string>>();
  for (const m of a.mentions) {
    if (!m.actor) continue;
    const set = mentionTexts.get(m.actor) ?? new Set<string>();
    set.add(m.text);
    mentionTexts.set(m.actor, set);
  }
  const actors: SystemActor[] = a.actors.map((x) => ({
    id: x.id, name: x.name, code: x.code, kind: x.kind, aliases: [...x.aliases], mentions: [...(mentionTexts.get(x.id) ?? [])],
  }));
  const events: SystemEvent[] = a.events.map((e) => ({
    id: e.id, type: e.type, source: e.source?.code ?? null, target: e.target?.code ?? null, modality: e.modality,
    place: e.place?.text ?? null, date: dateOf(e.when), sentence: sentenceText(e.start), via: e.via, start: e.start, end: e.end,
  }));
  const quotes: SystemQuote[] = a.quotes.map((q) => {
    const speaker = q.speaker ? actorsById.get(q.speaker) : undefined;
    return {
      text: q.text, speaker: speaker?.name ?? q.speakerText, speakerId: q.speaker, speakerText: q.speakerText,
      speakerCode: q.speakerCode ?? speaker?.code, kind: q.kind, start: q.start, end: q.end,
    };
  });
  const frames: SystemFrame[] = a.frames.map((f) => ({ kind: f.kind, text: f.text, start: f.start, end: f.end }));
  const storylines: SystemStoryline[] = [];
  const eventsById = new Map(events.map((e) => [e.id, e]));
  for (const story of links?.storylines ?? []) {
    const mine = story.events.filter((r) => r.doc === a.doc.id && eventsById.has(r.event)).map((r) => r.event);
    if (!mine.length) continue;
    const said = [...new Set(mine.map((id) => eventsById.get(id)!.sentence))];
    storylines.push({ id: story.id, label: story.label, sentences: said, events: mine });
  }
  return {
    doc: { file, id: a.doc.id, meta: { ...a.doc.meta }, body, actors, events, quotes, frames, storylines },
    sentences,
    mentions: a.mentions.map((m) => ({ text: m.text, start: m.start, end: m.end, actor: m.actor })),
  };
}
