// Events stage: PLOVER events from trigger patterns (data/plover/patterns.yaml), with source
// and target from the actor mentions of the sentence, place, time and modality.
import type { Analysis, Event, EventRole, Modality, PloverType, TimeExpr } from '../model/types.ts';
import type { Stage, PipelineContext } from './stage.ts';
import { matchPatterns, type PatternMatch } from './events/patterns.ts';
import { modalityOf } from './events/modality.ts';
import { forceCueIn, groupSector, isCrowdNoun, isUtteranceNoun } from './events/roles.ts';
import { betweenPair, betweenSecond, conditionSubject, hardwareSubject, isSupportVerb, mentionBefore, nounParticipants, verbParticipants, type RoleContext } from './events/roles.ts';
import { indexMentions, roleOf, country, precededBy } from './events/mentions.ts';
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

const STOP = new Set([',', ';', '.', ':']);

/** Force used, shown or coercion done on another country's ground targets that country: "fired at targets in Jericho", "troops on alert in Lebanon", "reimposed blockades in the West Bank". */
const ON_PLACE = new Set(['ASSAULT', 'MOBILIZE', 'COERCE']);

/** The country of a place name the knowledge base knows; one function per context. */
const placeLookups = new WeakMap<PipelineContext, (name: string) => string | undefined>();
function placeLookup(ctx: PipelineContext): (name: string) => string | undefined {
  let f = placeLookups.get(ctx);
  if (!f) {
    f = (name: string) => {
      const known = ctx.kb.place(name);
      return known?.country && /^[A-Z]{3}$/.test(known.country) ? known.country : undefined;
    };
    placeLookups.set(ctx, f);
  }
  return f;
}

/** Acts done together: a coordinated subject names the partner, not a second source. */
const SYMMETRIC = new Set(['CONSULT', 'COOPERATE', 'AGREE']);

/** Acts that answer another's act: their target is that act's author ("rejected Poland's offer"). */
const REPLIES = new Set(['REJECT', 'CONCEDE', 'SUPPORT', 'ACCUSE']);

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
  const byHead = new Map<number, Event[]>();               // this sentence's events by the first word of their trigger
  const partners = new Map<string, EventRole>();           // per country part: the other side of its last two-sided event
  // a complement absorbed by the act that governs it lends that act its target
  const absorb = (governor: number, targets: EventRole[], author?: EventRole): void => {
    for (const e of byHead.get(governor) ?? []) {
      if (e.target) continue;
      const answered = author && REPLIES.has(e.type) && country(author.code) !== country(e.source!.code) ? [author] : targets;
      const mine = answered.filter((t) => country(t.code) !== country(e.source!.code));
      if (!mine.length) continue;
      e.target = mine[0];
      for (const t of mine.slice(1)) events.push({ ...e, target: t, id: `${a.doc.id}:e${events.length + 1}` });
    }
  };
  for (let s = 0; s < a.sentences.length; s++) {
    if (headings[s]) continue;
    const [from, to] = a.sentences[s].tokens;
    const firstOfSentence = events.length;
    for (const o of findObligations(a, ix, from, to)) events.push(obligationEvent(a, s, o, ix, events.length + 1));
    // "its long-threatened invasion", "US-backed": a hyphenated modifier is no act and governs none
    const matches = matchPatterns(a.tokens, from, to, (i) => inTime[i] === 1).filter((m) => !hyphenated(a.tokens, m.first, from));
    // the dyad a pair phrase ("the two countries") stands for: the last two-sided event of the
    // previous sentence, or one told earlier in this sentence
    let pair = pairBefore;
    pairBefore = undefined;
    if (!matches.length) continue;
    const heads = new Map<number, PatternMatch>();
    for (const m of matches) for (const w of m.words) heads.set(w, m);
    byHead.clear();
    for (const m of matches) {
      for (const e of codeMatch(a, ctx, ix, s, from, to, m, heads, direct, inTime, pair, mover.role, absorb, partners)) {
        e.id = `${a.doc.id}:e${events.length + 1}`;
        events.push(e);
        const told = byHead.get(m.first);
        if (told) told.push(e); else byHead.set(m.first, [e]);
        if (MILITARY.has(e.type) && e.source && e.modality !== 'negated') mover.role = e.source;
        if (e.source && e.target && country(e.source.code) !== country(e.target.code)) {
          pair = pairBefore = [e.source, e.target];
          partners.set(country(e.source.code), e.target);
          partners.set(country(e.target.code), e.source);
        }
      }
    }
    dropUntargetedRepeats(events, firstOfSentence);
  }
  events.forEach((e, i) => { e.id = `${a.doc.id}:e${i + 1}`; });
  return events;
}

