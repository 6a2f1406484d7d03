// Finding who said a quoted stretch: a speaker and a cue word next to the quote, in either order
// ("…,” X said." / "…,” said X." / "X said: “…”"), or the subject of the sentence that introduces
// the quote with a colon.
import type { Token } from '../../model/types.ts';
import type { QuotedSpan } from './marks.ts';
import { SENTENCE_END, WH_WORDS, glued, withFields, type VoiceContext } from './context.ts';
import { resolveSpeaker, type Speaker } from './speakers.ts';
import { norm, type PhraseHit } from './phrases.ts';

export interface Attribution extends Speaker {
  cue?: string;
  via: 'after' | 'before' | 'colon' | 'partial' | 'continued';
}

const NOUN_PHRASE_POS = new Set(['DET', 'PROPN', 'NOUN', 'ADJ', 'PRON', 'NUM', 'ADP', 'PART', 'PUNCT', 'CCONJ', 'X']);
const BETWEEN_SUBJECT_AND_CUE = new Set(['AUX', 'ADV', 'PART']);
/** How far from the quote a cue may be found. */
const REACH = 30;
/** How many words may follow a cue before the colon: "said in a statement on its website:". */
const BEFORE_OBJECT_REACH = 8;

const isComma = (t: Token) => t.text === ',';
const BE = new Set(['be', 'is', 'are', 'was', 'were', 'been', 'being', "'s", '’s']);
/** "was posted", "were told": the subject of a passive cue is not who spoke. */
function passive(t: Token[], floor: number, cue: number, cueLast = cue): boolean {
  if (/ing$/i.test(t[cueLast].text)) return false;   // "is saying", "was quoted as saying"
  for (let k = cue - 1; k >= floor && BETWEEN_SUBJECT_AND_CUE.has(t[k].pos); k--) if (BE.has(norm(t[k].text))) return true;
  return false;
}
const isStop = (t: Token) => SENTENCE_END.has(t.text);

/** Words that can name a speaker: a short noun phrase with no verb or clause word in it. */
export function speakerPhrase(tokens: Token[], first: number, last: number): boolean {
  while (last > first && glued(tokens, last)) last--;
  if (first > last || last - first > 12) return false;
  const first_ = tokens[first];
  if (first_.pos === 'ADP' || first_.pos === 'CCONJ' || first_.pos === 'SCONJ') return false;
  let hasHead = false;
  for (let i = first; i <= last; i++) {
    const t = tokens[i];
    if (glued(tokens, i)) continue;
    if (t.pos === 'VERB' || t.pos === 'AUX' || t.pos === 'SCONJ') return false;
    if (WH_WORDS.has(norm(t.text)) && t.pos !== 'DET') return false;
    if (norm(t.text) === 'which' || norm(t.text) === 'what') return false;
    if (!NOUN_PHRASE_POS.has(t.pos) && t.pos !== 'ADV') return false;
    if (t.pos === 'NOUN' || t.pos === 'PROPN' || t.pos === 'PRON') hasHead = true;
  }
  // (The tagger calls pieces of split names X: "Š" "akalien" "ė".)
  if (namedPiece(tokens[last])) hasHead = true;
  const end = tokens[last].pos;
  return hasHead && (end === 'NOUN' || end === 'PROPN' || end === 'PRON' || end === 'NUM' || namedPiece(tokens[last]));
}

function namedPiece(t: Token): boolean {
  return t.pos === 'X' && /^\p{Lu}/u.test(t.text);
}

/** "an expert at the Polish Institute": a noun phrase with no verb. */
function apposition(tokens: Token[], first: number, last: number): boolean {
  if (first > last || last - first > 16) return false;
  // ", who asked not to be named," and ", speaking after the meeting," are appositions too.
  if (/^(who|which)$/i.test(tokens[first].text) || (tokens[first].pos === 'VERB' && /ing$/i.test(tokens[first].text))) {
    return !tokens.slice(first, last + 1).some(isStop);
  }
  for (let i = first; i <= last; i++) {
    const t = tokens[i];
    // Capitalised words belong to names ("Institute for Forecasting"), whatever their tag.
    if (((t.pos === 'VERB' || t.pos === 'AUX') && !/^\p{Lu}/u.test(t.text)) || isStop(t)) return false;
  }
  return true;
}

