// Sorting quoted stretches into speech (someone's words: a quote) and terms (words the writer holds
// at a distance: a scare quote). A short quoted phrase that nobody is said to have said is a term;
// a longer quoted sentence is speech even when no speaker is named (the speaker is then left unknown).
// The quotes, claims and frames stages all use this, so it is computed once per analysis (after
// the actors stage, whose mentions it reads).
import type { Analysis } from '../../model/types.ts';
import type { PipelineContext } from '../stage.ts';
import { SENTENCE_END, VoiceContext, withFields } from './context.ts';
import { findQuotedSpans, type QuotedSpan } from './marks.ts';
import { findIndirectSpeech, type IndirectSpeech } from './indirect.ts';
import { credible } from './speakers.ts';
import { attributeAfter, attributeBefore, attributeColon, attributePartial, type Attribution } from './attribution.ts';
import { joinInterrupted } from './interrupted.ts';

export interface Speech { span: QuotedSpan; text: string; start: number; end: number; attribution?: Attribution }
export interface Term { span: QuotedSpan; text: string; start: number; end: number }
export interface Classified { speech: Speech[]; terms: Term[]; indirect: IndirectSpeech[]; context: VoiceContext }

/** A term has at most this many words, or this many when it has no verb. */
const TERM_WORDS = 4;
const TERM_WORDS_NO_VERB = 8;
/** A quoted fragment (lower case, no full stop) that nobody said is a term up to this many words. */
const FRAGMENT_WORDS = 12;

const cache = new WeakMap<Analysis, Classified>();

/** The inner words without the spaces and punctuation that hug the marks ("balance," -> "balance"). */
function trimmed(span: QuotedSpan, body: string, dropEndPunct: boolean): { start: number; end: number } {
  let start = span.innerStart, end = span.innerEnd;
  while (start < end && /\s/.test(body[start])) start++;
  const trail = dropEndPunct ? /[\s,;:.!?…]/ : /[\s,;:]/;
  while (end > start && trail.test(body[end - 1])) end--;
  return { start, end };
}

function cleanText(text: string): string {
  return text.replace(/\s*\n\s*\n\s*/g, '\n\n').trim().replace(/[\s,;:]+$/, '');
}

function shape(v: VoiceContext, span: QuotedSpan): { words: number; verb: boolean; sentence: boolean } {
  const from = v.tokenFrom(span.innerStart);
  let words = 0, verb = false;
  for (let i = from; i < v.tokens.length && v.tokens[i].end <= span.innerEnd; i++) {
    const t = v.tokens[i];
    if (t.pos === 'PUNCT' || t.pos === 'SYM' || /^['’]|^n['’]t$/i.test(t.text)) continue;   // clitics: 's, n't
    words++;
    if (t.pos === 'VERB' || t.pos === 'AUX') verb = true;
  }
  const inner = span.text.trim();
  // A whole sentence in marks ("No comment.") is speech even when short.
  const sentence = /^[\p{Lu}\d]/u.test(inner) && /[.!?…]$/.test(inner);
  return { words, verb, sentence };
}

/** Lower case at the start and no full stop at the end: a piece of the writer's sentence. */
function fragment(span: QuotedSpan): boolean {
  const inner = span.text.trim();
  return /^\p{Ll}/u.test(inner) && !/[.!?…]$/.test(inner);
}

function endsClause(body: string, span: QuotedSpan): boolean {
  return /[,.!?;:…—–-]\s*$/.test(body.slice(span.innerStart, span.innerEnd)) || /^\s*[,.!?;:…—–]/.test(body.slice(span.end, span.end + 3));
}

/** How many tokens may stand between an attributed quote and the next one it lends its speaker to. */
const CONTINUE_REACH = 40;