function codeMatch(a: Analysis, ctx: PipelineContext | undefined, ix: ReturnType<typeof indexMentions>, s: number, from: number, to: number,
  m: PatternMatch, heads: Map<number, PatternMatch>, direct: Analysis['quotes'], inTime: Uint8Array, pair?: [EventRole, EventRole],
  mover?: EventRole, absorb?: (governor: number, targets: EventRole[], author?: EventRole) => void,
  partners?: Map<string, EventRole>): Event[] {
  const { tokens } = a;
  const head = tokens[m.first];
  const quote = direct.find((q) => q.start <= head.start && head.end <= q.end);
  let lower = from;
  if (quote) while (lower < to && tokens[lower].start < quote.start) lower++;
  if (notAnEvent(tokens, ix, m, heads, from, to)) return [];
  if (mannerOfAct(tokens, m, heads, lower)) return [];
  if (m.pattern.type === 'REQUEST' && purposeOfProtest(tokens, m, heads)) return [];
  const found = modalityOf(tokens, m.first, from, to, (i) => heads.has(i) && heads.get(i) !== m, lower, SPEECH_ACTS.has(m.pattern.type),
    (i) => inTime[i] === 1, m.pattern.type === 'PROTEST');
  let modality: Modality = found.modality;
  let absorbedBy: number | undefined;
  if (found.governor) {
    const g = heads.get(found.governor.token)!;
    // "refused to meet": the meeting did not happen; but "refused to answer a demand": the demand did
    if (g.pattern.type === 'REJECT' && found.governor.how === 'infinitive' && (!isNominal(tokens, m.first) || carriedBySupportVerb(tokens, m.first, lower))) modality = 'negated';
    else if (ABSORBING.has(g.pattern.type)) absorbedBy = g.first;
    // "resigned to allow elections", "sent equipment to help defend": the purpose of another act is not yet done;
    // but force used to coerce ("opened fire to disperse demonstrators") is the coercion done
    else if (found.governor.how === 'infinitive' && m.pattern.type !== 'PROTEST' && !(ATTEMPTABLE.has(m.pattern.type) && ATTEMPTABLE.has(g.pattern.type))
      && modality !== 'negated' && modality !== 'recommended') modality = 'hypothetical';
  }
  // "tried to hack", "attempted to assassinate": an attempt at force or coercion is itself the act
  if (modality === 'hypothetical' && ATTEMPTABLE.has(m.pattern.type) && found.cues.length && found.cues.every((w) => ATTEMPT.test(w))) modality = 'asserted';
  // "the army prepared to resume shelling", "troops poised to attack": force made ready is a show of force
  let prepared = false;
  if (m.pattern.type === 'ASSAULT' && preparedFor(tokens, found.chainTop, lower)) { prepared = true; modality = 'asserted'; }
  // "Poland's plans to host a US base": a stated intention to cooperate is itself an AGREE.
  let type = m.pattern.type;
  let cameo = m.pattern.cameo;
  let via = m.pattern.via;
  if (prepared) { type = 'MOBILIZE'; cameo = '15'; via = `rule:mobilize/prepared (${via})`; }
  // "the deployment of NATO peacekeeping troops": peacekeeping is protection given (CAMEO 074), aid
  if (type === 'MOBILIZE' && peacekeepers(tokens, m, lower, to)) { type = 'AID'; cameo = '07'; via = `rule:aid/peacekeeping (${via})`; }
  // "is ready to attack", "vowed to impose a blockade": willingness to use force is a threat, not an offer
  if (type === 'AGREE' && hostileComplement(tokens, m, heads, to)) { type = 'THREATEN'; cameo = '13'; via = `rule:threaten/hostile intent (${via})`; }
  const top = tokens[found.chainTop];
  if (COOPERATIVE.has(type) && found.chainTop !== m.first && top.pos === 'NOUN' && cueTables().intentNouns.has(top.lemma) && modality !== 'negated') {
    type = 'AGREE'; cameo = '03'; via = `rule:agree/intent (${m.pattern.via})`; modality = 'asserted';
  }
  const c: RoleContext = { a, ix, sentence: s, from: lower, to, quote, words: new Set(m.words), crossThat: m.pattern.type === 'REQUEST',
    placeIsTarget: (SPEECH_ACTS.has(m.pattern.type) && m.pattern.type !== 'SUPPORT') || ON_PLACE.has(m.pattern.type) || m.pattern.placeTarget,
    placeCountry: ctx?.kb && typeof ctx.kb.place === 'function' ? placeLookup(ctx) : undefined,
    selfMoving: m.pattern.type === 'MOBILIZE' || m.pattern.type === 'RETREAT', pair, ofIsTarget: DONE_TO.has(m.pattern.type),
    notPassive: m.pattern.notPassive, mediator: m.pattern.mediator, fromIsSource: SPEECH_ACTS.has(m.pattern.type) };
  // "used tear gas": a verb right after a verb that only carries it is a mis-tagged noun
  const isNoun = isNominal(tokens, m.first) || (head.pos === 'VERB' && m.first - 1 >= lower && tokens[m.first - 1].pos === 'VERB' && isSupportVerb(tokens[m.first - 1]));
  const parts = isNoun ? nounParticipants(c, m.first, m.last, found.chainTop) : verbParticipants(c, m.first, m.last, found.chainTop);
  // "police dispersed demonstrators protesting the results": a participle right after a noun
  // has that noun phrase as its subject; when it names no actor, the act's author is unknown
  // ("issued a declaration demanding": a statement says what its issuer says; "vetoed a
  // resolution censuring": what the vetoer rejects is not the vetoer's word)
  const uttered = m.first - 1 >= lower && isUtteranceNoun(tokens[m.first - 1].text) && issuedBySubject(tokens, m.first - 1, lower);
  if (!isNoun && /ing$/i.test(head.text) && m.first - 1 >= lower && tokens[m.first - 1].pos === 'NOUN' && inTime[m.first - 1] !== 1 && !uttered) {
    let k = m.first - 1;
    let named = -1;
    while (k >= lower && k > m.first - 5 && (tokens[k].pos === 'NOUN' || tokens[k].pos === 'ADJ' || tokens[k].pos === 'PROPN')) { if (ix.at[k] >= 0) { named = ix.at[k]; break; } k--; }
    if (named >= 0) parts.source = named;
    else if (type === 'PROTEST' && isCrowdNoun(tokens[m.first - 1].text)) parts.source = undefined;
    else return [];
  }
  // "demonstrators protesting in Monrovia", "thousands rallied in Minsk": an unnamed crowd that
  // protests at a known place is civilians of that place's country
  // ("opposition leaders agreed to postpone the rally in Baku": an unnamed group of a sector likewise)
  // ("thousands of activists staged rallies in Minsk": the subject of the verb that carries a nominal act)
  // ("began a hunger strike": a nominal trigger whose first word is tagged an adjective is carried too)
  const carried = supportVerbBefore(tokens, m.first, lower);
  const carrier = isNoun ? carried : carried >= 0 ? carried : m.first;
  const sector = parts.source === undefined && carrier >= 0 ? unnamedSubject(tokens, carrier, lower, type === 'PROTEST') : undefined;
  if (sector) {
    let where: { country?: string; text: string; start: number; end: number } | undefined = placeOf(c, ctx, m) ?? placeInSentence(c, ctx);
    // "fundamentalists began a hunger strike to demand the resignation of the Algerian president":
    // a crowd told with no place protests at home, against the state its protest names
    if (!where?.country && type === 'PROTEST' && sector === 'CVL') where = protestedState(c, m.last);
    if (where?.country) { parts.source = { code: `${where.country}${sector}`, text: where.text, start: where.start, end: where.end }; parts.carried = true; }
  }
  if (m.pattern.mediator) {
    // "a mediation effort between the Emirates and Saudi Arabia": both sides are targets
    let at = m.last + 1;
    while (at < to && at < m.last + 8 && tokens[at].lemma !== 'between' && !STOP.has(tokens[at].text)) at++;
    const sides = at < to && tokens[at].lemma === 'between' ? betweenPair({ ...c, mediator: false }, at - 1) : undefined;
    if (sides && typeof sides.source === 'number') { parts.targets = [sides.source, ...sides.targets]; parts.targetRoles = undefined; }
  }
  if (absorbedBy !== undefined) {
    // "promised to continue military aid to Mozambique": no event of its own, but its target is the promise's
    // "rejected Poland's offer", "denied the accusations made by Israel": a reply targets the author of what it answers
    const author = isNoun && parts.source !== undefined ? (typeof parts.source === 'number' ? roleOf(ix, parts.source) : parts.source) : undefined;
    let lent = parts.targetRoles ?? parts.targets.map((t) => roleOf(ix, t));
    // "agreed to set up a centre in Tokyo": the place of what is agreed to, when it names no one
    if (!lent.length) { const p = placeOf(c, ctx, m); if (p?.country) lent = [{ code: p.country, text: p.text, start: p.start, end: p.end }]; }
    if (!m.pattern.noTarget) absorb?.(absorbedBy, lent, author);
    return [];
  }
  const hw = isNoun ? undefined : hardwareSubject(tokens, found.chainTop, lower);
  if (m.pattern.hardwareSubject && !hw) return [];
  // "peacekeeping troops arrived in Sierra Leone": forces that arrive are no visitors
  if (hw === 'noun' && type === 'CONSULT' && m.pattern.placeTarget) return [];
  if (parts.source === undefined && MILITARY.has(type) && hw && !(parts.passive && type === 'ASSAULT')) {
    // "the new missiles already deployed", "them being placed": the hardware's owner
    const named = hw === 'noun' ? mentionBefore(c, found.chainTop) : undefined;
    if (named !== undefined) { parts.source = named; parts.carried = true; }
    else if (hw && mover) { parts.source = mover; parts.carried = true; }
  }
  // "a roadside bomb near Samarra killed two US soldiers", "gunmen shot dead three policemen in
  // Kirkuk", "a journalist was killed in Beirut": force whose author the text leaves unknown, told
  // by its verb or against a named victim, is coded as unidentified armed forces (UAF) of the
  // country where it struck
  let unidentified = false;
  if (parts.source === undefined && type === 'ASSAULT' && modality === 'asserted'
    && ((!isNoun && !inRelativeClause(tokens, found.chainTop, lower)) || parts.targets.length || parts.targetRoles?.length)) {
    const where = placeInSentence(c, ctx);
    if (where) { parts.source = { code: `${where.country}UAF`, text: where.text, start: where.start, end: where.end }; parts.carried = true; unidentified = true; }
  }
  if (parts.source === undefined) return [];
  let source: EventRole = typeof parts.source === 'number' ? roleOf(ix, parts.source) : parts.source;
  // "ethnic Albanians demonstrated in Serbia": an ethnic group acts as civilians of where it lives
  if (typeof parts.source === 'number' && ix.mentions[parts.source].first > from && isWordAt(tokens, ix.mentions[parts.source].first - 1, 'ethnic')) {
    const home = placeOf(c, ctx, m)?.country ?? placeInSentence(c, ctx)?.country;
    if (home && home !== country(source.code)) source = { code: `${home}CVL`, text: source.text, start: source.start, end: source.end };
  } else if (typeof parts.source === 'number') {
    // "the Albanians of southern Serbia", "Russians in Latvia": a people named with where it lives
    const e = ix.mentions[parts.source];
    const people = /s$/i.test(tokens[e.last].text) && (tokens[e.last].pos === 'PROPN' || tokens[e.last].pos === 'NOUN');
    let k = e.last + 1;
    if (people && k < to && (tokens[k].lemma === 'of' || tokens[k].lemma === 'in')) {
      k++;
      while (k < to && (tokens[k].pos === 'ADJ' || tokens[k].pos === 'DET' || (tokens[k].pos === 'VERB' && /ed$/i.test(tokens[k].text)))) k++;
      const at = k < to ? ix.at[k] : -1;
      // ("of the Israeli-occupied West Bank": a hyphenated modifier is not the place)
      const home = at >= 0 && !hyphenated(tokens, ix.mentions[at].last + 1, from) && tokens[ix.mentions[at].last + 1]?.text !== '-' ? country(ix.mentions[at].code) : undefined;
      if (home && /^[A-Z]{3}$/.test(home) && home !== country(source.code) && e.code.length === 3) source = { code: `${home}CVL`, text: source.text, start: source.start, end: source.end };
    }
  }
  let targets: EventRole[] = m.pattern.noTarget ? [] : parts.targetRoles ?? parts.targets.map((t) => roleOf(ix, t));
  // "Belarus and Poland discussed": the second is the partner; "Latvia and Lithuania condemned Russia": both act
  let cosource: EventRole | undefined;
  // "French and Egyptian warships launched war games": exercises held together are military cooperation
  const withPartner = targets.length > 0 && targets[0].start > 0 && /\bwith\s+(the\s+)?$/i.test(a.doc.body.slice(Math.max(0, targets[0].start - 10), targets[0].start));
  if (type === 'MOBILIZE' && m.pattern.mode === 'exercise' && (parts.partner !== undefined || withPartner)) { type = 'COOPERATE'; cameo = '062'; via = `rule:cooperate/joint (${via})`; }
  if (!targets.length && parts.partner !== undefined) targets = [roleOf(ix, parts.partner)];
  else if (parts.partner !== undefined && !SYMMETRIC.has(type)) cosource = roleOf(ix, parts.partner);
  targets = targets.filter((t) => t.code !== source.code && !(t.actor && t.actor === source.actor));

  const place = placeOf(c, ctx, m);
  if (place) {
    if (!targets.length && (m.pattern.placeTarget || ON_PLACE.has(type) || ON_PLACE.has(m.pattern.type)) && !m.pattern.noTarget && place.country && place.country !== country(source.code)) {
      targets = [{ code: place.country, text: place.text, start: place.start, end: place.end }];
    }
  }

  // "complained to the UN over Israeli air raids": a complaint is against whom it is about, not whom it is made to
  if (type === 'ACCUSE' && targets.length === 1 && precededByWord(tokens, targets[0].start, 'to')) {
    const about = aboutWhom(c, m.last, country(source.code));
    if (about) targets = [about];
  }
  // "agreed to set up a centre in Tokyo", "refused to allow UN planes to land": an undertaking
  // or refusal is towards whoever (or wherever) what it undertakes names
  if (!targets.length && TO_COMPLEMENT.has(type) && !m.pattern.noTarget) {
    targets = complementTargets(c, m.last, country(source.code));
  }
  if (!targets.length) {
    const span = a.doc.body.slice(head.start, Math.min(a.sentences[s].end, tokens[m.last].end + 40));
    const partner = treatyCounterpart(span, country(source.code));
    if (partner) targets = [{ code: partner, text: partner, start: head.start, end: tokens[m.last].end }];
  }
  // "pressuring its ally": the other side of the source's last two-sided event
  if (!targets.length && partners && relationalObject(tokens, m.last, to)) {
    const other = partners.get(country(source.code));
    if (other) targets = [other];
  }
  if (!targets.length && m.pattern.needsTarget) return [];
  // with no victim from elsewhere, only where the text tells deliberate force ("a car bomb",
  // "gunmen"): "twenty people were killed near Kyiv" may be anyone's doing, or no one's
  if (unidentified && targets.every((t) => country(t.code) === country(source.code)) && !forceCueIn(tokens, lower, to)) return [];
  // a threat targets whoever its condition names: "threatened to stop talks if the US goes ahead"
  if (!targets.length && type === 'THREATEN') { const t = threatTarget(c, m.last, source); if (t) targets = [t]; }

  let when = nearestTime(a.times, head.start, a.sentences[s].start, a.sentences[s].end);
  const published = a.doc.meta.published;
  if (modality === 'asserted' && when?.value && published && when.value.start > published) modality = 'predicted';
  // "will host Sweden in mid-April": a month without a year, read as past, is next year's for a predicted act
  if (modality === 'predicted' && when?.value && published && when.value.end < published && !/\d{4}/.test(when.text) && /[A-Za-z]/.test(when.text)
    && MONTH_NAME.test(when.text)) {
    when = { ...when, value: { start: nextYear(when.value.start), end: nextYear(when.value.end) } };
  }

  // "could be shot at any adversary": a capability against whoever, not an event
  if (modality === 'hypothetical' && genericObject(tokens, m.last, to)) return [];

  let confidence = m.pattern.confidence + (targets.length ? 0.1 : 0) - (parts.carried ? 0.15 : 0);
  confidence = Math.round(Math.max(0.1, Math.min(0.95, confidence)) * 100) / 100;
  const lastTok = tokens[m.last];
  const sentence = a.sentences[s];
  // "Portugal will support Turkey", "Nigeria will withdraw its force unless...": the act is
  // predicted, and its announcement is an act of its own, done: intent to cooperate (AGREE) or a
  // threat (THREATEN).
  // "he said he would be ready to host a meeting": a willingness told in the actor's own report is
  // signalled now (backshifted "will"), as a warning is itself asserted
  if (type === 'AGREE' && modality === 'hypothetical' && found.cues.length && found.cues.every((w) => w.toLowerCase() === 'would')
    && reporterBefore(c, found.chainTop) === 'self') modality = 'asserted';
  const intentType = m.pattern.noIntent ? undefined : intentOf(type, modality, found, c, targets.length > 0) ?? refusalOf(type, modality, found);
  let intentTargets = targets;
  if (intentType === 'THREATEN' && !targets.length) { const t = threatTarget(c, m.last, source); intentTargets = t ? [t] : []; }
  // "will evacuate the settlements in Gaza": an intention towards the place's country
  if (intentType && !intentTargets.length && place?.country && place.country !== country(source.code)) {
    intentTargets = [{ code: place.country, text: place.text, start: place.start, end: place.end }];
  }
  const base: EventBase = {
    start: sentence.start, end: sentence.end, mode: m.pattern.mode, place,
    when: when ? (when.value ? { text: when.text, start: when.value.start, end: when.value.end } : { text: when.text }) : undefined,
    confidence,
    trigger: { start: head.start, end: lastTok.end, text: a.doc.body.slice(head.start, lastTok.end) },
  };
  // One event per source and target: "sanctions on Iran, Libya and Cuba" are three dyads.
  const out: Event[] = [];
  const sources = cosource ? [source, cosource] : [source];
  addEvents(out, base, type, cameo, via, modality, sources, targets);
  if (intentType) {
    const code = intentType === 'AGREE' ? '03' : intentType === 'REJECT' ? '12' : type === 'ASSAULT' || type === 'MOBILIZE' ? '138' : '13';
    addEvents(out, base, intentType, code, `rule:${intentType.toLowerCase()}/${intentType === 'REJECT' ? 'refusal' : 'intent'} (${via})`, 'asserted', sources, intentTargets);
  }
  return out;
}

