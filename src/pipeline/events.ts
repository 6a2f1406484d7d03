// Events stage: PLOVER events from trigger patterns (data/plover/patterns.yaml), with source
// and target from the actor mentions of the sentence, place, time and modality.
import type { Analysis, Event, EventRole, Modality, TimeExpr } from '../model/types.ts';
import type { Stage, PipelineContext } from './stage.ts';
import { matchPatterns, type PatternMatch } from './events/patterns.ts';
import { modalityOf } from './events/modality.ts';
import { hardwareSubject, mentionBefore, nounParticipants, verbParticipants, type RoleContext } from './events/roles.ts';
import { indexMentions, roleOf, country } from './events/mentions.ts';
import { placeAfter } from './events/places.ts';
import { headingSentences } from './events/headings.ts';
import { scoreOf } from './events/types-table.ts';
import { cueTables, isNominal } from './events/cues.ts';
import { findObligations } from './events/obligations.ts';
import { treatyCounterpart } from './events/treaties.ts';
import { ABSORBING, notAnEvent } from './events/filters.ts';

/** Cooperative acts: announcing one ("plans to host") is signalling willingness to cooperate. */
const COOPERATIVE = new Set(['CONSULT', 'SUPPORT', 'COOPERATE', 'AID', 'RETREAT', 'CONCEDE']);

/** Verbal acts: what follows the trigger is what was said, not a condition on saying it. */
const SPEECH_ACTS = new Set(['AGREE', 'REQUEST', 'ACCUSE', 'REJECT', 'THREATEN', 'SUPPORT', 'CONCEDE']);

/** Military acts whose unnamed hardware ("the missiles") belongs to the last actor that moved it. */
const MILITARY = new Set(['MOBILIZE', 'ASSAULT', 'THREATEN']);

export const eventsStage: Stage = {
  name: 'events',
  run(a, ctx) { a.events = findEvents(a, ctx); },
};

export function findEvents(a: Analysis, ctx?: PipelineContext): Event[] {
  const ix = indexMentions(a);
  const headings = headingSentences(a);
  const events: Event[] = [];
  const direct = a.quotes.filter((q) => q.kind === 'direct');
  const inTime = timeTokens(a);
  let pairBefore: [EventRole, EventRole] | undefined;     // the two sides of the last sentence's dyad
  const mover: { role?: EventRole } = {};                  // source of the document's last military act
  for (let s = 0; s < a.sentences.length; s++) {
    if (headings[s]) continue;
    const [from, to] = a.sentences[s].tokens;
    for (const o of findObligations(a, ix, from, to)) events.push(obligationEvent(a, s, o, ix, events.length + 1));
    const matches = matchPatterns(a.tokens, from, to);
    // the dyad a pair phrase ("the two countries") stands for: the last two-sided event of the
    // previous sentence, or one told earlier in this sentence
    let pair = pairBefore;
    pairBefore = undefined;
    if (!matches.length) continue;
    const heads = new Map<number, PatternMatch>();
    for (const m of matches) for (const w of m.words) heads.set(w, m);
    for (const m of matches) {
      for (const e of codeMatch(a, ctx, ix, s, from, to, m, heads, direct, inTime, pair, mover.role)) {
        e.id = `${a.doc.id}:e${events.length + 1}`;
        events.push(e);
        if (MILITARY.has(e.type) && e.source && e.modality !== 'negated') mover.role = e.source;
        if (e.source && e.target && country(e.source.code) !== country(e.target.code)) pair = pairBefore = [e.source, e.target];
      }
    }
  }
  return events;
}

