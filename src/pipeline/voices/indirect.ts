// Reported speech: "its Foreign Ministry said that it is not discussing …" gives an indirect quote
// whose text is the reported clause and whose speaker is the subject of the speech verb. Three
// shapes count, each with a clear speech verb:
//   X said (on Monday) that CLAUSE      X said CLAUSE (a subject and a finite verb follow at once)
//   CLAUSE, X said (on Monday).         According to X, CLAUSE.
// The speaker must be named, resolved from a pronoun, or a usual source word ("officials",
// "police"); belief verbs (believe, conclude) make claims, not quotes.
import type { Span, Token } from '../../model/types.ts';
import { SENTENCE_END, WH_WORDS, withFields, type VoiceContext } from './context.ts';
import { subjectOf, speakerPhrase, type Attribution } from './attribution.ts';
import { norm, type PhraseHit } from './phrases.ts';
import { credible, resolveSpeaker, type Speaker } from './speakers.ts';

export interface IndirectSpeech { text: string; start: number; end: number; attribution: Attribution }

/** Tokens that may stand between a speech verb and "that": "told reporters", "said in a statement on Monday". */
const OBJECT_REACH = 6;
/** A bare complement must show its finite verb this soon: "said it would", "said the troops will". */
const BARE_SUBJECT_REACH = 6;
const OBJECT_POS = new Set(['PROPN', 'NOUN', 'PRON', 'DET', 'ADJ', 'ADP', 'NUM']);
/** Speech verbs whose object is the listener: "told reporters", "informed the council". */
const ADDRESSED = new Set(['tell', 'inform', 'assure', 'warn', 'brief']);
const SUBJECT_PRONOUNS = new Set(['it', 'he', 'she', 'they', 'we', 'i', 'there', 'this']);

function clause(v: VoiceContext, from: number, to: number): Span | undefined {
  const t = v.tokens;
  let last = to - 1;
  while (last >= from && (SENTENCE_END.has(t[last].text) || t[last].pos === 'PUNCT')) last--;
  while (from <= last && t[from].pos === 'PUNCT') from++;
  if (last - from < 2) return undefined;
  // A quote opened in the clause closes in it: keep its closing mark.
  const text = v.analysis.doc.body.slice(t[from].start, t[last].end);
  if ((text.match(/[“«]/g) ?? []).length > (text.match(/[”»]/g) ?? []).length && /^[”»]$/.test(t[last + 1]?.text ?? '')) last++;
  return { start: t[from].start, end: t[last].end };
}

function overlaps(span: Span, zones: Span[]): boolean {
  return zones.some((z) => span.start < z.end && span.end > z.start);
}

/** A reported clause already told as a direct quote: a quote crosses its edge or fills most of it.
 *  (A short quoted phrase inside it — "said Vilnius would not negotiate “over the heads of the EU”" — is not.) */
function toldAsQuote(clause: Span, quotes: Span[]): boolean {
  let inside = 0;
  for (const q of quotes) {
    if (q.end <= clause.start || q.start >= clause.end) continue;
    if (q.start < clause.start || q.end > clause.end) return true;
    inside += q.end - q.start;
  }
  return inside * 2 > clause.end - clause.start;
}

/** "said it would", "said the new troops will", "say the closure breaches": a subject, then a finite
 *  verb, right after the cue. After a verb whose object is the listener ("told the soldiers"), only
 *  an auxiliary counts: "told the troops stationed there" is not a report. */
function bareComplement(t: Token[], i: number, end: number, addressed: boolean): boolean {
  if (i >= end) return false;
  if (SUBJECT_PRONOUNS.has(norm(t[i].text)) && t[i].pos === 'PRON') return i + 1 < end && (t[i + 1].pos === 'AUX' || t[i + 1].pos === 'VERB');
  if (!['DET', 'PROPN', 'NOUN', 'ADJ', 'NUM'].includes(t[i].pos)) return false;
  let noun = t[i].pos === 'NOUN' || t[i].pos === 'PROPN';
  for (let k = i + 1; k < end && k <= i + BARE_SUBJECT_REACH; k++) {
    if (t[k].pos === 'AUX') return true;
    // "more than 900 asylum seekers had": a comparison inside the subject
    if (norm(t[k].text) === 'than' || (norm(t[k].text) === 'of' && noun)) continue;
    if (t[k].pos === 'VERB') return noun && !addressed && !/ing$/i.test(t[k].text);
    if (!['DET', 'PROPN', 'NOUN', 'ADJ', 'NUM', 'PART'].includes(t[k].pos)) return false;
    if (t[k].pos === 'NOUN' || t[k].pos === 'PROPN') noun = true;
  }
  return false;
}