/** What the events of one trigger share. */
interface EventBase { start: number; end: number; mode?: string; place?: Event['place']; when?: Event['when']; confidence: number; trigger: Event['trigger'] }

function addEvents(out: Event[], base: EventBase, type: PloverType, cameo: string | undefined, via: string,
  modality: Modality, sources: EventRole[], targets: EventRole[]): void {
  const score = scoreOf(type, cameo);
  for (const source of sources) {
    // a target of the source's own country is no target: the event is coded without one
    const others = targets.filter((t) => country(t.code) !== country(source.code));
    for (const target of others.length ? others : [undefined]) {
      const e: Event = { id: '', start: base.start, end: base.end, type, source, modality, cameo: score.cameo, goldstein: score.goldstein,
        quadClass: score.quadClass, confidence: base.confidence, via, trigger: base.trigger };
      if (base.mode) e.mode = base.mode;
      if (target) e.target = target;
      if (base.place) e.place = base.place;
      if (base.when) e.when = base.when;
      out.push(e);
    }
  }
}

/**
 * "US attacks have killed al-Qaeda leaders", "rejected the plan and opposed the deployment": an
 * act told twice in one sentence, once with its target and once without, is one event.
 */
function dropUntargetedRepeats(events: Event[], first: number): void {
  const targeted = new Set<string>();
  for (let i = first; i < events.length; i++) {
    const e = events[i];
    if (e.target && e.source) targeted.add(`${e.type} ${country(e.source.code)} ${e.modality}`);
  }
  if (!targeted.size) return;
  for (let i = events.length - 1; i >= first; i--) {
    const e = events[i];
    if (!e.target && e.source && targeted.has(`${e.type} ${country(e.source.code)} ${e.modality}`)) events.splice(i, 1);
  }
}