function codeMatch(a: Analysis, ctx: PipelineContext | undefined, ix: ReturnType<typeof indexMentions>, s: number, from: number, to: number,
  m: PatternMatch, heads: Map<number, PatternMatch>, direct: Analysis['quotes'], inTime: Uint8Array, pair?: [EventRole, EventRole],
  mover?: EventRole): Event[] {
  const { tokens } = a;
  const head = tokens[m.first];
  const quote = direct.find((q) => q.start <= head.start && head.end <= q.end);
  let lower = from;
  if (quote) while (lower < to && tokens[lower].start < quote.start) lower++;
  if (notAnEvent(tokens, ix, m, heads, from, to)) return [];
  const found = modalityOf(tokens, m.first, from, to, (i) => heads.has(i) && heads.get(i) !== m, lower, SPEECH_ACTS.has(m.pattern.type),
    (i) => inTime[i] === 1);
  let modality: Modality = found.modality;
  if (found.governor) {
    const g = heads.get(found.governor.token)!;
    if (g.pattern.type === 'REJECT' && found.governor.how === 'infinitive') modality = 'negated';
    else if (ABSORBING.has(g.pattern.type)) return [];
  }
  // "Poland's plans to host a US base": a stated intention to cooperate is itself an AGREE.
  let type = m.pattern.type;
  let cameo = m.pattern.cameo;
  let via = m.pattern.via;
  const top = tokens[found.chainTop];
  if (COOPERATIVE.has(type) && found.chainTop !== m.first && top.pos === 'NOUN' && cueTables().intentNouns.has(top.lemma) && modality !== 'negated') {
    type = 'AGREE'; cameo = '03'; via = `rule:agree/intent (${m.pattern.via})`; modality = 'asserted';
  }
  const c: RoleContext = { a, ix, sentence: s, from: lower, to, quote, words: new Set(m.words), crossThat: m.pattern.type === 'REQUEST',
    placeIsTarget: (SPEECH_ACTS.has(m.pattern.type) && m.pattern.type !== 'SUPPORT') || m.pattern.type === 'ASSAULT',
    selfMoving: m.pattern.type === 'MOBILIZE' || m.pattern.type === 'RETREAT', pair };
  const isNoun = isNominal(tokens, m.first);
  const parts = isNoun ? nounParticipants(c, m.first, m.last, found.chainTop) : verbParticipants(c, m.first, m.last, found.chainTop);
  const hw = isNoun ? undefined : hardwareSubject(tokens, found.chainTop, lower);
  if (m.pattern.hardwareSubject && !hw) return [];
  if (parts.source === undefined && MILITARY.has(type) && hw) {
    // "the new missiles already deployed", "them being placed": the hardware's owner
    const named = hw === 'noun' ? mentionBefore(c, found.chainTop) : undefined;
    if (named !== undefined) { parts.source = named; parts.carried = true; }
    else if (hw && mover) { parts.source = mover; parts.carried = true; }
  }
  if (parts.source === undefined) return [];
  const source: EventRole = typeof parts.source === 'number' ? roleOf(ix, parts.source) : parts.source;
  let targets: EventRole[] = m.pattern.noTarget ? [] : parts.targetRoles ?? parts.targets.map((t) => roleOf(ix, t));
  if (!targets.length && parts.partner !== undefined) targets = [roleOf(ix, parts.partner)];
  targets = targets.filter((t) => t.code !== source.code && !(t.actor && t.actor === source.actor));

  const placeFound = placeAfter(c, m.first, m.pattern.placeTarget);
  let place: Event['place'];
  if (placeFound) {
    const known = ctx?.kb && typeof ctx.kb.place === 'function' ? ctx.kb.place(placeFound.text) : undefined;
    const mentionAt = ix.at[placeFound.first];
    const placeCountry = known?.country ?? (mentionAt >= 0 ? country(ix.mentions[mentionAt].code) : undefined);
    place = { text: placeFound.text, start: placeFound.start, end: placeFound.end, ...(placeCountry && /^[A-Z]{3}$/.test(placeCountry) ? { country: placeCountry } : {}) };
    if (!targets.length && m.pattern.placeTarget && place.country && place.country !== country(source.code)) {
      targets = [{ code: place.country, text: place.text, start: place.start, end: place.end }];
    }
  }

  if (!targets.length) {
    const span = a.doc.body.slice(head.start, Math.min(a.sentences[s].end, tokens[m.last].end + 40));
    const partner = treatyCounterpart(span, country(source.code));
    if (partner) targets = [{ code: partner, text: partner, start: head.start, end: tokens[m.last].end }];
  }
  if (!targets.length && m.pattern.needsTarget) return [];

  const when = nearestTime(a.times, head.start, a.sentences[s].start, a.sentences[s].end);
  const published = a.doc.meta.published;
  if (modality === 'asserted' && when?.value && published && when.value.start > published) modality = 'predicted';

  // "could be shot at any adversary": a capability against whoever, not an event
  if (modality === 'hypothetical' && genericObject(tokens, m.last, to)) return [];

  const score = scoreOf(type, cameo);
  let confidence = m.pattern.confidence + (targets.length ? 0.1 : 0) - (parts.carried ? 0.15 : 0);
  confidence = Math.round(Math.max(0.1, Math.min(0.95, confidence)) * 100) / 100;
  const lastTok = tokens[m.last];
  const sentence = a.sentences[s];
  // One event per target: "sanctions on Iran, Libya and Cuba" are three dyads.
  return (targets.length ? targets : [undefined]).map((target) => ({
    id: '',
    start: sentence.start, end: sentence.end,
    type,
    ...(m.pattern.mode ? { mode: m.pattern.mode } : {}),
    source,
    ...(target ? { target } : {}),
    ...(place ? { place } : {}),
    ...(when ? { when: { text: when.text, ...(when.value ? { start: when.value.start, end: when.value.end } : {}) } } : {}),
    modality,
    cameo: score.cameo,
    goldstein: score.goldstein,
    quadClass: score.quadClass,
    confidence,
    via,
    trigger: { start: head.start, end: lastTok.end, text: a.doc.body.slice(head.start, lastTok.end) },
  }));
}

