// Reported speech: "its Foreign Ministry said that it is not discussing …" gives an indirect quote
// whose text is the reported clause and whose speaker is the subject of the speech verb. Only a
// clear speech verb followed by "that" (or "According to X, …") counts, and only with a speaker
// the text names or a pronoun resolves; belief verbs (believe, conclude) make claims, not quotes.
import type { Span } from '../../model/types.ts';
import { SENTENCE_END, type VoiceContext } from './context.ts';
import { subjectOf, type Attribution } from './attribution.ts';
import { norm } from './phrases.ts';
import { resolveSpeaker, type Speaker } from './speakers.ts';

export interface IndirectSpeech { text: string; start: number; end: number; attribution: Attribution }

/** Tokens that may stand between a speech verb and "that": "told reporters that", "warned Minsk that". */
const OBJECT_REACH = 4;

function clause(v: VoiceContext, from: number, sentenceEnd: number): Span | undefined {
  const t = v.tokens;
  let last = sentenceEnd - 1;
  while (last >= from && (SENTENCE_END.has(t[last].text) || t[last].pos === 'PUNCT')) last--;
  if (last - from < 2) return undefined;
  return { start: t[from].start, end: t[last].end };
}

function overlaps(span: Span, zones: Span[]): boolean {
  return zones.some((z) => span.start < z.end && span.end > z.start);
}

export function findIndirectSpeech(v: VoiceContext, quoted: Span[]): IndirectSpeech[] {
  const t = v.tokens;
  const body = v.analysis.doc.body;
  const out: IndirectSpeech[] = [];
  const named = <T extends Speaker>(a: T | undefined): T | undefined => (a && a.how !== 'generic' ? a : undefined);
  for (const sentence of v.analysis.sentences) {
    const [first, endTok] = sentence.tokens;
    if (overlaps(sentence, quoted) && quoted.some((q) => q.start <= sentence.start && q.end >= sentence.end)) continue;
    // "According to X, clause."
    if (endTok - first > 4 && norm(t[first].text) === 'according' && norm(t[first + 1].text) === 'to') {
      let comma = first + 2;
      while (comma < endTok && t[comma].text !== ',') comma++;
      const reported = comma < endTok ? clause(v, comma + 1, endTok) : undefined;
      const who = reported && !overlaps(reported, quoted) ? named(resolveSpeaker(v, first + 2, comma - 1, sentence.start)) : undefined;
      if (reported && who) out.push({ text: body.slice(reported.start, reported.end), ...reported, attribution: { ...who, cue: 'according to', via: 'before' } });
      continue;
    }
    for (let i = first + 1; i < endTok; i++) {
      const hit = v.lex.indirectCues.at(t, i, endTok);
      if (!hit || (t[i].pos !== 'VERB' && t[i].pos !== 'AUX' && t[i].pos !== 'NOUN')) continue;
      let that = hit.last + 1;
      while (that < endTok && that <= hit.last + 1 + OBJECT_REACH && norm(t[that].text) !== 'that' && ['PROPN', 'NOUN', 'PRON', 'DET', 'ADJ'].includes(t[that].pos)) that++;
      if (that >= endTok || norm(t[that].text) !== 'that') continue;
      const reported = clause(v, that + 1, endTok);
      if (!reported || overlaps(reported, quoted) || v.inSpeech(t[i].start)) continue;
      const who = named(subjectOf(v, hit, first, t[i].start, v.text(hit.first, hit.last), 'before'));
      if (!who) continue;
      out.push({ text: body.slice(reported.start, reported.end), ...reported, attribution: who });
      i = endTok;
    }
  }
  return out;
}