/**
 * "wounded two soldiers in a bomb attack", "were arrested during a raid": a noun of the same type
 * in a phrase of manner or occasion after a verbal trigger tells how that act was done, not another act.
 */
function mannerOfAct(tokens: Analysis['tokens'], m: PatternMatch, heads: Map<number, PatternMatch>, lower: number): boolean {
  if (!isNominal(tokens, m.first)) return false;
  let k = m.first - 1;
  while (k >= lower && k > m.first - 5 && (tokens[k].pos === 'DET' || tokens[k].pos === 'ADJ' || tokens[k].pos === 'NOUN' || tokens[k].pos === 'NUM' || tokens[k].text === '-')) k--;
  if (k < lower || !MANNER_PREPS.has(tokens[k].lemma)) return false;
  for (let j = k - 1; j >= lower && j > k - 15; j--) {
    if (tokens[j].text === ';') return false;
    const h = heads.get(j);
    // an active verb only: "were killed in a Russian attack" leaves the author to the noun
    if (h && h.first === j && h !== m && h.pattern.type === m.pattern.type && tokens[j].pos === 'VERB') return !passiveAt(tokens, j, lower);
  }
  return false;
}
function passiveAt(tokens: Analysis['tokens'], j: number, lower: number): boolean {
  for (let k = j - 1; k >= lower && k >= j - 3; k--) {
    if (tokens[k].lemma === 'be' || tokens[k].lemma === 'get') return true;
    if (tokens[k].pos !== 'ADV') return false;
  }
  return false;
}
const MANNER_PREPS = new Set(['in', 'during', 'with', 'through']);

