// Records <-> table rows. Absent optional fields are stored as NULL and come back absent, so
// that a stored Analysis reads back equal to the one that was saved.
import type { ActorsTable, ClaimsTable, EventsTable, FramesTable, MentionsTable, QuotesTable, SentencesTable, TimesTable } from './db.ts';
import type { Actor, ActorKind, Claim, Event, EventRole, Frame, Mention, Modality, NearDuplicate, PloverType, Quote, Sentence, Storyline, TimeExpr } from '../model/types.ts';

type Row = Record<string, unknown>;
type Value = string | number | null;

const json = (v: unknown): string | null => (v === undefined ? null : JSON.stringify(v));
const nul = <T>(v: T | undefined): T | null => (v === undefined ? null : v);
const parse = <T>(v: unknown): T | undefined => (v === null || v === undefined ? undefined : JSON.parse(String(v)) as T);

/** Copies only the keys whose value is not null/undefined. */
function compact<T extends object>(o: { [K in keyof T]: unknown }): T {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(o)) if (v !== null && v !== undefined) out[k] = v;
  return out as T;
}

export function sentenceRow(doc: string, idx: number, s: Sentence): SentencesTable {
  return { doc_id: doc, idx, span_start: s.start, span_end: s.end, tok_first: s.tokens[0], tok_end: s.tokens[1], paragraph: s.paragraph };
}
export function sentenceOf(r: Row): Sentence {
  return { start: r.span_start as number, end: r.span_end as number, tokens: [r.tok_first as number, r.tok_end as number], paragraph: r.paragraph as number };
}

export function actorRow(a: Actor): ActorsTable {
  return {
    id: a.id, name: a.name, kind: a.kind, code: a.code, country: nul(a.country), aliases: JSON.stringify(a.aliases ?? []),
    roles: json(a.roles), memberships: json(a.memberships), is_new: a.isNew === undefined ? null : a.isNew ? 1 : 0,
  };
}
export function actorOf(r: Row): Actor {
  return compact<Actor>({
    id: r.id, name: r.name, kind: r.kind as ActorKind, code: r.code, aliases: parse<string[]>(r.aliases) ?? [],
    country: r.country, roles: parse(r.roles), memberships: parse(r.memberships),
    isNew: r.is_new === null ? undefined : r.is_new === 1,
  });
}

export function mentionRow(doc: string, idx: number, m: Mention): MentionsTable {
  return { doc_id: doc, idx, span_start: m.start, span_end: m.end, text: m.text, actor_id: nul(m.actor), kind: m.kind, code: nul(m.code), role: nul(m.role), via: m.via };
}
export function mentionOf(r: Row): Mention {
  return compact<Mention>({ start: r.span_start, end: r.span_end, text: r.text, actor: r.actor_id, kind: r.kind, code: r.code, role: r.role, via: r.via });
}

export function timeRow(doc: string, idx: number, t: TimeExpr): TimesTable {
  return { doc_id: doc, idx, span_start: t.start, span_end: t.end, text: t.text, value_start: t.value?.start ?? null, value_end: t.value?.end ?? null, via: t.via };
}
export function timeOf(r: Row): TimeExpr {
  return compact<TimeExpr>({
    start: r.span_start, end: r.span_end, text: r.text, via: r.via,
    value: r.value_start === null ? undefined : { start: r.value_start as string, end: r.value_end as string },
  });
}

function roleCols(prefix: string, role: EventRole | undefined): Record<string, Value> {
  return {
    [`${prefix}_actor`]: nul(role?.actor), [`${prefix}_code`]: nul(role?.code), [`${prefix}_text`]: nul(role?.text),
    [`${prefix}_start`]: nul(role?.start), [`${prefix}_end`]: nul(role?.end),
  };
}
function roleOf(r: Row, prefix: string): EventRole | undefined {
  if (r[`${prefix}_start`] === null) return undefined;
  return compact<EventRole>({
    actor: r[`${prefix}_actor`], code: r[`${prefix}_code`], text: r[`${prefix}_text`],
    start: r[`${prefix}_start`], end: r[`${prefix}_end`],
  });
}

