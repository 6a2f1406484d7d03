// Who a stretch of words names: an actor mention, a pronoun or description pointing back to an
// earlier actor, a surname of a person named before, or a name the knowledge base does not know.
import type { Mention, Token } from '../../model/types.ts';
import { norm } from './phrases.ts';
import { glued, withFields, type VoiceContext } from './context.ts';

export interface Speaker {
  actor?: string;
  text: string;
  code?: string;
  /** 'named': the words name the speaker; 'anaphor': resolved from he/they/the ministry; 'generic': "experts". */
  how: 'named' | 'anaphor' | 'generic';
  /** The speaker is a person (a named one, or "the minister"): "he" and "she" may point back to it. */
  person?: boolean;
}

/** How many paragraphs back a pronoun may reach for its antecedent. */
const ANAPHOR_REACH = 3;
const NOT_IN_NAMES = new Set(['DET', 'PRON', 'ADP', 'CCONJ', 'PUNCT', 'VERB', 'AUX']);
const ORGANISATIONS = ['org', 'igo', 'state', 'group'];

function fromMention(v: VoiceContext, m: Mention, how: Speaker['how']): Speaker {
  return { actor: m.actor, text: m.text, code: m.code ?? v.actor(m.actor)?.code, how, person: v.kindOf(m) === 'person' };
}

/** The words of tokens [first, last] without punctuation, pieces of one word put back together:
 *  the tokenizer splits words at some letters ("Sili" "ņ" "a"); the joined word keeps the first
 *  piece's tag, or PROPN when a capitalised word was split. */
function wordsOf(t: Token[], first: number, last: number, body: string): Token[] {
  const out: Token[] = [];
  for (let i = first; i <= last; i++) {
    if (glued(t, i) && out.length > 0) {
      const w = out[out.length - 1];
      w.end = t[i].end;
      w.text = body.slice(w.start, w.end);
      w.lemma = w.text.toLowerCase();
      w.space = t[i].space;
      if (/^\p{Lu}/u.test(w.text)) w.pos = 'PROPN';
      continue;
    }
    if (t[i].pos !== 'PUNCT') out.push({ ...t[i] });
  }
  return out;
}

/** Who may speak without a name: a usual source ("officials", "a senior official at the ministry",
 *  "one European ambassador in Riga"), not any common noun ("the talks continue: …"). */
export function credible<T extends Speaker>(v: VoiceContext, who: T | undefined): T | undefined {
  if (!who || who.how !== 'generic') return who;
  const words = norm(who.text).split(/\s+/);
  const pp = words.findIndex((w, i) => i > 0 && PREPOSITIONS.has(w));
  const head = (pp > 0 ? words.slice(0, pp) : words).pop() ?? '';
  return v.lex.sourceWords.has(head) || v.lex.sourceWords.has(head.replace(/e?s$/, '')) || v.lex.sourceWords.has(head.replace(/s$/, '')) ? who : undefined;
}

const PREPOSITIONS = new Set(['in', 'at', 'of', 'from', 'with', 'for', 'on', 'to', 'close']);

/** A state or capital after "in": where the speaker is, not whom the speaker stands for. */
function whereabouts(v: VoiceContext, m: Mention, first: number): boolean {
  const i = v.tokenFrom(m.start);
  return i - 1 > first && norm(v.tokens[i - 1].text) === 'in' && v.kindOf(m) === 'state';
}

const NP_POS = new Set(['DET', 'PROPN', 'NOUN', 'ADJ', 'PART', 'NUM']);

/** "the minister" when no actor fits: the last fuller phrase with the same head ("Lithuania's
 *  defence minister") stands for the speaker, with the code of a country named in it. */