/** Words that open a description rather than a name: "the head of …", "its deputy commander". */
const DESCRIBING = /^(the|a|an|its|their|his|her|our)$/i;

/** A description rather than a name: "the head of …", "its deputy commander", "Mr Nowak's predecessor". */
function describes(t: Token[], first: number, last: number): boolean {
  return DESCRIBING.test(t[first].text) || (t[last].pos === 'NOUN' && /^\p{Ll}/u.test(t[last].text));
}

/** "the head of the committee, Jan Nowak, said": a person named in the apposition is the speaker
 *  the description before it stands for. */
function namedApposition(v: VoiceContext, first: number, last: number, offset: number): Speaker | undefined {
  const t = v.tokens;
  if (first > last) return undefined;
  // A name the actors stage found is a name whatever the tagger made of its words ("Grant/VERB Shapps").
  const whole = v.mentionsIn(t[first].start, t[last].end).some((m) => m.actor && m.start <= t[first].start && m.end >= t[last].end);
  if (!whole && !speakerPhrase(t, first, last)) return undefined;
  const who = resolveSpeaker(v, first, last, offset);
  return who?.how === 'named' ? who : undefined;
}

function cueLabel(v: VoiceContext, hit: PhraseHit): string {
  return v.text(hit.first, hit.last);
}

/** Where quotes open, and whether an offset is inside one: spans are in order and do not overlap. */
interface SpanLookup { opens(offset: number): boolean; inside(offset: number): boolean }
const lookups = new WeakMap<QuotedSpan[], SpanLookup>();

function lookup(spans: QuotedSpan[]): SpanLookup {
  let found = lookups.get(spans);
  if (found) return found;
  const starts = new Set(spans.map((s) => s.start));
  found = {
    opens: (offset) => starts.has(offset),
    inside: (offset) => {
      let lo = 0, hi = spans.length - 1, at = -1;
      while (lo <= hi) { const mid = (lo + hi) >> 1; if (spans[mid].start <= offset) { at = mid; lo = mid + 1; } else hi = mid - 1; }
      return at >= 0 && offset < spans[at].end;
    },
  };
  lookups.set(spans, found);
  return found;
}

/** Tokens after the quote up to the end of the sentence, the next quote, or the paragraph's end. */
function afterRegion(v: VoiceContext, span: QuotedSpan, spans: QuotedSpan[]): [number, number] {
  const t = v.tokens;
  const from = v.tokenFrom(span.end);
  if (from >= t.length) return [from, from - 1];
  const para = v.paragraph(Math.max(0, v.tokenBefore(span.end)));
  let i = from;
  for (; i < t.length && i < from + REACH; i++) {
    if (v.paragraph(i) !== para || isStop(t[i]) || lookup(spans).opens(t[i].start)) break;
  }
  return [from, i - 1];
}

/** Tokens before the quote back to the start of the sentence, the previous quote, or the paragraph. */
function beforeRegion(v: VoiceContext, span: QuotedSpan, spans: QuotedSpan[]): [number, number] {
  const t = v.tokens;
  const to = v.tokenBefore(span.start);
  if (to < 0) return [0, -1];
  const para = v.paragraph(v.tokenFrom(span.start) < t.length ? v.tokenFrom(span.start) : to);
  let i = to;
  for (; i >= 0 && i > to - REACH; i--) {
    if (v.paragraph(i) !== para || isStop(t[i]) || lookup(spans).inside(t[i].start)) break;
  }
  return [i + 1, to];
}

const TAIL_POS = new Set(['ADP', 'DET', 'NOUN', 'PROPN', 'NUM', 'ADV', 'ADJ', 'PUNCT']);
/** What may follow the cue of an attribution: a few words of time, place or audience. */
function bareTail(t: Token[], from: number, to: number): boolean {
  if (to - from >= 6) return false;
  for (let i = from; i <= to; i++) if (!TAIL_POS.has(t[i].pos)) return false;
  return true;
}