function obligationEvent(a: Analysis, s: number, o: ReturnType<typeof findObligations>[number], ix: ReturnType<typeof indexMentions>, n: number): Event {
  const score = scoreOf('REQUEST', '10');
  const modal = a.tokens[o.modal];
  const sentence = a.sentences[s];
  const when = nearestTime(a.times, modal.start, sentence.start, sentence.end);
  return {
    id: `${a.doc.id}:e${n}`,
    start: sentence.start, end: sentence.end,
    type: 'REQUEST',
    source: roleOf(ix, o.speaker),
    target: roleOf(ix, o.addressee),
    ...(when ? { when: { text: when.text, ...(when.value ? { start: when.value.start, end: when.value.end } : {}) } } : {}),
    modality: 'asserted',
    cameo: score.cameo, goldstein: score.goldstein, quadClass: score.quadClass,
    confidence: 0.5,
    via: 'rule:request/obligation',
    trigger: { start: modal.start, end: modal.end, text: modal.text },
  };
}

/** The trigger's object (or the object of its own preposition) is quantified by "any": "strike any target". */
function genericObject(tokens: Analysis['tokens'], last: number, to: number): boolean {
  let k = last + 1;
  if (k < to && tokens[k].pos === 'ADP') k++;
  return k < to && (tokens[k].lemma === 'any' || tokens[k].lemma === 'anything' || tokens[k].lemma === 'anyone' || tokens[k].lemma === 'anybody');
}

/** For each token: 1 when it belongs to a time expression. */
function timeTokens(a: Analysis): Uint8Array {
  const marks = new Uint8Array(a.tokens.length);
  let t = 0;
  for (const x of [...a.times].sort((p, q) => p.start - q.start)) {
    while (t < a.tokens.length && a.tokens[t].end <= x.start) t++;
    for (let k = t; k < a.tokens.length && a.tokens[k].start < x.end; k++) marks[k] = 1;
  }
  return marks;
}

/** The time expression of the sentence nearest to the trigger. */
function nearestTime(times: TimeExpr[], at: number, from: number, to: number): TimeExpr | undefined {
  let best: TimeExpr | undefined;
  let bestDistance = Infinity;
  for (const t of times) {
    if (t.start < from || t.end > to) continue;
    const d = Math.abs(t.start - at);
    if (d < bestDistance) { best = t; bestDistance = d; }
  }
  return best;
}