/** "issued a statement", "sent a letter": the utterance noun at k is the object of a verb that puts it out. */
function issuedBySubject(tokens: Analysis['tokens'], k: number, lower: number): boolean {
  for (let j = k - 1; j >= lower && j > k - 5; j--) {
    if (tokens[j].pos === 'VERB') return ISSUE_VERBS.has(tokens[j].lemma);
    if (!(tokens[j].pos === 'DET' || tokens[j].pos === 'ADJ' || tokens[j].pos === 'NUM' || tokens[j].pos === 'NOUN')) return false;
  }
  return false;
}
const ISSUE_VERBS = new Set(['issue', 'release', 'publish', 'send', 'deliver', 'make', 'read', 'post', 'adopt', 'pass', 'put', 'give', 'write', 'sign', 'submit', 'table', 'broadcast']);

/**
 * The sector of the act's unnamed subject, the noun right before it ("demonstrators protesting")
 * or the clause's subject ("Thousands of people rallied", "Leaders of the opposition coalition
 * agreed"): a group noun's sector, or civilians (CVL) for a crowd when the act is a protest.
 */
function unnamedSubject(tokens: Analysis['tokens'], head: number, lower: number, protest: boolean): string | undefined {
  for (let k = head - 1; k >= lower && k > head - 12; k--) {
    const t = tokens[k];
    if (t.pos === 'NOUN' || t.pos === 'PROPN' || t.pos === 'ADJ') {
      const sector = groupSector(t.text);
      if (sector) return sector;
      // ("Thousands of activists": a crowd word opening the sentence is tagged as a name;
      // "Islamic fundamentalists", "ethnic Turks": a plural for people by its ending or its capital)
      if (protest && (t.pos === 'NOUN' || t.pos === 'PROPN') && (isCrowdNoun(t.text) || PEOPLE_PLURAL.test(t.text)
        || (t.pos === 'PROPN' && /^\p{Lu}\p{Ll}+s$/u.test(t.text) && k > lower))) return 'CVL';
    }
    if ((t.pos === 'PUNCT' && t.text !== '-' && t.text !== '(' && t.text !== ')') || t.pos === 'VERB' || t.lemma === 'be') return undefined;
  }
  return undefined;
}

/** "where 28 people have been killed", "who were taken hostage": the verb chain at `top` is in a relative clause (background, not news). */
function inRelativeClause(tokens: Analysis['tokens'], top: number, lower: number): boolean {
  for (let k = top - 1; k >= lower && k > top - 10; k--) {
    const t = tokens[k];
    if (RELATIVE_WORDS.has(t.lemma) && (t.pos === 'PRON' || t.pos === 'ADV' || t.pos === 'DET' || t.pos === 'SCONJ')) return true;
    if (t.pos === 'VERB' || (t.pos === 'PUNCT' && t.text !== '-')) return false;
  }
  return false;
}
const RELATIVE_WORDS = new Set(['where', 'who', 'whom', 'which', 'that', 'whose', 'when']);

/** Plurals that name people by their ending: "fundamentalists", "Christians", "nationalists", "landowners". */
const PEOPLE_PLURAL = /^\p{L}{3,}(ists|ians|ans|ers|ites)$/iu;

/** The country of the first state named after the trigger: whom a protest is against. */
function protestedState(c: RoleContext, last: number): { country: string; text: string; start: number; end: number } | undefined {
  for (let k = last + 1; k < c.to; k++) {
    if (c.a.tokens[k].text === ';') return undefined;
    const at = c.ix.at[k];
    if (at < 0) continue;
    const e = c.ix.mentions[at];
    const code = country(e.code);
    if (/^[A-Z]{3}$/.test(code)) return { country: code, text: e.mention.text, start: e.mention.start, end: e.mention.end };
    k = e.last;
  }
  return undefined;
}

function hyphenated(tokens: Analysis['tokens'], k: number, from: number): boolean {
  return k > from && tokens[k - 1].text === '-' && !tokens[k - 1].space;
}

function isWordAt(tokens: Analysis['tokens'], k: number, w: string): boolean {
  return k >= 0 && k < tokens.length && tokens[k].text.toLowerCase() === w;
}

/** The first place of the sentence whose country is known: "near the town of Samarra", "in Beirut", "the Iraqi city of Basra". */
function placeInSentence(c: RoleContext, ctx: PipelineContext | undefined): { country: string; text: string; start: number; end: number } | undefined {
  const { tokens } = c.a;
  for (let k = c.from; k < c.to; k++) {
    const m = c.ix.at[k];
    if (m >= 0) {
      const e = c.ix.mentions[m];
      // "the Iraqi city of Basra", "in Lebanon": a country named as where, not who
      // but "in a Russian attack": a name that modifies a noun is no place
      const modifies = e.last + 1 < c.to && tokens[e.last + 1].pos === 'NOUN' && !/^(city|town|village|province|region|capital)$/i.test(tokens[e.last + 1].text);
      if (((precededBy(tokens, e.first, c.from, PLACE_WORDS) || inPlacePhrase(tokens, e.first, c.from)) && !modifies) || (e.last + 1 < c.to && /^(city|town|village|province|region|capital)$/i.test(tokens[e.last + 1].text))) {
        const code = country(e.code);
        if (/^[A-Z]{3}$/.test(code)) return { country: code, text: e.mention.text, start: e.mention.start, end: e.mention.end };
      }
      k = e.last;
      continue;
    }
    if (!PLACE_WORDS.has(tokens[k].lemma) || !c.placeCountry) continue;
    let a = k + 1;
    while (a < c.to && (tokens[a].pos === 'DET' || (tokens[a].pos === 'NOUN' && /^(town|city|village|province|region)$/i.test(tokens[a].text)) || tokens[a].lemma === 'of')) a++;
    // "in a residential sector of mostly Christian eastern Beirut": through a part of a place
    const through = placePhraseEnd(tokens, k + 1, c.to);
    if (through > a && tokens[through].pos === 'PROPN') a = through;
    let b = a;
    while (b < c.to && tokens[b].pos === 'PROPN' && c.ix.at[b] < 0) b++;
    if (b === a) continue;
    const text = c.a.doc.body.slice(tokens[a].start, tokens[b - 1].end);
    const code = c.placeCountry(text);
    if (code) return { country: code, text, start: tokens[a].start, end: tokens[b - 1].end };
  }
  return undefined;
}
const PLACE_WORDS = new Set(['in', 'near', 'outside', 'at', 'inside']);

/** Nouns for a part of a place: "a residential sector of", "the outskirts of", "the heart of". */
const PLACE_PARTS = new Set(['sector', 'part', 'parts', 'district', 'suburb', 'suburbs', 'outskirts', 'area', 'quarter', 'neighbourhood',
  'neighborhood', 'centre', 'center', 'heart', 'city', 'town', 'village', 'province', 'region', 'south', 'north', 'east', 'west']);

