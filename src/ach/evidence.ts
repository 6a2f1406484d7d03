// The records of one stored document as ACH evidence: its events, quotes and claims, each with
// its id, source (document, outlet, day), sentence and the actors it involves.
import type { Analysis, Modality, PloverType, Span } from '../model/types.ts';
import type { EvidenceKind } from './matrix.ts';

export interface EvidenceItem {
  id: string;                  // DOC:eN, DOC:qN (N-th quote), DOC:cN (N-th claim), as `sitrep game` cites them
  kind: EvidenceKind;
  doc: string;
  outlet?: string;
  title?: string;
  published?: string;
  day?: string;                // the event's time when resolved, else the publication day
  sentence: string;            // the sentence(s) the record rests on
  summary: string;             // who did or said what, in a few words
  actors: Set<string>;         // actor ids in its roles and in its sentence
  codes: Set<string>;          // their CAMEO-shaped codes
  type?: PloverType;
  modality?: Modality;
}

const MODALITY_WORDS: Record<Modality, string> = {
  asserted: 'reported', negated: 'reported NOT to happen', hypothetical: 'hypothetical', recommended: 'recommended', predicted: 'expected',
};

export function evidenceOf(a: Analysis): EvidenceItem[] {
  const name = new Map(a.actors.map((x) => [x.id, x.name]));
  const codeOf = new Map(a.actors.map((x) => [x.id, x.code]));
  const who = (actor: string | undefined, code: string | undefined, text: string | undefined) =>
    `${(actor && name.get(actor)) ?? text ?? '?'}${code ? ` (${code})` : ''}`;
  const base = (id: string, kind: EvidenceKind, span: Span) => {
    const sents = a.sentences.filter((s) => s.start < span.end && span.start < s.end);
    const [from, to] = sents.length ? [sents[0].start, sents[sents.length - 1].end] : [span.start, span.end];
    const actors = new Set<string>();
    const codes = new Set<string>();
    for (const m of a.mentions) if (m.start >= from && m.end <= to) { if (m.actor) actors.add(m.actor); if (m.code) codes.add(m.code); }
    return {
      id, kind, doc: a.doc.id, outlet: a.doc.meta.outlet, title: a.doc.meta.title, published: a.doc.meta.published, day: a.doc.meta.published,
      sentence: a.doc.body.slice(from, to).replace(/\s+/g, ' ').trim(), actors, codes,
    };
  };
  const add = (item: { actors: Set<string>; codes: Set<string> }, actor?: string, code?: string) => {
    if (actor) item.actors.add(actor);
    if (code) item.codes.add(code);
  };
  const out: EvidenceItem[] = [];
  for (const e of a.events) {
    const id = e.id.includes(':') ? e.id : `${a.doc.id}:${e.id}`;
    const item: EvidenceItem = {
      ...base(id, 'event', e), type: e.type, modality: e.modality,
      summary: `${e.type} ${who(e.source?.actor, e.source?.code, e.source?.text)}${e.target ? ` → ${who(e.target.actor, e.target.code, e.target.text)}` : ''}, ${MODALITY_WORDS[e.modality]}`,
    };
    if (e.when?.start) item.day = e.when.start;
    add(item, e.source?.actor, e.source?.code);
    add(item, e.target?.actor, e.target?.code);
    out.push(item);
  }
  a.quotes.forEach((q, i) => {
    const item: EvidenceItem = { ...base(`${a.doc.id}:q${i + 1}`, 'quote', q), summary: `${who(q.speaker, q.speakerCode, q.speakerText ?? 'unnamed speaker')}${q.kind === 'indirect' ? ', reported speech' : ''}: “${q.text.replace(/\s+/g, ' ').trim()}”` };
    add(item, q.speaker, q.speakerCode);
    out.push(item);
  });
  a.claims.forEach((c, i) => {
    const holder = c.holder === 'author' ? 'the author' : (name.get(c.holder) ?? c.holder);
    const item: EvidenceItem = { ...base(`${a.doc.id}:c${i + 1}`, 'claim', c), summary: `claim by ${holder}${c.hedge > 0 ? ` (hedged ${c.hedge.toFixed(2)})` : ''}` };
    if (c.holder !== 'author') item.actors.add(c.holder);
    for (const x of c.about) item.actors.add(x);
    out.push(item);
  });
  for (const item of out) for (const id of item.actors) { const c = codeOf.get(id); if (c) item.codes.add(c); }
  return out;
}