export function eventRow(doc: string, idx: number, e: Event): EventsTable {
  return <EventsTable>{
    doc_id: doc, idx, id: e.id, type: e.type, mode: nul(e.mode), context: json(e.context), span_start: e.start, span_end: e.end,
    ...roleCols('source', e.source), ...roleCols('target', e.target),
    place_text: e.place?.text ?? null, place_start: e.place?.start ?? null, place_end: e.place?.end ?? null, place_country: e.place?.country ?? null,
    when_text: e.when?.text ?? null, when_start: e.when?.start ?? null, when_end: e.when?.end ?? null,
    modality: e.modality, cameo: nul(e.cameo), goldstein: nul(e.goldstein), quad_class: nul(e.quadClass), confidence: e.confidence,
    via: e.via, trigger_start: e.trigger.start, trigger_end: e.trigger.end, trigger_text: e.trigger.text,
  };
}
export function eventOf(r: Row): Event {
  return compact<Event>({
    id: r.id, type: r.type as PloverType, mode: r.mode, context: parse<string[]>(r.context), start: r.span_start, end: r.span_end,
    source: roleOf(r, 'source'), target: roleOf(r, 'target'),
    place: r.place_text === null ? undefined
      : compact<NonNullable<Event['place']>>({ text: r.place_text, start: r.place_start, end: r.place_end, country: r.place_country }),
    when: r.when_text === null ? undefined : compact<NonNullable<Event['when']>>({ text: r.when_text, start: r.when_start, end: r.when_end }),
    modality: r.modality as Modality, cameo: r.cameo, goldstein: r.goldstein, quadClass: r.quad_class as Event['quadClass'],
    confidence: r.confidence, via: r.via, trigger: { start: r.trigger_start as number, end: r.trigger_end as number, text: r.trigger_text as string },
  });
}

export function quoteRow(doc: string, idx: number, q: Quote): Omit<QuotesTable, 'search_tsv'> {
  return {
    doc_id: doc, idx, span_start: q.start, span_end: q.end, text: q.text, kind: q.kind,
    speaker_actor: nul(q.speaker), speaker_text: nul(q.speakerText), speaker_code: nul(q.speakerCode), cue: nul(q.cue),
  };
}
export function quoteOf(r: Row): Quote {
  return compact<Quote>({
    start: r.span_start, end: r.span_end, text: r.text, kind: r.kind as Quote['kind'],
    speaker: r.speaker_actor, speakerText: r.speaker_text, speakerCode: r.speaker_code, cue: r.cue,
  });
}

export function claimRow(doc: string, idx: number, c: Claim): ClaimsTable {
  return { doc_id: doc, idx, span_start: c.start, span_end: c.end, text: c.text, holder: c.holder, about: JSON.stringify(c.about), hedge: c.hedge, cues: JSON.stringify(c.cues) };
}
export function claimOf(r: Row): Claim {
  return { start: r.span_start as number, end: r.span_end as number, text: r.text as string, holder: r.holder as string, about: parse<string[]>(r.about) ?? [], hedge: r.hedge as number, cues: parse<string[]>(r.cues) ?? [] };
}

export function frameRow(doc: string, idx: number, f: Frame): FramesTable {
  return { doc_id: doc, idx, span_start: f.start, span_end: f.end, kind: f.kind, text: f.text, category: nul(f.category) };
}
export function frameOf(r: Row): Frame {
  return compact<Frame>({ start: r.span_start, end: r.span_end, kind: r.kind, text: r.text, category: r.category });
}

// Links: provisional = 1 for those a later link pass finds again (src/run/link.ts)
type Member = { doc: string; event: string };
export function eventGroupRow(group: string, idx: number, e: Member, provisional: 0 | 1) {
  return { group_id: group, idx, doc_id: e.doc, event_id: e.event, provisional };
}
export function storylineEventRow(story: string, idx: number, e: Member, provisional: 0 | 1) {
  return { storyline_id: story, idx, doc_id: e.doc, event_id: e.event, provisional };
}
export function nearDuplicateRow(n: NearDuplicate, provisional: 0 | 1) {
  return { doc_id: n.doc, of_doc: n.of, similarity: n.similarity, provisional };
}
/** A storyline's own row: its label, main actors and counts (what a list of storylines shows). */
export function storylineRow(s: Storyline, provisional: 0 | 1) {
  return {
    id: s.id, label: s.label, actors: JSON.stringify(s.actors),
    doc_count: new Set(s.events.map((e) => e.doc)).size, event_count: s.events.length, provisional,
  };
}