/** The token after a speech verb and its object or adverbials where the reported clause starts. */
function complementStart(v: VoiceContext, hit: PhraseHit, end: number): number | undefined {
  const t = v.tokens;
  let k = hit.last + 1;
  if (bareComplement(t, k, end, ADDRESSED.has(norm(t[hit.first].lemma)))) return k;
  while (k < end && k <= hit.last + OBJECT_REACH && norm(t[k].text) !== 'that' && OBJECT_POS.has(t[k].pos)) k++;
  return k < end && norm(t[k].text) === 'that' ? k + 1 : undefined;
}

export function findIndirectSpeech(v: VoiceContext, quoted: Span[]): IndirectSpeech[] {
  const t = v.tokens;
  const body = v.analysis.doc.body;
  const out: IndirectSpeech[] = [];
  const push = (reported: Span | undefined, who: Attribution | undefined) => {
    if (!reported || !who || toldAsQuote(reported, quoted)) return false;
    out.push({ text: body.slice(reported.start, reported.end), ...reported, attribution: who });
    return true;
  };
  for (const sentence of v.analysis.sentences) {
    const [first, endTok] = sentence.tokens;
    if (quoted.some((q) => q.start <= sentence.start && q.end >= sentence.end) || endTok - first < 5) continue;
    // "According to X, CLAUSE."
    if (norm(t[first].text) === 'according' && norm(t[first + 1].text) === 'to') {
      let comma = first + 2;
      while (comma < endTok && t[comma].text !== ',') comma++;
      const who = comma < endTok && speakerPhrase(t, first + 2, comma - 1) ? credible(v, resolveSpeaker(v, first + 2, comma - 1, sentence.start)) : undefined;
      // "According to X, an analyst at Y, CLAUSE": the apposition is not part of what X said.
      let next = comma + 1;
      while (next < endTok && t[next].text !== ',') next++;
      if (next < endTok && speakerPhrase(t, comma + 1, next - 1)) comma = next;
      push(comma < endTok ? clause(v, comma + 1, endTok) : undefined, who ? withFields(who, { cue: 'according to', via: 'before' }) : undefined);
      continue;
    }
    if (trailing(v, first, endTok, push)) continue;
    for (let i = first + 1; i < endTok; i++) {
      const hit = v.lex.indirectCues.at(t, i, endTok);
      if (!hit || (t[i].pos !== 'VERB' && t[i].pos !== 'AUX' && t[i].pos !== 'NOUN') || v.inSpeech(t[i].start)) continue;
      const from = complementStart(v, hit, endTok);
      if (from === undefined) continue;
      const cue = v.text(hit.first, hit.last);
      // "Berlin rejected the calls, saying it …": the participle's subject is the sentence's.
      const who = /ing$/i.test(t[i].text) && t[i - 1].text === ','
        ? credible(v, earlierSpeaker(v, first, i, cue) ?? sentenceSubject(v, first, i, cue))
        : credible(v, subjectOf(v, hit, first, t[i].start, cue, 'before'));
      // "what Minsk said it is not interested in": a relative clause, not a report.
      if (!who || precededByWh(v, hit, first)) continue;
      if (push(clause(v, from, endTok), who)) break;
    }
  }
  return out;
}

/** "“…,” X said, adding that …": the speaker of the speech verb earlier in the sentence. */
function earlierSpeaker(v: VoiceContext, first: number, limit: number, cue: string): Attribution | undefined {
  const t = v.tokens;
  for (let j = limit - 2; j >= first; j--) {
    const hit = v.lex.directCues.at(t, j, limit);
    if (!hit || t[j].pos !== 'VERB' || v.inSpeech(t[j].start)) continue;
    const who = subjectOf(v, hit, first, t[j].start, cue, 'before');
    if (who) return who;
  }
  return undefined;
}