/** "…,” X said." and "…,” said X." */
export function attributeAfter(v: VoiceContext, span: QuotedSpan, spans: QuotedSpan[]): Attribution | undefined {
  const t = v.tokens;
  let [from, to] = afterRegion(v, span, spans);
  while (from <= to && (isComma(t[from]) || t[from].text === '—' || t[from].text === '–')) from++;
  // "…,” as X put it." and "…” — this is how X described it."
  if (from <= to && norm(t[from].text) === 'as' && (t[from].pos === 'SCONJ' || t[from].pos === 'ADP')) from++;
  else if (from + 2 <= to && /^(this|that)$/.test(norm(t[from].text)) && norm(t[from + 1].lemma) === 'be' && norm(t[from + 2].text) === 'how') from += 3;
  if (from > to) return undefined;
  const lead = v.lex.directCues.at(t, from, to + 1);
  if (lead) {
    // "…,” said the minister." — the speaker follows the cue, up to a comma.
    let end = lead.last + 1;
    while (end <= to && !isComma(t[end])) end++;
    if (speakerPhrase(t, lead.last + 1, end - 1)) {
      const who = resolveSpeaker(v, lead.last + 1, end - 1, span.start);
      if (who) return withFields(who, { cue: cueLabel(v, lead), via: 'after' });
    }
    return undefined;
  }
  for (let i = from + 1; i <= to; i++) {
    const hit = v.lex.directCues.at(t, i, to + 1);
    if (!hit) continue;
    if (/^(who|which|that)$/i.test(t[i - 1].text)) continue;   // a relative clause: ", who asked not to be named,"
    if (passive(t, from, i, hit.last)) return undefined;
    // Subject before the cue; an apposition between commas may follow it ("Fleischer, an expert, believes").
    let last = i - 1;
    while (last >= from && BETWEEN_SUBJECT_AND_CUE.has(t[last].pos)) last--;
    let headEnd = last;
    for (let k = from; k <= last; k++) if (isComma(t[k])) { headEnd = k - 1; break; }
    // Anything between the subject and the cue must be an apposition closed by a comma.
    if (headEnd < last && (!isComma(t[last]) || !apposition(t, headEnd + 2, last - 1))) return undefined;
    if (!speakerPhrase(t, from, headEnd)) return undefined;
    // After a quote closed with a full stop a new sentence may begin ("“…” The minister said this
    // at a rally."): only a bare "X said (on Monday)." is still its attribution.
    if (/[.!?…]\s*$/.test(span.text) && !bareTail(t, hit.last + 1, to)) return undefined;
    const named = headEnd < last && describes(t, from, headEnd) ? namedApposition(v, headEnd + 2, last - 1, span.start) : undefined;
    if (named) return withFields(named, { cue: cueLabel(v, hit), via: 'after' });
    const who = resolveSpeaker(v, from, headEnd, span.start);
    return who ? withFields(who, { cue: cueLabel(v, hit), via: 'after' }) : undefined;
  }
  return undefined;
}

/** "X said: “…”", "X told reporters, “…”", "According to X, “…”". */
export function attributeBefore(v: VoiceContext, span: QuotedSpan, spans: QuotedSpan[]): Attribution | undefined {
  const t = v.tokens;
  const [from, toRaw] = beforeRegion(v, span, spans);
  let to = toRaw;
  if (to < from) return undefined;
  const closer = t[to];
  if (closer.text === ':' || closer.text === ',' || norm(closer.text) === 'that') to--;
  else return undefined;   // a quote that runs on from the sentence is not introduced by its speaker
  if (to >= from && norm(t[from].text) === 'according') {
    const hit = v.lex.directCues.at(t, from, to + 1);
    if (hit && speakerPhrase(t, hit.last + 1, to)) {
      const who = resolveSpeaker(v, hit.last + 1, to, span.start);
      if (who) return withFields(who, { cue: cueLabel(v, hit), via: 'before' });
    }
    return undefined;
  }
  // The cue is at the end, or followed by a short object ("told reporters", "said in a statement").
  for (let i = to; i >= from && i >= to - BEFORE_OBJECT_REACH; i--) {
    const hit = v.lex.directCues.at(t, i, to + 1);
    if (!hit) continue;
    if (hit.last < to && !speakerPhrase(t, hit.last + 1, to) && t[hit.last + 1].pos !== 'ADP') return undefined;
    return subjectOf(v, hit, from, span.start, cueLabel(v, hit), 'before');
  }
  return undefined;
}

