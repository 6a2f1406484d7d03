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
  const lemmas = doc.tokens().out(its.lemma as never) as string[];
  const pos = doc.tokens().out(its.pos as never) as string[];
  const tokens: Token[] = [];
  const winkSentence: number[] = [];        // wink's sentence index of each kept token
  const spans = doc.sentences().out(its.span) as unknown as [number, number][];
  const sentenceOf = new Int32Array(values.length);
  spans.forEach(([a, b], s) => { for (let i = a; i <= b; i++) sentenceOf[i] = s; });
  let at = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    let start = body.indexOf(v, at);
    if (start < 0) start = at; // wink-nlp may normalise a token; keep offsets monotone
    const end = Math.min(body.length, start + v.length);
    at = end;
    if (!v.trim()) continue;
    tokens.push({ start, end, text: body.slice(start, end), lemma: lemmas[i].toLowerCase(), pos: pos[i], sentence: 0, space: false });
    winkSentence.push(sentenceOf[i]);
  }
  const sentences: Sentence[] = [];
  let paragraph = 0;
  let from = 0;
  for (let t = 0; t < tokens.length; t++) {
    const next = t + 1 < tokens.length ? tokens[t + 1] : undefined;
    const gap = body.slice(tokens[t].end, next ? next.start : body.length);
    tokens[t].space = gap.length > 0;
    const paraBreak = next !== undefined && PARAGRAPH_BREAK.test(gap);
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