/** "“…,” X said. “…”": a quote right after X's quote in the same paragraph is X's too. */
function continued(v: VoiceContext, span: QuotedSpan, previous: Speech | undefined): Attribution | undefined {
  if (!previous?.attribution) return undefined;
  const from = v.tokenFrom(previous.span.end), to = v.tokenBefore(span.start);
  if (from > v.tokens.length - 1 || to < from - 1 || to - from > CONTINUE_REACH) return undefined;
  const previousLast = v.tokenBefore(previous.span.end), first = v.tokenFrom(span.start);
  if (previousLast < 0 || first >= v.tokens.length) return undefined;
  if (v.paragraph(previousLast) !== v.paragraph(first)) {
    // A paragraph that is nothing but a quote, right after a paragraph that ends with an attributed
    // quote and its attribution, goes on with the same speaker (the news convention).
    const body = v.analysis.doc.body;
    const paraStart = v.analysis.sentences.find((x) => x.paragraph === v.paragraph(first))?.start ?? span.start;
    const ownParagraph = body.slice(paraStart, span.start).trim() === '' && /^\s*(\n|$)/.test(body.slice(span.end));
    const next = v.paragraph(first) === v.paragraph(previousLast) + 1;
    const afterPrevious = body.slice(previous.span.end, paraStart);
    return ownParagraph && next && !/[“"«]/.test(afterPrevious) && afterPrevious.split(/[.!?]/).length <= 2 ? withFields(previous.attribution, { via: 'continued' }) : undefined;
  }
  // Only the attribution of the earlier quote may stand between: no other sentence ends there.
  for (let i = from; i < to; i++) if (SENTENCE_END.has(v.tokens[i].text)) return undefined;
  return withFields(previous.attribution, { via: 'continued' });
}

/** Named speakers win over pronouns and descriptions, which win over generic ones ("experts"). */
function better(a: Attribution | undefined, b: Attribution | undefined): Attribution | undefined {
  return rank(b) > rank(a) ? b : a;
}

function rank(x: Attribution | undefined): number {
  return !x ? 0 : x.how === 'named' ? (x.actor ? 4 : 3) : x.how === 'anaphor' ? 2 : 1;
}

export function classifyQuotes(analysis: Analysis, pipeline?: PipelineContext): Classified {
  const hit = cache.get(analysis);
  if (hit) return hit;
  const v = new VoiceContext(analysis, pipeline);
  const body = analysis.doc.body;
  const spans = findQuotedSpans(body);
  const speech: Speech[] = [];
  const terms: Term[] = [];
  const asTerm = (span: QuotedSpan) => {
    const { start, end } = trimmed(span, body, true);
    if (end > start) terms.push({ span, text: body.slice(start, end), start, end });
  };
  // Longer quotes are speech: mentions inside them are not antecedents for "he said" after them.
  const shapes = new Map(spans.map((s) => [s, shape(v, s)]));
  const isShort = (s: QuotedSpan) => {
    const { words, verb, sentence } = shapes.get(s)!;
    return !sentence && (words <= TERM_WORDS || (words <= TERM_WORDS_NO_VERB && !verb));
  };
  const long = spans.filter((s) => !isShort(s)).map((s) => ({ start: s.start, end: s.end }));
  v.addSpeech(long);
  // Reported clauses are someone else's words too: "the ministry said that Minsk would not …. It
  // accused …" — "it" is the ministry, not Minsk. (Found again below, once all quotes are known.)
  v.addSpeech(findIndirectSpeech(v, long));
  for (const span of spans) {
    const short = isShort(span);
    // A short quote woven into the sentence ("a “zero-sum” perspective") has no speaker after it:
    // speech ends its clause with punctuation inside or right after the closing mark.
    const after = !short || endsClause(body, span) ? attributeAfter(v, span, spans) : undefined;
    const direct = after ?? attributeBefore(v, span, spans);
    let attribution: Attribution | undefined;
    if (short) {
      if (!span.closed) continue;   // a stray mark, not a quote
      attribution = direct ?? attributePartial(v, span, spans, speech[speech.length - 1]);
      if (!attribution) {
        const colon = attributeColon(v, span);
        if (colon && colon.how === 'named') attribution = colon;
      }
      attribution = credible(v, attribution);
      if (!attribution) { asTerm(span); continue; }
    } else {
      // A credible subject before the colon beats a phrase next to the cue that is no usual source
      // ("Analysts at the institute explain the move in simple terms: “…”" is not the institute's).
      attribution = direct?.how === 'named' ? direct : better(credible(v, direct ?? attributePartial(v, span, spans, speech[speech.length - 1])), credible(v, attributeColon(v, span)));
    }
    attribution = credible(v, attribution);
    if (!attribution) attribution = continued(v, span, speech[speech.length - 1]);
    // Nobody said it and it is no sentence: a longer phrase held at a distance ("ready to fight to
    // the last soldier"), a term like the short ones.
    if (!attribution && span.closed && fragment(span) && shapes.get(span)!.words <= FRAGMENT_WORDS) { asTerm(span); continue; }
    if (attribution && (attribution.how !== 'generic' || attribution.person)) v.speakers.push(attribution);
    const { start, end } = trimmed(span, body, false);
    speech.push({ span, text: cleanText(span.text), start, end, attribution });
    // Inside speech, a quoted word or name is a term; quoted words with a verb are speech reported
    // by the speaker (“He told me ‘we are ready’”).
    for (const inner of span.nested) {
      const { words, verb } = shape(v, inner);
      if (words <= TERM_WORDS && !verb) asTerm(inner);
    }
  }
  // “…,” he said, “…”: one quote interrupted by its attribution.
  speech.splice(0, speech.length, ...joinInterrupted(v, speech));
  // Reported speech, and the short quotes inside it: "the ministry said the instructors were
  // “sharing combat experience” and that they posed “no threat”" quotes the ministry twice.
  const indirect = findIndirectSpeech(v, speech.map((s) => ({ start: s.span.innerStart, end: s.span.innerEnd })));
  const kept: Term[] = [];
  const nestedSpans = new Set(speech.flatMap((s) => s.span.nested));
  for (const term of terms) {
    const clause = nestedSpans.has(term.span) ? undefined : indirect.find((r) => r.start <= term.span.start && term.span.end <= r.end + 1);
    if (clause && !body.slice(clause.start, term.span.start).includes(',')) {
      const { start, end } = trimmed(term.span, body, false);
      speech.push({ span: term.span, text: cleanText(term.span.text), start, end, attribution: withFields(clause.attribution, { via: 'partial' }) });
    } else kept.push(term);
  }
  speech.sort((a, b) => a.start - b.start);
  const result = { speech, terms: kept, indirect, context: v };
  cache.set(analysis, result);
  return result;
}