/**
 * From token k after a place word, past a part of a place and its modifiers ("a residential sector
 * of mostly Christian eastern"): the index of the first token after that phrase, or k when there is none.
 */
function placePhraseEnd(tokens: Analysis['tokens'], k: number, to: number): number {
  let j = k;
  let part = false;
  for (let n = 0; j < to && n < 10; j++, n++) {
    const t = tokens[j];
    if (t.pos === 'DET' || t.pos === 'ADJ' || t.pos === 'ADV' || t.pos === 'NUM') continue;
    // ("of mostly Christian eastern Beirut": a capitalised modifier before another)
    if (part && t.pos === 'PROPN' && j + 1 < to && tokens[j + 1].pos === 'ADJ') continue;
    if (t.pos === 'NOUN' && PLACE_PARTS.has(t.text.toLowerCase()) && j + 1 < to && tokens[j + 1].lemma === 'of') { part = true; j++; continue; }
    break;
  }
  return part ? j : k;
}

/** The name at `first` ends a place phrase opened by a place word: "in a residential sector of eastern Beirut". */
function inPlacePhrase(tokens: Analysis['tokens'], first: number, from: number): boolean {
  for (let k = first - 1; k >= from && k > first - 12; k--) {
    if (PLACE_WORDS.has(tokens[k].lemma)) return placePhraseEnd(tokens, k + 1, first + 1) === first;
    if (!(tokens[k].pos === 'DET' || tokens[k].pos === 'ADJ' || tokens[k].pos === 'ADV' || tokens[k].pos === 'NUM' || tokens[k].pos === 'PROPN' || tokens[k].lemma === 'of'
      || (tokens[k].pos === 'NOUN' && PLACE_PARTS.has(tokens[k].text.toLowerCase())))) return false;
  }
  return false;
}

/** Where the trigger's event happened ("in Warsaw", "came to Brest"), with the place's country when known. */
function placeOf(c: RoleContext, ctx: PipelineContext | undefined, m: PatternMatch): Event['place'] {
  const found = placeAfter(c, m.first, m.pattern.placeTarget);
  if (!found) return undefined;
  const known = ctx?.kb && typeof ctx.kb.place === 'function' ? ctx.kb.place(found.text) : undefined;
  const mentionAt = c.ix.at[found.first];
  const placeCountry = known?.country ?? (mentionAt >= 0 ? country(c.ix.mentions[mentionAt].code) : undefined);
  const place: NonNullable<Event['place']> = { text: found.text, start: found.start, end: found.end };
  if (placeCountry && /^[A-Z]{3}$/.test(placeCountry)) place.country = placeCountry;
  return place;
}

/** The "to ..." complement right after the trigger is a hostile material act: "ready to attack", "vowed to blockade". */
function hostileComplement(tokens: Analysis['tokens'], m: PatternMatch, heads: Map<number, PatternMatch>, to: number): boolean {
  let k = m.last;
  if (tokens[k].lemma !== 'to') { k++; while (k < to && tokens[k].pos === 'ADV') k++; if (!(k < to && tokens[k].lemma === 'to')) return false; }
  for (let j = k + 1; j < to && j <= k + 3; j++) {
    const h = heads.get(j);
    // stationing forces may be at a host's invitation: only force, coercion and sanctions threaten
    if (h && h.first === j) return THREATENING.has(h.pattern.type);
    if (tokens[j].pos !== 'ADV' && tokens[j].lemma !== 'resume' && tokens[j].lemma !== 'launch' && tokens[j].lemma !== 'carry') return false;
  }
  return false;
}

const THREATENING = new Set(['ASSAULT', 'COERCE', 'SANCTION']);

/** The forces the trigger moves are peacekeepers: "peacekeeper(s)", "peacekeeping force" within its phrase. */
function peacekeepers(tokens: Analysis['tokens'], m: PatternMatch, lower: number, to: number): boolean {
  for (let k = Math.max(lower, m.first - 4); k < Math.min(to, m.last + 6); k++) {
    if (k > m.last && (tokens[k].pos === 'PUNCT' || tokens[k].pos === 'VERB')) break;
    if (/^peace-?keep/i.test(tokens[k].text)) return true;
  }
  return false;
}

/** Acts whose attempt is coded as the act (CAMEO codes attempted assassinations and raids as such). */
const ATTEMPTABLE = new Set(['ASSAULT', 'COERCE']);
const ATTEMPT = /^(try|tries|tried|trying|attempt|attempts|attempted|attempting)$/i;

/** "prepared to (resume) shelling", "poised to attack", "readying to strike": up to three words before the act's verb chain. */
function preparedFor(tokens: Analysis['tokens'], top: number, lower: number): boolean {
  for (let k = top - 1, n = 0; k >= lower && n < 4; k--, n++) {
    const t = tokens[k];
    if (t.pos === 'PUNCT') return false;
    if (PREPARE.has(t.lemma) || PREPARE.has(t.text.toLowerCase())) return true;
  }
  return false;
}
const PREPARE = new Set(['prepare', 'prepared', 'preparing', 'poised', 'ready', 'readying', 'gear']);

/** The index of the token that starts at `start`, or -1: tokens are in order of their starts. */
function tokenStartingAt(tokens: Analysis['tokens'], start: number): number {
  let lo = 0, hi = tokens.length;
  while (lo < hi) { const mid = (lo + hi) >> 1; if (tokens[mid].start < start) lo = mid + 1; else hi = mid; }
  return lo < tokens.length && tokens[lo].start === start ? lo : -1;
}

/** The word right before the token that starts at `start` is `word`. */
function precededByWord(tokens: Analysis['tokens'], start: number, word: string): boolean {
  let k = tokenStartingAt(tokens, start);
  if (k <= 0) return false;
  k--;
  while (k > 0 && tokens[k].pos === 'DET') k--;
  return tokens[k].lemma === word;
}

/** "over Israeli air raids", "about Russia's troop build-up": the other actor a complaint is about, within its clause. */
function aboutWhom(c: RoleContext, last: number, own: string): EventRole | undefined {
  const { tokens } = c.a;
  for (let k = last + 1, n = 0; k < c.to && n < 14; k++, n++) {
    if (COMPLEMENT_END.has(tokens[k].lemma) || COMPLEMENT_END.has(tokens[k].text.toLowerCase())) return undefined;
    if (!ABOUT.has(tokens[k].lemma)) continue;
    for (let j = k + 1; j < c.to && j <= k + 5; j++) {
      const m = c.ix.at[j];
      if (m >= 0) return country(c.ix.mentions[m].code) !== own ? roleOf(c.ix, m) : undefined;
      if (!(tokens[j].pos === 'DET' || tokens[j].pos === 'ADJ' || tokens[j].pos === 'NUM' || tokens[j].pos === 'NOUN')) break;
    }
    return undefined;
  }
  return undefined;
}
const ABOUT = new Set(['over', 'about', 'against', 'at']);

