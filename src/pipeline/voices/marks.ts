// Finding quoted stretches of text by their quotation marks, before any question of who said them.
// Double marks (" “ ” „ « ») open and close quotes; a paragraph that opens a quote and does not
// close it continues into the next paragraph when that one opens with a mark (the print
// convention for long quotes). Single marks (‘ ’ and ') quote too, when they are not apostrophes:
// an opening single mark follows a space or bracket and precedes a letter, a closing one follows
// a non-space and is not followed by a letter ("Poland's", "he’s" and "Belarus' army" are not quotes).
import type { Span } from '../../model/types.ts';

export interface QuotedSpan extends Span {   // start: the opening mark; end: just after the closing mark
  innerStart: number;
  innerEnd: number;
  text: string;               // the words between the marks (continuation marks removed)
  style: 'double' | 'single';
  closed: boolean;            // false when the paragraph ended with no closing mark
  nested: QuotedSpan[];       // single-quoted stretches inside a double quote
}

const PARAGRAPH = /\n[^\S\n]*\n/g;
const DOUBLE_OPEN = new Set(['“', '„', '«', '"']);
const DOUBLE_CLOSE = new Set(['”', '»', '"', '“']);

// Character codes of the marks, so that the scans skip other characters without making strings.
const APOSTROPHE = 0x27, LEFT_SINGLE = 0x2018, RIGHT_SINGLE = 0x2019;
const DOUBLE_MARK = new Uint8Array(0x10000);
for (const c of [...DOUBLE_OPEN, ...DOUBLE_CLOSE]) DOUBLE_MARK[c.charCodeAt(0)] = 1;

function paragraphs(body: string): Span[] {
  const out: Span[] = [];
  let at = 0;
  for (const m of body.matchAll(PARAGRAPH)) {
    out.push({ start: at, end: m.index ?? at });
    at = (m.index ?? at) + m[0].length;
  }
  out.push({ start: at, end: body.length });
  return out.filter((p) => body.slice(p.start, p.end).trim().length > 0);
}

function closes(open: string, c: string): boolean {
  if (open === '„') return c === '“' || c === '”' || c === '"';
  if (open === '«') return c === '»';
  if (open === '“') return c === '”' || c === '"';
  return c === '"' || c === '”';
}

const isWordChar = (c: string | undefined) => c !== undefined && /[\p{L}\p{N}]/u.test(c);

function openingSingle(body: string, i: number, from: number): boolean {
  const c = body[i];
  if (c !== '‘' && c !== "'") return false;
  const before = i > from ? body[i - 1] : ' ';
  return !isWordChar(before) && isWordChar(body[i + 1]) && (c === '‘' || /[\s([{—–\-/]/.test(before));
}

function closingSingle(body: string, i: number): boolean {
  const c = body[i];
  if (c !== '’' && c !== "'") return false;
  return !/\s/.test(body[i - 1] ?? ' ') && !isWordChar(body[i + 1]);
}

/** Single-quoted stretches within [from, to) of one paragraph. */
export function singleQuoted(body: string, from: number, to: number): QuotedSpan[] {
  const out: QuotedSpan[] = [];
  for (let i = from; i < to; i++) {
    const c = body.charCodeAt(i);
    if ((c !== LEFT_SINGLE && c !== APOSTROPHE) || !openingSingle(body, i, from)) continue;
    for (let j = i + 2; j < to; j++) {
      const d = body.charCodeAt(j);
      if ((d === RIGHT_SINGLE || d === APOSTROPHE) && closingSingle(body, j)) {
        out.push({ start: i, end: j + 1, innerStart: i + 1, innerEnd: j, text: body.slice(i + 1, j), style: 'single', closed: true, nested: [] });
        i = j;
        break;
      }
    }
  }
  return out;
}

/** Every quoted stretch of the body, in order. Nested single quotes hang under their double quote. */
export function findQuotedSpans(body: string): QuotedSpan[] {
  const paras = paragraphs(body);
  const doubles: QuotedSpan[] = [];
  let open: { at: number; mark: string; cuts: Span[] } | undefined;
  const finish = (closeAt: number, closed: boolean) => {
    if (!open) return;
    const innerStart = open.at + 1;
    let text = '';
    let at = innerStart;
    for (const cut of open.cuts) { text += body.slice(at, cut.start); at = cut.end; }
    text += body.slice(at, closeAt);
    doubles.push({ start: open.at, end: closed ? closeAt + 1 : closeAt, innerStart, innerEnd: closeAt, text, style: 'double', closed, nested: [] });
    open = undefined;
  };
  for (let p = 0; p < paras.length; p++) {
    const { start, end } = paras[p];
    for (let i = start; i < end; i++) {
      if (!DOUBLE_MARK[body.charCodeAt(i)]) continue;   // most characters are no mark at all
      const c = body[i];
      if (open && closes(open.mark, c)) finish(i, true);
      else if (DOUBLE_OPEN.has(c)) {
        if (open) finish(i, false); // an unclosed quote: give up on it where the next one opens
        open = { at: i, mark: c, cuts: [] };
      }
    }
    if (!open) continue;
    const next = paras[p + 1];
    const lead = next ? body.slice(next.start).match(/^\s*/)?.[0].length ?? 0 : 0;
    if (next && DOUBLE_OPEN.has(body[next.start + lead])) {
      // The quote runs on: skip the next paragraph's opening mark.
      open.cuts.push({ start: next.start + lead, end: next.start + lead + 1 });
      paras[p + 1] = { start: next.start + lead + 1, end: next.end };
    } else finish(end, false);
  }
  // Single quotes: nested inside doubles, or on their own outside them.
  for (const d of doubles) d.nested = singleQuoted(body, d.innerStart, d.innerEnd);
  const singles: QuotedSpan[] = [];
  for (const para of paras) {
    let at = para.start;
    for (const d of doubles.filter((x) => x.start < para.end && x.end > para.start)) {
      if (d.start > at) singles.push(...singleQuoted(body, at, d.start));
      at = Math.max(at, d.end);
    }
    if (at < para.end) singles.push(...singleQuoted(body, at, para.end));
  }
  return [...doubles, ...singles].sort((a, b) => a.start - b.start);
}
