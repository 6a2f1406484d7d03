// An event as the views show it: who did what to whom, when, where, how certain, in which words.
import type { Actor, Analysis, Event, Modality } from '../model/types.ts';

export interface RoleLine { code: string; name: string; actor?: string; text: string }

export interface EventLine {
  id: string;
  doc: string;
  date?: string;             // resolved start day, or the publication day when `dateFrom` says so
  dateEnd?: string;
  dateFrom?: 'text' | 'published';
  type: string;
  modality: Modality;
  source?: RoleLine;
  target?: RoleLine;
  place?: string;
  cameo?: string;
  goldstein?: number;
  quadClass?: number;
  trigger: string;
  sentence: string;
  via: string;
  alsoTold?: string[];       // ids of other mentions of the same event (in the report)
}

/** How each modality reads in a report: nothing but `asserted` is told as having happened. */
export const MODALITY_WORDS: Record<Modality, string> = {
  asserted: 'reported',
  negated: 'reported NOT to happen',
  hypothetical: 'hypothetical only',
  recommended: 'recommended only',
  predicted: 'expected only',
};

export function sentenceText(a: Analysis, start: number): string {
  const s = a.sentences.find((x) => x.start <= start && start < x.end);
  return s ? a.doc.body.slice(s.start, s.end).replace(/\s+/g, ' ') : '';
}

function role(r: Event['source'], actors: Map<string, Actor>): RoleLine | undefined {
  if (!r) return undefined;
  const actor = r.actor ? actors.get(r.actor) : undefined;
  return { code: r.code, name: actor?.name ?? r.text, ...(r.actor ? { actor: r.actor } : {}), text: r.text };
}

export function eventLine(a: Analysis, e: Event, actors = new Map(a.actors.map((x) => [x.id, x]))): EventLine {
  const line: EventLine = {
    id: e.id, doc: a.doc.id, type: e.type, modality: e.modality, trigger: e.trigger.text,
    sentence: sentenceText(a, e.trigger.start), via: e.via,
  };
  if (e.when?.start) Object.assign(line, { date: e.when.start, dateEnd: e.when.end ?? e.when.start, dateFrom: 'text' });
  else if (a.doc.meta.published && e.modality === 'asserted') Object.assign(line, { date: a.doc.meta.published, dateFrom: 'published' });
  const source = role(e.source, actors);
  const target = role(e.target, actors);
  if (source) line.source = source;
  if (target) line.target = target;
  if (e.place) line.place = e.place.text;
  if (e.cameo) line.cameo = e.cameo;
  if (e.goldstein !== undefined) line.goldstein = e.goldstein;
  if (e.quadClass !== undefined) line.quadClass = e.quadClass;
  return line;
}

/** "Poland (POLGOV) → United States (USA)". */
export function dyadText(l: Pick<EventLine, 'source' | 'target'>): string {
  const r = (x?: RoleLine) => (x ? `${x.name} (${x.code})` : '?');
  return l.target ? `${r(l.source)} → ${r(l.target)}` : r(l.source);
}
