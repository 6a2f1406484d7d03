// One quote interrupted by its attribution: "“Poland is an attractive country,” he said, “and …”"
// is one quote, not two. The first part ends its clause with a comma (or dash), the speaker and
// cue stand between the parts, and the second part opens right after a comma or dash in the same
// sentence; the second part then belongs to the same speaker.
import type { QuotedSpan } from './marks.ts';
import { SENTENCE_END, type VoiceContext } from './context.ts';
import type { Attribution } from './attribution.ts';

export interface Part { span: QuotedSpan; text: string; start: number; end: number; attribution?: Attribution }

/** How many tokens the attribution between the two parts may have: "said the minister of defence". */
const GAP_TOKENS = 12;

const OPEN_CLAUSE = /[,—–-]\s*$/;

function sameSpeaker(a: Attribution | undefined, b: Attribution | undefined): boolean {
  if (!a || !b) return true;
  if (a.actor || b.actor) return a.actor === b.actor;
  return a.text === b.text;
}

/** Whether `b` carries on the quote `a` after the attribution between them. */
function interrupts(v: VoiceContext, a: Part, b: Part): boolean {
  if (a.attribution?.via !== 'after' || !a.span.closed) return false;
  const body = v.analysis.doc.body;
  const first = body.slice(a.span.innerStart, a.span.innerEnd);
  const gap = body.slice(a.span.end, b.span.start);
  // "country,” he said" or "country”, he said": the first part leaves its sentence open.
  if (!OPEN_CLAUSE.test(first) && !/^\s*[,—–]/.test(gap)) return false;
  if (!/[,—–:]\s*$/.test(gap) || /\n\s*\n/.test(gap)) return false;
  const from = v.tokenFrom(a.span.end), to = v.tokenBefore(b.span.start);
  if (to - from + 1 > GAP_TOKENS) return false;
  for (let i = from; i <= to; i++) if (SENTENCE_END.has(v.tokens[i].text)) return false;
  return sameSpeaker(a.attribution, b.attribution);
}

/** The two parts as one: the span from the first mark to the last, the words of both. */
/** Whether the first part ends with a comma, inside its marks or right after them. */
function commaBetween(v: VoiceContext, a: Part): boolean {
  const body = v.analysis.doc.body;
  return /,\s*$/.test(body.slice(a.span.innerStart, a.span.innerEnd)) || /^\s*,/.test(body.slice(a.span.end));
}

function join(a: Part, b: Part, comma: boolean): Part {
  // The comma the first part ends with (inside or outside its marks) joins the two; a dash does not.
  const text = `${a.text}${comma ? ',' : ''} ${b.text}`;
  const span: QuotedSpan = {
    start: a.span.start, end: b.span.end, innerStart: a.span.innerStart, innerEnd: b.span.innerEnd,
    text, style: a.span.style, closed: b.span.closed, nested: [...a.span.nested, ...b.span.nested],
  };
  return { span, text, start: a.start, end: b.end, attribution: a.attribution };
}

/** Speech in text order with each interrupted quote made one. */
export function joinInterrupted<T extends Part>(v: VoiceContext, speech: T[]): T[] {
  const out: T[] = [];
  for (const s of speech) {
    const last = out[out.length - 1];
    if (last && interrupts(v, last, s)) out[out.length - 1] = { ...s, ...join(last, s, commaBetween(v, last)) };
    else out.push(s);
  }
  return out;
}