function describedBefore(v: VoiceContext, head: string, kinds: string[], offset: number): Speaker | undefined {
  const t = v.tokens;
  const at = v.tokenBefore(offset);
  if (at < 0) return undefined;
  const minParagraph = v.paragraph(at) - 2 * ANAPHOR_REACH;   // "the minister" reaches further back than "he"
  for (let i = at; i > 0 && v.paragraph(i) >= minParagraph; i--) {
    if (norm(t[i].lemma) !== head || v.inSpeech(t[i].start)) continue;
    let first = i;
    while (first - 1 >= 0 && NP_POS.has(t[first - 1].pos) && t[first - 1].sentence === t[i].sentence) first--;
    while (first < i && t[first].pos === 'DET') first++;
    if (first === i) continue;   // "the minister" again: not fuller
    const speaker: Speaker = { text: v.text(first, i), how: 'anaphor', person: kinds.includes('person') };
    const state = v.mentionsIn(t[first].start, t[i].end).find((m) => m.actor && v.kindOf(m) === 'state');
    const country = state ? v.actor(state.actor)?.country ?? state.code?.slice(0, 3) : undefined;
    const sector = v.sectorCode(t[i].text) ?? v.sectorCode(t[i].lemma);
    if (country) speaker.code = sector ? country + sector : country;
    return speaker;
  }
  return undefined;
}

/** The latest actor mention of one of `kinds` before `offset`, outside quoted speech. */
export function antecedent(v: VoiceContext, kinds: string[], offset: number): Mention | undefined {
  const at = v.tokenBefore(offset);
  if (at < 0) return undefined;
  const minParagraph = v.paragraph(at) - ANAPHOR_REACH;
  for (let k = v.mentions.length - 1; k >= 0; k--) {
    const m = v.mentions[k];
    if (m.end > offset || !m.actor) continue;
    const i = v.tokenFrom(m.start);
    if (i < v.tokens.length && v.paragraph(i) < minParagraph) break;
    if (v.inSpeech(m.start)) continue;
    if (kinds.includes(v.kindOf(m))) return m;
  }
  return undefined;
}

/** A person mentioned earlier whose surname is `word` ("Fleischer" after "Paweł Fleischer"). */
function bySurname(v: VoiceContext, word: string, offset: number): Mention | undefined {
  const w = norm(word);
  for (let k = v.mentions.length - 1; k >= 0; k--) {
    const m = v.mentions[k];
    if (m.start >= offset || !m.actor || v.kindOf(m) !== 'person') continue;
    const names = [m.text, v.actor(m.actor)?.name ?? ''];
    if (names.some((n) => norm(n).split(/\s+/).pop() === w)) return m;
  }
  return undefined;
}

/** Mentions by where they end, last first; of two that end together, the longer first. */
function headFirst(a: Mention, b: Mention): number {
  return b.end - a.end || (b.end - b.start) - (a.end - a.start);
}

function inName(w: Token): boolean {
  return !NOT_IN_NAMES.has(w.pos) && /^\p{Lu}/u.test(w.text);
}