/** Acts whose "to ..." complement says what is undertaken or refused, and so whom it is towards. */
const TO_COMPLEMENT = new Set(['AGREE', 'REJECT', 'CONCEDE']);

/** Words that end the complement of an undertaking: a new clause, a report, a condition or a purpose of its own. */
const COMPLEMENT_END = new Set([',', ';', '.', ':', 'who', 'whom', 'which', 'whose', 'because', 'while', 'but', 'although', 'though', 'despite',
  'after', 'before', 'until', 'if', 'unless', 'as', 'say', 'said', 'when', 'where']);

/**
 * "agreed to set up a centre in Tokyo" -> Japan, "is willing to send material to help defend Saudi
 * Arabia" -> Saudi Arabia: the first other actor, else the first place of another country, that
 * the "to ..." complement right after the trigger names before its clause ends.
 */
function complementTarget(c: RoleContext, last: number, own: string): EventRole | undefined {
  const { tokens } = c.a;
  let k = last + 1;
  while (k < c.to && tokens[k].pos === 'ADV') k++;
  if (!(k < c.to && tokens[k].lemma === 'to')) {
    // the trigger itself may end in "to" ("agree to", "willing to", "refuse to" as a pattern word)
    if (tokens[last].lemma !== 'to') return undefined;
    k = last;
  }
  for (let j = k + 1, n = 0; j < c.to && n < 25; j++, n++) {
    const t = tokens[j];
    if (COMPLEMENT_END.has(t.lemma) || COMPLEMENT_END.has(t.text.toLowerCase())) break;
    const m = c.ix.at[j];
    if (m >= 0) {
      const code = c.ix.mentions[m].code;
      if (country(code) !== own) return roleOf(c.ix, m);
      j = c.ix.mentions[m].last;
      continue;
    }
    if (c.placeCountry && PLACE_PREPS_IN.has(t.lemma) && j + 1 < c.to) {
      let a = j + 1;
      if (tokens[a].pos === 'DET') a++;
      let b = a;
      while (b < c.to && tokens[b].pos === 'PROPN' && c.ix.at[b] < 0) b++;
      if (b > a) {
        const text = c.a.doc.body.slice(tokens[a].start, tokens[b - 1].end);
        const code = c.placeCountry(text);
        if (code && code !== own) return { code, text, start: tokens[a].start, end: tokens[b - 1].end };
      }
    }
  }
  return undefined;
}
const PLACE_PREPS_IN = new Set(['in', 'at', 'near']);

/** The target of the complement, and the second side when it is the first side of a "between" pair. */
function complementTargets(c: RoleContext, last: number, own: string): EventRole[] {
  const first = complementTarget(c, last, own);
  if (!first) return [];
  // "ready to host a meeting between an Israeli peace movement and the PLO": both sides
  const at = tokenStartingAt(c.a.tokens, first.start);
  const second = at >= 0 && c.ix.at[at] >= 0 ? betweenSecond(c, c.ix.at[at]) : undefined;
  return second !== undefined && country(c.ix.mentions[second].code) !== own && country(c.ix.mentions[second].code) !== country(first.code)
    ? [first, roleOf(c.ix, second)] : [first];
}

/** "threatened to stop talks if the United States goes ahead": the threat targets the condition's subject. */
function threatTarget(c: RoleContext, last: number, source: EventRole): EventRole | undefined {
  const t = conditionSubject(c, last);
  return t !== undefined && country(c.ix.mentions[t].code) !== country(source.code) ? roleOf(c.ix, t) : undefined;
}

/** Acts done to someone: "the blockade of Serbia", "the condemnation of Israel" name the target after "of". */
const DONE_TO = new Set(['ASSAULT', 'COERCE', 'SANCTION', 'ACCUSE', 'SUPPORT', 'REJECT', 'AID']);

/**
 * "blocked roads to demand reforms", "rallied, demanding his resignation", "a demonstration
 * calling for": a demand that is the purpose of a protest is what the protest is about.
 */
function purposeOfProtest(tokens: Analysis['tokens'], m: PatternMatch, heads: Map<number, PatternMatch>): boolean {
  const head = tokens[m.first];
  const before = m.first > 0 ? tokens[m.first - 1] : undefined;
  const purpose = (before && isWordTo(before)) || (head.pos === 'VERB' && /ing$/i.test(head.text)) || (head.pos === 'NOUN' && before?.pos === 'PRON');
  if (!purpose) return false;
  for (const [k, h] of heads) {
    if (k !== h.first || h.pattern.type !== 'PROTEST' || h.last >= m.first || m.first - h.last > 16) continue;
    let broken = false;
    for (let j = h.last + 1; j < m.first; j++) if (tokens[j].text === ';' || tokens[j].lemma === 'say') broken = true;
    if (!broken) return true;
  }
  return false;
}

function isWordTo(t: Analysis['tokens'][number]): boolean {
  return t.lemma === 'to' && (t.pos === 'PART' || t.pos === 'ADP');
}

/** Hostile material acts: announcing one is a threat. */
const HOSTILE = new Set(['PROTEST', 'SANCTION', 'MOBILIZE', 'COERCE', 'ASSAULT']);

/**
 * The type of the declaration an act's modality implies, if any: "X will visit Y" is also X's
 * stated intention to cooperate (AGREE); "X will impose a curfew unless ..." a threat. Only when
 * the actor itself declares it: not under another actor's report ("analysts say Russia will
 * attack"), nor under hopes and fears.
 */
function intentOf(type: PloverType, modality: Modality, found: ReturnType<typeof modalityOf>, c: RoleContext, hasTarget: boolean): PloverType | undefined {
  const conditional = found.cues.some((w) => /^(if|unless)$/i.test(w));
  // "the EU may halt mediation if cooperation founders": a hostile act held out on a condition is a threat
  const heldOut = conditional && modality === 'hypothetical' && (HOSTILE.has(type) || type === 'RETREAT') && found.cues.some((w) => /^(may|might|could|can)$/i.test(w));
  if (!found.intent && !heldOut && !(modality === 'hypothetical' && found.cues.includes('would'))) return undefined;
  if (modality !== 'predicted' && modality !== 'hypothetical') return undefined;
  // "will withdraw its force unless ...": a cooperative move held back on a condition is a threat
  const kind: PloverType | undefined = HOSTILE.has(type) || (type === 'RETREAT' && conditional) ? 'THREATEN' : COOPERATIVE.has(type) ? 'AGREE' : undefined;
  if (!kind) return undefined;
  // "plans to deploy a brigade", "will march tomorrow": a show of force or protest threatens nobody in particular
  if ((type === 'MOBILIZE' || type === 'PROTEST') && !hasTarget && !conditional) return undefined;
  const blocking = cueTables().sentenceWords;
  if (found.cues.some((w) => blocking.has(w.toLowerCase()))) return undefined;
  // the report the act sits in, if any: its speaker must be the actor
  const speaker = reporterBefore(c, found.chainTop);
  if (speaker === 'other') return undefined;
  // a condition the writer muses on ("Russia could attack if ...") is no threat: it must be someone's word
  if (heldOut && !found.intent && speaker !== 'self' && !reportedByNamed(c, found.chainTop)) return undefined;
  if (!found.intent && !heldOut && speaker !== 'self') return undefined;     // "would" is a declaration only in the actor's own report
  return kind;
}