/** The words before the first verb of a sentence, as a speaker. */
function sentenceSubject(v: VoiceContext, first: number, limit: number, cue: string): Attribution | undefined {
  const t = v.tokens;
  let k = first;
  while (k < limit && t[k].pos !== 'VERB' && t[k].pos !== 'AUX') k++;
  if (k === first || !speakerPhrase(t, first, k - 1)) return undefined;
  const who = resolveSpeaker(v, first, k - 1, t[first].start);
  return who ? withFields(who, { cue, via: 'before' }) : undefined;
}

/** The object of the report moved before it: "what Minsk said it would not do", "the base that X said …". */
const GAP_WORDS = new Set(['what', 'whatever', 'which', 'that', 'who', 'whom']);

function precededByWh(v: VoiceContext, hit: PhraseHit, floor: number): boolean {
  const t = v.tokens;
  let k = hit.first - 1;
  while (k >= floor && ['AUX', 'ADV', 'PART'].includes(t[k].pos)) k--;
  while (k >= floor && ['DET', 'PROPN', 'NOUN', 'ADJ', 'PRON', 'NUM'].includes(t[k].pos) && !GAP_WORDS.has(norm(t[k].text))) k--;
  return k >= floor && GAP_WORDS.has(norm(t[k].text));
}

/** "CLAUSE, X said on Monday." and "CLAUSE, said X." */
function trailing(v: VoiceContext, first: number, endTok: number, push: (r: Span | undefined, who: Attribution | undefined) => boolean): boolean {
  const t = v.tokens;
  let last = endTok - 1;
  while (last > first && t[last].pos === 'PUNCT') last--;
  let comma = last;
  while (comma > first && t[comma].text !== ',' && last - comma < 16) comma--;
  if (comma <= first + 2 || t[comma].text !== ',') return false;
  // "CLAUSE, according to X."
  if (comma + 3 <= last && norm(t[comma + 1].text) === 'according' && norm(t[comma + 2].text) === 'to') {
    const who = speakerPhrase(t, comma + 3, last) ? credible(v, resolveSpeaker(v, comma + 3, last, t[comma].start)) : undefined;
    return who ? push(clause(v, first, comma), withFields(who, { cue: 'according to', via: 'after' })) : false;
  }
  // the tail: NP cue [adverbials] or cue NP
  for (let i = comma + 1; i <= last; i++) {
    const hit = v.lex.indirectCues.at(t, i, last + 1);
    if (!hit || (t[i].pos !== 'VERB' && t[i].pos !== 'AUX')) continue;
    let who: Speaker | undefined;
    if (i === comma + 1) {
      if (/ing$/i.test(t[i].text)) return false;   // ", saying …" is not "…, said X"
      if (ADDRESSED.has(norm(t[i].lemma))) return false;   // ", told Belsat": Belsat heard it, did not say it
      let end = hit.last + 1;
      while (end <= last && OBJECT_POS.has(t[end].pos)) end++;
      who = end - 1 > hit.last && speakerPhrase(t, hit.last + 1, end - 1) ? resolveSpeaker(v, hit.last + 1, end - 1, t[comma].start) : undefined;
    } else {
      let subjectEnd = i - 1;
      while (subjectEnd > comma && (t[subjectEnd].pos === 'AUX' || t[subjectEnd].pos === 'ADV')) subjectEnd--;
      // after the cue only adverbials of time or manner: "on Monday", "in a statement", "today"
      for (let k = hit.last + 1; k <= last; k++) if (!OBJECT_POS.has(t[k].pos) && t[k].pos !== 'ADV') return false;
      who = speakerPhrase(t, comma + 1, subjectEnd) ? resolveSpeaker(v, comma + 1, subjectEnd, t[comma].start) : undefined;
    }
    const ok = credible(v, who);
    return ok ? push(clause(v, first, comma), withFields(ok, { cue: v.text(hit.first, hit.last), via: 'after' })) : false;
  }
  return false;
}