/** The speaker named by tokens [first, last]; `offset` is where the speech is, for pronouns. */
export function resolveSpeaker(v: VoiceContext, first: number, last: number, offset: number): Speaker | undefined {
  if (first > last) return undefined;
  const t = v.tokens;
  const start = t[first].start, end = t[last].end;
  // Places do not speak, nor does the country in "an ambassador in Vilnius" (where the speaker is).
  const found = v.mentionsIn(start, end).filter((m) => m.actor && v.kindOf(m) !== 'place' && !whereabouts(v, m, first));
  if (found.length > 0) {
    // A person named in the words is the speaker ("MoD Spokesman Uladzimir Makarau"); else the head,
    // which comes last ("the Belarusian MoD").
    const best = found.filter((m) => v.kindOf(m) === 'person').sort(headFirst)[0] ?? [...found].sort(headFirst)[0];
    const speaker = fromMention(v, best, 'named');
    const head = t[last];
    if (v.kindOf(best) !== 'person' && (best.start > start || best.end < end)) {
      // "a senior British minister", "an official at the Lithuanian ministry": the actor named is
      // whom the speaker stands for; the words as written name the speaker.
      speaker.text = v.text(first, last);
    }
    if (v.kindOf(best) === 'state' && best.end < head.end && (head.pos === 'NOUN' || head.pos === 'PROPN')) {
      // The head noun may give the sector: "British minister" speaks for the government.
      const sector = v.sectorCode(head.text) ?? v.sectorCode(head.lemma);
      const country = v.actor(best.actor)?.country ?? best.code?.slice(0, 3);
      if (sector && country) speaker.code = country + sector;
    }
    return speaker;
  }
  // A pronoun points back from where it stands, or from the quote when the quote comes first.
  offset = Math.min(offset, t[first].start);
  const words = wordsOf(t, first, last, v.analysis.doc.body);
  if (words.length === 0) return undefined;
  const head = words[words.length - 1];
  const pronounKinds = words.length === 1 ? v.lex.pronouns.get(norm(head.text)) : undefined;
  if (pronounKinds) {
    const m = antecedent(v, pronounKinds, offset);
    if (m) return fromMention(v, m, 'anaphor');
    // No actor fits, but a person without a known name spoke just before ("the minister … he said").
    const last = v.speakers[v.speakers.length - 1];
    return pronounKinds.includes('person') && pronounKinds.length === 1 && last?.person ? withFields(last, { how: 'anaphor' }) : undefined;
  }
  // A run of capitalised words at the end is a name ("Belarusian military expert Alyaksandr Alesin").
  let n = words.length;
  while (n > 0 && inName(words[n - 1])) n--;
  // A name after a preposition is where or what the speaker belongs to ("an ambassador in
  // Vilnius", "the Ministry of Defence"): the whole phrase names the speaker then.
  if (n > 0 && n < words.length && words[n - 1].pos === 'ADP') {
    return { text: v.text(first, last), how: 'generic', person: v.lex.descriptions.get(norm(words[0].lemma))?.includes('person') ?? false };
  }
  if (n < words.length && words.slice(n).some((w) => w.pos === 'PROPN')) {
    // Titles written before a name are not part of it ("MoD Spokesman Uladzimir Makarau").
    for (let k = words.length - 2; k >= n; k--) if (v.isTitle(words[k])) { n = k + 1; break; }
    const name = words.slice(n);
    if (name.length === 1) {
      const person = bySurname(v, name[0].text, offset);
      if (person) return fromMention(v, person, 'named');
      const earlier = [...v.speakers].reverse().find((s) => s.how === 'named' && s.text !== name[0].text && norm(s.text).split(/\s+/).pop() === norm(name[0].text));
      if (earlier) return withFields(earlier, {});
      // One capitalised word opening a sentence, unknown to the actors stage, is most likely a
      // common word ("Others say", "Critics said"): the tagger calls those proper nouns too.
      const at = v.tokenFrom(name[0].start);   // (words are copies: find the token by its offset)
      if (at === 0 || (at > 0 && t[at - 1].sentence !== name[0].sentence)) return { text: v.text(first, last), how: 'generic' };
    }
    // "its Foreign Ministry" keeps its determiner; "military expert Alyaksandr Alesin" is the name alone.
    const from = words.slice(0, n).every((w) => w.pos === 'DET' || w.pos === 'PRON') ? words[0] : name[0];
    return { text: v.analysis.doc.body.slice(from.start, name[name.length - 1].end), how: 'named', person: n > 0 && words.slice(0, n).some((w) => v.isTitle(w)) };
  }
  const descriptionKinds = v.lex.descriptions.get(norm(head.lemma)) ?? v.lex.descriptions.get(norm(head.text));
  if (descriptionKinds && /^(the|this|that)$/i.test(words[0].text)) {
    const m = antecedent(v, descriptionKinds, offset);
    if (m) return fromMention(v, m, 'anaphor');
    const fuller = describedBefore(v, norm(head.lemma), descriptionKinds, t[first].start)
      ?? [...v.speakers].reverse().find((x) => x.how !== 'generic' && norm(x.text).split(/\s+/).pop() === norm(head.text) && /\s/.test(x.text.trim()) && !/^the\s/i.test(x.text));
    if (fuller) return withFields(fuller, { how: 'anaphor' });
  }
  if (descriptionKinds && /^(its|their)$/i.test(words[0].text)) {
    // "its spokesperson" speaks for the organisation named before.
    const m = antecedent(v, ORGANISATIONS, offset);
    if (m) return withFields(fromMention(v, m, 'anaphor'), { text: v.text(first, last) });
  }
  return { text: v.text(first, last), how: 'generic', person: descriptionKinds?.includes('person') ?? false };
}