/** "..., Dutch Foreign Minister Hans van den Broek said": a report after the act, by a named actor. */
function reportedByNamed(c: RoleContext, top: number): boolean {
  const { tokens } = c.a;
  const report = cueTables().reportVerbs;
  for (let k = top + 1; k < c.to; k++) {
    if (tokens[k].text !== ',') continue;
    for (let r = k + 1; r < Math.min(c.to, k + 10); r++) {
      if (tokens[r].pos !== 'VERB' || !report.has(tokens[r].lemma)) continue;
      for (let j = k + 1; j < Math.min(c.to, r + 6); j++) if (c.ix.at[j] >= 0) return true;
      return false;
    }
  }
  return false;
}

function leftOfVerb(tokens: Analysis['tokens'], k: number, from: number): number {
  let j = k - 1;
  while (j >= from && (tokens[j].pos === 'ADV' || tokens[j].pos === 'AUX' || tokens[j].pos === 'PART')) j--;
  return j;
}

/**
 * "will not accept", "would not meet their demands", "failed to reach agreement": a cooperative
 * act its actor declines is, besides the act negated, a rejection that took place.
 */
function refusalOf(type: PloverType, modality: Modality, found: ReturnType<typeof modalityOf>): PloverType | undefined {
  if (modality !== 'negated' || !COOPERATIVE_OR_AGREE.has(type)) return undefined;
  const cues = found.cues.map((w) => w.toLowerCase());
  const refused = cues.some((w) => w === 'fail' || w === 'failed' || w === 'fails') || (cues.some((w) => w === 'will' || w === 'would' || w === "'ll") && cues.some((w) => w === 'not' || w === "n't" || w === 'never'));
  return refused ? 'REJECT' : undefined;
}
const COOPERATIVE_OR_AGREE = new Set(['AGREE', 'CONSULT', 'SUPPORT', 'COOPERATE', 'AID', 'RETREAT', 'CONCEDE']);

/** Whether the act at `top` sits in a report of its own actor ('self'), of another ('other'), or none. */
function reporterBefore(c: RoleContext, top: number): 'self' | 'other' | undefined {
  const { tokens } = c.a;
  const report = cueTables().reportVerbs;
  for (let k = top - 1; k >= c.from; k--) {
    if (tokens[k].pos !== 'VERB' || !report.has(tokens[k].lemma)) continue;
    const speaker = mentionBefore(c, k);
    if (speaker === undefined) {
      // "analysts said Russia will attack": an unnamed speaker is someone else; "he said he will" is the actor
      const before = leftOfVerb(tokens, k, c.from);
      return before >= c.from && tokens[before].pos === 'PRON' ? 'self' : 'other';
    }
    // the act's subject: a pronoun, or the speaker again, after the report verb
    for (let j = k + 1; j < top; j++) {
      if (tokens[j].pos === 'PRON' && /^(it|they|he|she|we)$/.test(tokens[j].lemma)) return 'self';
      const m = c.ix.at[j];
      if (m >= 0) return country(c.ix.mentions[m].code) === country(c.ix.mentions[speaker].code) ? 'self' : 'other';
    }
    return 'self';
  }
  return undefined;
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
    // a demand within one country is coded without a target, as every event is
    ...(country(ix.mentions[o.speaker].code) !== country(ix.mentions[o.addressee].code) ? { target: roleOf(ix, o.addressee) } : {}),
    ...(when ? { when: { text: when.text, ...(when.value ? { start: when.value.start, end: when.value.end } : {}) } } : {}),
    modality: 'asserted',
    cameo: score.cameo, goldstein: score.goldstein, quadClass: score.quadClass,
    confidence: 0.5,
    via: 'rule:request/obligation',
    trigger: { start: modal.start, end: modal.end, text: modal.text },
  };
}

/** "refused to join the sanctions": the noun is the object of a verb that only carries it, so the act is the noun's. */
function carriedBySupportVerb(tokens: Analysis['tokens'], i: number, from: number): boolean {
  return supportVerbBefore(tokens, i, from) >= 0;
}

/** The verb that only carries the nominal trigger at `i` ("staged rallies"), or -1. */
function supportVerbBefore(tokens: Analysis['tokens'], i: number, from: number): number {
  let k = i - 1;
  while (k >= from && k > i - 5 && (tokens[k].pos === 'DET' || tokens[k].pos === 'ADJ' || tokens[k].pos === 'NUM' || tokens[k].pos === 'PRON')) k--;
  return k >= from && tokens[k].pos === 'VERB' && isSupportVerb(tokens[k]) ? k : -1;
}

const RELATIONAL = new Set(['ally', 'allies', 'partner', 'partners', 'neighbour', 'neighbours', 'neighbor', 'neighbors', 'counterpart', 'counterparts', 'patron', 'protector']);

/** The trigger's object is "its ally", "their neighbours": a relation of the source named by a possessive. */
function relationalObject(tokens: Analysis['tokens'], last: number, to: number): boolean {
  let k = last + 1;
  if (k < to && tokens[k].pos === 'ADP') k++;
  if (k + 1 >= to || !/^(its|their|his|her)$/i.test(tokens[k].text)) return false;
  k++;
  while (k < to && tokens[k].pos === 'ADJ') k++;
  return k < to && RELATIONAL.has(tokens[k].text.toLowerCase());
}

/** The trigger's object (or the object of its own preposition) is quantified by "any": "strike any target". */
function genericObject(tokens: Analysis['tokens'], last: number, to: number): boolean {
  let k = last + 1;
  if (k < to && tokens[k].pos === 'ADP') k++;
  return k < to && (tokens[k].lemma === 'any' || tokens[k].lemma === 'anything' || tokens[k].lemma === 'anyone' || tokens[k].lemma === 'anybody');
}

const MONTH_NAME = /\b(January|February|March|April|May|June|July|August|September|October|November|December)\b/i;

function nextYear(day: string): string {
  const rest = day.slice(4) === '-02-29' ? '-02-28' : day.slice(4);
  return `${Number(day.slice(0, 4)) + 1}${rest}`;
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
