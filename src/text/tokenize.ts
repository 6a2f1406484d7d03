// Sentences and tokens with character offsets into the body, from wink-nlp.
// wink-nlp is lossless, so offsets are recovered by walking the body once. Whitespace tokens
// (line breaks) are not kept as tokens; a blank line starts a new paragraph and always ends a
// sentence, so that headings and captions without final punctuation stand alone.
import { nlp, its } from './nlp.ts';
import type { Sentence, Token } from '../model/types.ts';

export interface TokenizedText { sentences: Sentence[]; tokens: Token[] }

const PARAGRAPH_BREAK = /\n[^\S\n]*\n/;

export function tokenize(body: string): TokenizedText {
  const doc = nlp.readDoc(body);
  const values = doc.tokens().out(its.value) as string[];
  const pos = doc.tokens().out(its.pos as never) as string[];
  const lemmas = lemmasOf(doc, pos);
  const tokens: Token[] = [];
  const winkSentence: number[] = [];        // wink's sentence index of each kept token
  const spans = doc.sentences().out(its.span) as unknown as [number, number][];
  const sentenceOf = new Int32Array(values.length);
  spans.forEach(([a, b], s) => { for (let i = a; i <= b; i++) sentenceOf[i] = s; });
  let at = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    let start = body.startsWith(v, at) ? at : body.indexOf(v, at);
    const found = start >= 0;
    if (!found) start = at; // wink-nlp may normalise a token; keep offsets monotone
    const end = Math.min(body.length, start + v.length);
    at = end;
    if (isBlank(v)) continue;
    tokens.push({ start, end, text: found ? v : body.slice(start, end), lemma: lemmas[i], pos: pos[i], sentence: 0, space: false });
    winkSentence.push(sentenceOf[i]);
  }
  joinSplitWords(body, tokens, winkSentence);
  const sentences: Sentence[] = [];
  let paragraph = 0;
  let from = 0;
  for (let t = 0; t < tokens.length; t++) {
    const next = t + 1 < tokens.length ? tokens[t + 1] : undefined;
    const gapEnd = next ? next.start : body.length;
    tokens[t].space = gapEnd > tokens[t].end;
    const paraBreak = next !== undefined && hasParagraphBreak(body, tokens[t].end, gapEnd);
    if (!next || paraBreak || winkSentence[t + 1] !== winkSentence[t]) {
      const idx = sentences.length;
      for (let k = from; k <= t; k++) tokens[k].sentence = idx;
      sentences.push({ start: tokens[from].start, end: tokens[t].end, tokens: [from, t + 1], paragraph });
      if (paraBreak) paragraph++;
      from = t + 1;
    }
  }
  return { sentences, tokens };
}

/** Whether body[from, to) holds a blank line; the regex runs only on gaps with two line breaks. */
function hasParagraphBreak(body: string, from: number, to: number): boolean {
  let breaks = 0;
  for (let k = from; k < to; k++) if (body.charCodeAt(k) === 10 && ++breaks === 2) return PARAGRAPH_BREAK.test(body.slice(from, to));
  return false;
}

/** `!v.trim()`, with printable ASCII answered without a copy. */
function isBlank(v: string): boolean {
  const c = v.charCodeAt(0);
  if (c > 32 && c < 127) return false;
  return !v.trim();
}

// Lowercased lemma of a (non-contraction) token by wink's lexeme id and tag: wink derives it from
// those two alone (its lexicon only grows, and out-of-vocabulary words never serve as a lemma),
// so each pair is lemmatised once per process instead of once per occurrence.
const lemmaMemo = new Map<number, string>();
const posCodes = new Map<string, number>();

function lemmasOf(doc: ReturnType<typeof nlp.readDoc>, pos: string[]): string[] {
  const ids = doc.tokens().out(its.uniqueId as never) as unknown as number[];
  const contraction = doc.tokens().out(its.contractionFlag as never) as unknown as boolean[];
  const out = new Array<string>(ids.length);
  for (let i = 0; i < ids.length; i++) {
    if (contraction[i]) { out[i] = (doc.tokens().itemAt(i).out(its.lemma as never) as string).toLowerCase(); continue; }
    let code = posCodes.get(pos[i]);
    if (code === undefined) posCodes.set(pos[i], code = posCodes.size);
    const key = ids[i] * 64 + code;
    let lemma = lemmaMemo.get(key);
    if (lemma === undefined) lemmaMemo.set(key, lemma = (doc.tokens().itemAt(i).out(its.lemma as never) as string).toLowerCase());
    out[i] = lemma;
  }
  return out;
}

const LETTERS = /^[\p{L}\p{M}]+$/u;
const CAPITAL = /^\p{Lu}/u;
const WEAK_POS = new Set(['X', 'INTJ', 'PUNCT', 'SYM']);

/**
 * wink-nlp cuts words at letters its model does not know ("Paweł" -> "Pawe" + "ł", "Dvořák" ->
 * "Dvo" + "ř" + "ák"), and tags the pieces at random. Pieces of letters written together, one
 * of them not ASCII, are made one token again: a capitalised one is a proper noun. In place.
 */
function joinSplitWords(body: string, tokens: Token[], winkSentence: number[]): void {
  let out = 0;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    let j = i;
    let foreign = hasNonAscii(t.text);
    while (j + 1 < tokens.length && tokens[j + 1].start === tokens[j].end && LETTERS.test(tokens[j + 1].text) && LETTERS.test(tokens[j].text)) {
      foreign ||= hasNonAscii(tokens[j + 1].text);
      j++;
    }
    if (j > i && foreign) {
      const text = body.slice(t.start, tokens[j].end);
      const pos = CAPITAL.test(text) ? 'PROPN' : WEAK_POS.has(t.pos) ? 'NOUN' : t.pos;
      tokens[out] = { start: t.start, end: tokens[j].end, text, lemma: text.toLowerCase(), pos, sentence: 0, space: false };
      winkSentence[out] = winkSentence[i];
      out++;
      i = j;
      continue;
    }
    tokens[out] = t;
    winkSentence[out] = winkSentence[i];
    out++;
  }
  tokens.length = out;
  winkSentence.length = out;
}

function hasNonAscii(text: string): boolean {
  for (let k = 0; k < text.length; k++) if (text.charCodeAt(k) > 127) return true;
  return false;
}