/** The noun phrase right before a cue (skipping "has", "also"), resolved to a speaker. */
export function subjectOf(v: VoiceContext, hit: PhraseHit, floor: number, offset: number, cue: string, via: Attribution['via']): Attribution | undefined {
  const t = v.tokens;
  let last = hit.first - 1;
  if (passive(t, floor, hit.first, hit.last)) return undefined;
  while (last >= floor && BETWEEN_SUBJECT_AND_CUE.has(t[last].pos)) {
    if (/^(not|n't|n’t|never)$/i.test(t[last].text)) return undefined;   // "did not say" attributes nothing
    if (/^to$/i.test(t[last].text)) return undefined;   // "to describe …": an infinitive has no speaker
    last--;
  }
  let appositive: [number, number] | undefined;
  if (last >= floor && isComma(t[last])) {
    // An apposition: "Fleischer, an expert at the institute, said".
    let k = last - 1;
    while (k >= floor && k > last - 16 && !isComma(t[k]) && !isStop(t[k])) k--;
    if (k >= floor && isComma(t[k]) && apposition(t, k + 1, last - 1)) { appositive = [k + 1, last - 1]; last = k - 1; }
  }
  if (last < floor) return undefined;
  let first = last;
  while (first - 1 >= floor && NOUN_PHRASE_POS.has(t[first - 1].pos) && !isComma(t[first - 1]) && !(t[first - 1].pos === 'ADP' && norm(t[first - 1].text) !== 'of')
    && !(t[first - 1].pos === 'CCONJ' && norm(t[first - 1].text) !== 'and')
    && !WH_WORDS.has(norm(t[first - 1].text)) && last - first < 9) first--;
  // "Officials in Vilnius said", "analysts at the institute": a usual source before the place.
  const at = first - 1;
  if (at - 1 >= floor && /^(in|at|from|with|close)$/.test(norm(t[at].text)) && last - at <= 4) {
    let k = at - 1;
    while (k - 1 >= floor && (t[k - 1].pos === 'ADJ' || t[k - 1].pos === 'DET' || t[k - 1].pos === 'NUM')) k--;
    const head = t[at - 1];
    const w = norm(head.text);
    const source = [w, norm(head.lemma), w.replace(/e?s$/, ''), w.replace(/s$/, '')].some((x) => v.lex.sourceWords.has(x));
    if ((head.pos === 'NOUN' || head.pos === 'PROPN') && source) first = k;
  }
  while (first <= last && (t[first].pos === 'ADP' || t[first].pos === 'CCONJ' || t[first].pos === 'PUNCT')) first++;
  if (!speakerPhrase(t, first, last)) return undefined;
  // "The head of the committee, Jan Nowak, claimed": the name in the apposition speaks.
  const named = appositive && describes(t, first, last) ? namedApposition(v, appositive[0], appositive[1], offset) : undefined;
  if (named) return withFields(named, { cue, via });
  const who = resolveSpeaker(v, first, last, offset);
  return who ? withFields(who, { cue, via }) : undefined;
}

/** A quote opened right after a colon: the subject of the sentence with the colon spoke it. */
export function attributeColon(v: VoiceContext, span: QuotedSpan): Attribution | undefined {
  const t = v.tokens;
  const i = v.tokenBefore(span.start);
  if (i < 0 || t[i].text !== ':') return undefined;
  const sentence = v.analysis.sentences[t[i].sentence];
  const first = sentence ? sentence.tokens[0] : i;
  // The subject: the words before the first verb of the sentence ("As one diplomat put it:" -> "one diplomat").
  let start = first;
  while (start < i && ['SCONJ', 'ADP', 'ADV', 'CCONJ', 'PUNCT'].includes(t[start].pos)) start++;
  let k = start;
  while (k < i && t[k].pos !== 'VERB' && t[k].pos !== 'AUX') k++;
  if (k === start) return undefined;
  const who = resolveSpeaker(v, start, k - 1, span.start);
  return who ? withFields(who, { via: 'colon' }) : undefined;
}

/** "In his words, …", "In the view of X, …" and "According to X, …" before the quote in its sentence. */
function inTheirWords(v: VoiceContext, from: number, to: number, offset: number): Attribution | undefined {
  const t = v.tokens;
  if (from + 2 <= to && norm(t[from].text) === 'according' && norm(t[from + 1].text) === 'to') {
    let end = from + 2;
    while (end <= to && !isComma(t[end])) end++;
    const who = end <= to && speakerPhrase(t, from + 2, end - 1) ? resolveSpeaker(v, from + 2, end - 1, offset) : undefined;
    return who ? withFields(who, { cue: v.text(from, from + 1), via: 'partial' }) : undefined;
  }
  for (let i = from; i + 2 <= to; i++) {
    if (norm(t[i].text) !== 'in') continue;
    let k = i + 1;
    while (k <= to && k <= i + 8 && !v.lex.sourceNouns.has(norm(t[k].text))) k++;
    if (k > to || !v.lex.sourceNouns.has(norm(t[k].text))) continue;
    const cue = v.text(i, k);
    if (norm(t[i + 1].text) === 'the' && norm(t[k + 1]?.text ?? '') === 'of') {
      // "in the words of X,"
      let end = k + 2;
      while (end <= to && !isComma(t[end])) end++;
      const who = speakerPhrase(t, k + 2, end - 1) ? resolveSpeaker(v, k + 2, end - 1, offset) : undefined;
      return who ? withFields(who, { cue: v.text(i, k + 1), via: 'partial' }) : undefined;
    }
    // "in his words", "in the minister's words": the owner, without the possessive 's
    let last = k - 1;
    if (/^['’]s?$/.test(t[last].text)) last--;
    const who = last > i && speakerPhrase(t, i + 1, last) ? resolveSpeaker(v, i + 1, last, offset) : undefined;
    return who ? withFields(who, { cue, via: 'partial' }) : undefined;
  }
  return undefined;
}

/** "the minister said the drills were “purely defensive”": a short quote inside reported speech. */
export function attributePartial(v: VoiceContext, span: QuotedSpan, spans: QuotedSpan[], previous?: { span: QuotedSpan; attribution?: Attribution }): Attribution | undefined {
  const t = v.tokens;
  const [from, to] = beforeRegion(v, span, spans);
  const words = inTheirWords(v, from, to, span.start);
  if (words) return words;
  let found = false;
  for (let i = to; i >= from && i > to - 15; i--) {
    // The quote must sit in the clause of the cue: no comma between them ("…, in what officials
    // describe as “hybrid pressure”" is not the announcer's phrase).
    if (!found && isComma(t[i])) return undefined;
    const hit = v.lex.partialCues.at(t, i, to + 1);
    if (!hit || (t[i].pos !== 'VERB' && t[i].pos !== 'AUX')) continue;
    found = true;
    const who = subjectOf(v, hit, from, span.start, cueLabel(v, hit), 'partial');
    if (who && who.how !== 'generic') return who;
    // "X said …, adding that …" and "X said … and warned that …": the speaker is further back,
    // in this sentence or in the quote just before, whose speaker then says this too.
    let k = i - 1;
    while (k >= from && BETWEEN_SUBJECT_AND_CUE.has(t[k].pos)) k--;
    const chained = /ing$/i.test(t[i].text) || (k >= from && /^(and|but)$/i.test(t[k].text));
    if (!chained) return undefined;
    if (previous?.attribution && from > 0 && t[from - 1].start < previous.span.end && t[from - 1].start >= previous.span.start) {
      return withFields(previous.attribution, { cue: cueLabel(v, hit), via: 'partial' });
    }
  }
  return undefined;
}
