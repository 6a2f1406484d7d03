// Source and target of a trigger, from the actor mentions of its sentence: subject and
// object, possessives ("Poland's offer"), "between X and Y", coordination ("Belarus and Poland
// discuss"), passives ("was attacked by X"), pronouns, and reported speech (the reporter is
// not the source of what they report).
import type { Analysis, EventRole, Quote, Token } from '../../model/types.ts';
import { cueTables, isAdjectival, isWord } from './cues.ts';
import { country, NOT_SUBJECT_AFTER, precededBy, type MentionIndex } from './mentions.ts';
import { ploverData } from './data.ts';
import { PLACE_PREPS, STOP_FORWARD } from './places.ts';

const SUBJECT_PRONOUNS = new Set(['it', 'they', 'he', 'she', 'we', 'its', 'their', 'his', 'her', 'our']);
const PLURAL_PRONOUNS = new Set(['they', 'their', 'them']);
const FIRST_PERSON = new Set(['we', 'our', 'us', 'i', 'my', 'me']);
const POSSESSIVE = new Set(["'s", "'", '’s', '’', 's']);
const COORD = new Set(['and', '&', ',']);
const BY = new Set(['by']);
const NP_POS = new Set(['NOUN', 'ADJ', 'DET', 'PROPN', 'NUM']);
const RELATIVE = new Set(['which', 'that', 'who']);
const CLAUSE_START = new Set(['that', 'which', 'who', 'whom', 'where', ';', ':', '“', '"']);
const OF = new Set(['of']);
const TITLE_POS = new Set(['NOUN', 'PROPN', 'ADJ']);
const CLAUSE_LINKS = new Set(['before', 'after', 'until', 'because', 'while', 'since', 'when', 'unless', 'if', 'as', 'once']);

/** A verb within the next few words: what starts at `from` is a clause, not a noun phrase. */
function opensClause(tokens: Token[], from: number, to: number): boolean {
  for (let j = from; j < Math.min(to, from + 5); j++) {
    if (tokens[j].pos === 'VERB' || tokens[j].pos === 'AUX') return true;
    if (tokens[j].pos === 'PUNCT') return false;
  }
  return false;
}
const TO = new Set(['to']);
const PARTICLES = new Set(['up', 'out', 'off', 'down', 'back', 'on']);
/** Prepositions of time: "backed down after talks with X" tells the subject's talks; other prepositional
 *  phrases tell what the subject reacts to ("defended Iraq against criticism", "calls for a ceasefire"). */
const TEMPORAL_PREPS = new Set(['after', 'before', 'during', 'following', 'since', 'until', 'throughout']);
const IN = new Set(['in']);

/** What the role finders know about the trigger's sentence. */
export interface RoleContext {
  a: Analysis;
  ix: MentionIndex;
  sentence: number;
  from: number;              // first token of the sentence (or of the quote the trigger sits in)
  to: number;                // one past the last token of the sentence
  quote?: Quote;             // the direct quote the trigger sits in
  words?: Set<number>;       // token indices of the trigger's own words
  crossThat?: boolean;       // "demanded that the US cancel": the target opens the that-clause
  placeIsTarget?: boolean;   // a verbal act: "threatened to resume attacks in Israel" targets Israel
  placeCountry?: (name: string) => string | undefined;   // the country of a place name the knowledge base knows
  selfMoving?: boolean;      // moves of one's own forces (MOBILIZE, RETREAT): a passive subject is the source
  notPassive?: boolean;      // "is opposed to": a participle used as an adjective
  mediator?: boolean;        // "mediation between X and Y": the pair is no source
  fromIsSource?: boolean;    // a said act: "an appeal from Gbagbo", "the offer from Kabul" name its author
  ofIsTarget?: boolean;      // an act done to someone: "the blockade of Serbia" names the target, not the source
  pair?: [EventRole, EventRole];   // the two actors of the previous sentence's last two-sided event
}

interface RolesFile { that_targets: string[]; pair_determiners: string[]; pair_nouns: string[]; hardware: string[]; utterance_nouns: string[]; crowd_nouns: string[]; force_cues: string[]; group_sectors: Record<string, string> }
let groups: Map<string, string> | undefined;

/** "opposition" -> OPP, "rebels" -> REB: the sector an unnamed group noun stands for (data/plover/roles.yaml). */
export function groupSector(word: string): string | undefined {
  groups ??= new Map(Object.entries(ploverData<RolesFile>('roles').group_sectors));
  return groups.get(word.toLowerCase());
}
let thatTargets: Set<string> | undefined;

/** "alleged that": an accusation whose that-clause's subject is its target (data/plover/roles.yaml). */
function takesThatTarget(t: Token): boolean {
  thatTargets ??= new Set(ploverData<RolesFile>('roles').that_targets);
  return t.pos === 'VERB' && thatTargets.has(t.lemma);
}
let utterances: Set<string> | undefined;
let crowds: Set<string> | undefined;

/** "statement", "declaration": a noun for something said or written (data/plover/roles.yaml). */
export function isUtteranceNoun(word: string): boolean {
  utterances ??= new Set(ploverData<RolesFile>('roles').utterance_nouns);
  return utterances.has(word.toLowerCase());
}

/** "demonstrators", "thousands": a noun for an unnamed crowd (data/plover/roles.yaml). */
export function isCrowdNoun(word: string): boolean {
  crowds ??= new Set(ploverData<RolesFile>('roles').crowd_nouns);
  return crowds.has(word.toLowerCase());
}
let forceCues: Set<string> | undefined;

/** A word in tokens [from, to) that tells deliberate force by someone unnamed: "bomb", "gunmen" (data/plover/roles.yaml). */
export function forceCueIn(tokens: Token[], from: number, to: number): boolean {
  forceCues ??= new Set(ploverData<RolesFile>('roles').force_cues);
  for (let k = from; k < to; k++) if (forceCues.has(tokens[k].text.toLowerCase()) || forceCues.has(tokens[k].lemma)) return true;
  return false;
}
let pairWords: { determiners: Set<string>; nouns: Set<string> } | undefined;
let hardware: Set<string> | undefined;

/**
 * Whether the subject of the verb chain starting at `top` is unowned military hardware or a
 * pronoun ("the missiles already deployed", "nothing prevents them from being placed").
 */
export function hardwareSubject(tokens: Token[], top: number, from: number): 'noun' | 'pronoun' | undefined {
  hardware ??= new Set(ploverData<RolesFile>('roles').hardware);
  let k = leftOfChain(tokens, top, from);
  // "them from being placed", "them to be moved": the subject of a gerund or infinitive
  if (k > from && (tokens[k].lemma === 'from' || tokens[k].lemma === 'to')) k = leftOfChain(tokens, k, from);
  if (k < from) return undefined;
  const t = tokens[k];
  if (t.pos === 'PRON' && (t.lemma === 'they' || t.lemma === 'them')) return 'pronoun';
  // "the missiles [already deployed within the country's borders] will be aimed": past a reduced relative
  for (let j = k; j >= from && j > k - 10; j--) {
    const w = tokens[j];
    if (w.pos === 'NOUN' && hardware.has(w.text.toLowerCase())) return 'noun';
    if ((w.pos === 'PUNCT' && w.text !== '-' && w.text !== "'" && w.text !== '’') || w.pos === 'SCONJ' || w.pos === 'AUX' || w.pos === 'PRON') return undefined;
  }
  return undefined;
}

/** The nearest actor mention before token `before` in the sentence that is no place or object of a preposition. */
export function mentionBefore(c: RoleContext, before: number): number | undefined {
  for (let k = before - 1; k >= c.from; k--) {
    const m = c.ix.at[k];
    if (m < 0) continue;
    const e = c.ix.mentions[m];
    if (!precededBy(c.a.tokens, e.first, c.from, NOT_SUBJECT_AFTER)) return m;
    k = e.first;
  }
  return undefined;
}

/** "the two countries", "both sides", "the parties": tokens [from, to] name a pair of actors. */
function isPairPhrase(tokens: Token[], from: number, to: number): boolean {
  if (!pairWords) {
    const f = ploverData<RolesFile>('roles');
    pairWords = { determiners: new Set(f.pair_determiners), nouns: new Set(f.pair_nouns) };
  }
  const head = tokens[to].text.toLowerCase();
  if (!pairWords.nouns.has(head)) return false;
  for (let k = from; k < to; k++) if (pairWords.determiners.has(tokens[k].lemma) || pairWords.determiners.has(tokens[k].text.toLowerCase())) return true;
  return head === 'parties' || head === 'sides';
}

export interface Participants {
  source?: number | EventRole;
  targets: number[];
  targetRoles?: EventRole[];   // targets that are no mention of this sentence ("the two countries")
  partner?: number;
  carried: boolean;
  passive: boolean;
}

/** A past participle: "attacked", "taken", "shot"; not a base form like "open" or a gerund. */
function isParticiple(t: Token): boolean {
  const lower = t.text.toLowerCase();
  return t.lemma !== lower && !/ing$|s$/.test(lower);
}

/** The mention coordinated before mention m ("Belarus and Poland"), if any. */
function coordinatedBefore(c: RoleContext, m: number): number | undefined {
  let k = c.ix.mentions[m].first - 1;
  // "Israel and the Palestinians"; "Gaddafi and Bulgarian President Todor Zhivkov": past a title that names no actor of its own
  for (let titles = 0; k > c.from && c.ix.at[k] < 0; k--) {
    const t = c.a.tokens[k];
    if (t.pos === 'DET') continue;
    if (titles < 3 && TITLE_POS.has(t.pos) && /^\p{Lu}/u.test(t.text)) { titles++; continue; }
    break;
  }
  if (k <= c.from || !COORD.has(c.a.tokens[k].lemma)) return undefined;
  let j = k - 1;
  // ("French and Egyptian warships": a demonym tagged as an adjective is itself the first name)
  while (j >= c.from && c.ix.at[j] < 0 && (c.a.tokens[j].pos === 'ADJ' || c.a.tokens[j].pos === 'DET' || POSSESSIVE.has(c.a.tokens[j].text.toLowerCase()))) j--;
  return j >= c.from && c.ix.at[j] >= 0 && c.ix.at[j] !== m ? c.ix.at[j] : undefined;
}

/** "Farmers in Poland", "Rebels in the Ivory Coast": an unnamed group before "in" and the name at `first`. */
function groupBefore(c: RoleContext, first: number): boolean {
  const { tokens } = c.a;
  let k = first - 1;
  while (k > c.from && tokens[k].pos === 'DET') k--;
  if (k < c.from || !isWord(tokens[k], 'in')) return false;
  const g = k - 1;
  return g >= c.from && c.ix.at[g] < 0 && (tokens[g].pos === 'NOUN' || (tokens[g].pos === 'PROPN' && /s$/.test(tokens[g].text)));
}

/** "Doctors from two American aid groups donated": an unnamed group that opens its clause, said to come from the name at `first`. */
function fromGroup(c: RoleContext, first: number): boolean {
  const { tokens } = c.a;
  let k = first - 1;
  while (k > c.from && (tokens[k].pos === 'DET' || tokens[k].pos === 'ADJ' || tokens[k].pos === 'NUM')) k--;
  if (k <= c.from || !isWord(tokens[k], 'from')) return false;
  let g = k - 1;
  if (c.ix.at[g] >= 0 || !(tokens[g].pos === 'NOUN' || (tokens[g].pos === 'PROPN' && /s$/.test(tokens[g].text)))) return false;
  while (g - 1 >= c.from && (tokens[g - 1].pos === 'DET' || tokens[g - 1].pos === 'ADJ' || tokens[g - 1].pos === 'NUM') && c.ix.at[g - 1] < 0) g--;
  return g === c.from || tokens[g - 1].text === ',' || tokens[g - 1].pos === 'SCONJ' || tokens[g - 1].pos === 'CCONJ';
}

/** "Demonstrators in Baghdad blocked": a group named by where it is, when the place is no actor mention. */
function groupInPlace(c: RoleContext, top: number): EventRole | undefined {
  if (!c.placeCountry) return undefined;
  const { tokens } = c.a;
  const k = leftOfChain(tokens, top, c.from);
  if (k < c.from || tokens[k].pos !== 'PROPN' || c.ix.at[k] >= 0) return undefined;
  let j = k;
  while (j - 1 >= c.from && tokens[j - 1].pos === 'PROPN' && c.ix.at[j - 1] < 0) j--;
  if (!groupBefore(c, j)) return undefined;
  const text = c.a.doc.body.slice(tokens[j].start, tokens[k].end);
  const code = c.placeCountry(text);
  return code ? { code, text, start: tokens[j].start, end: tokens[k].end } : undefined;
}

/** A new clause between tokens [from, to): a semicolon, or a comma before a conjunction ("; Russia is", ", and the US"). */
function clauseBreakBetween(tokens: Token[], from: number, to: number): boolean {
  for (let j = from; j < to; j++) {
    if (tokens[j].text === ';' || tokens[j].text === ':') return true;
    if (tokens[j].text === ',' && j + 1 < to && tokens[j + 1].pos === 'CCONJ' && j + 2 < to && tokens[j + 2].pos !== 'VERB' && tokens[j + 2].pos !== 'AUX') return true;
  }
  return false;
}

function pronounSource(c: RoleContext, k: number): number | EventRole | undefined {
  const w = c.a.tokens[k].lemma;
  if (c.quote && FIRST_PERSON.has(w) && c.quote.speakerCode) {
    return { actor: c.quote.speaker, code: c.quote.speakerCode, text: c.quote.speakerText ?? 'speaker', start: c.quote.start, end: c.quote.end };
  }
  if (FIRST_PERSON.has(w)) return undefined;
  const s = c.a.tokens[k].sentence;
  const sFrom = c.a.sentences[s].tokens[0];
  // "X rejected a Senegalese plan and said they ...": a name that only modifies a noun is no
  // antecedent; then the sentence's subject is
  const subject = c.ix.subjects[s];
  const { tokens } = c.a;
  for (let j = k - 1; j >= sFrom; j--) {
    const m = c.ix.at[j];
    if (m < 0) continue;
    const e = c.ix.mentions[m];
    j = e.first;
    if (precededBy(tokens, e.first, sFrom, NOT_SUBJECT_AFTER) && !precededBy(tokens, e.first, sFrom, TO)) continue;
    // "they", "their": a group, never one person ("release Prime Minister X, whom they had taken hostage")
    if (PLURAL_PRONOUNS.has(w) && e.mention.kind === 'person') continue;
    // ("Palestinian leaders said they": a modifier of the subject stands for the subject)
    const modifier = m !== subject && e.last + 1 < k && (tokens[e.last + 1].pos === 'NOUN' || tokens[e.last + 1].pos === 'PROPN') && c.ix.at[e.last + 1] < 0;
    if (modifier && subject !== undefined && subject !== m && c.ix.mentions[subject].last < k
      && !clauseBreakBetween(tokens, c.ix.mentions[subject].last + 1, k)) return subject;
    if (!modifier) return m;
  }
  return s > 0 ? c.ix.subjects[s - 1] : undefined;
}

/** The subject of a verb chain starting at `top`: the nearest actor mention before it. */
function subjectBefore(c: RoleContext, top: number, maxDistance: number): { m?: number | EventRole; pronoun: boolean } {
  const { tokens } = c.a;
  const report = cueTables().reportVerbs;
  // "Poland's plans to host": the owner of a governing noun is the subject.
  if (top - 2 >= c.from && tokens[top].pos === 'NOUN' && POSSESSIVE.has(tokens[top - 1].text.toLowerCase()) && c.ix.at[top - 2] >= 0) {
    return { m: c.ix.at[top - 2], pronoun: false };
  }
  // "Moscow failed to persuade Minsk and never deployed": a coordinated verb phrase shares the
  // subject of the first one, so mentions are skipped until the earlier verb is passed.
  let coordinated = false;
  let verbPassed = false;
  let sawWord = false;
  let ofFallback: number | undefined;
  {
    let k = top - 1;
    while (k >= c.from && (tokens[k].pos === 'ADV' || tokens[k].pos === 'AUX' || tokens[k].pos === 'PART')) k--;
    coordinated = k >= c.from && (tokens[k].lemma === 'and' || tokens[k].lemma === 'but') && tokens[k].pos === 'CCONJ';
  }
  for (let k = top - 1, n = 0; k >= c.from && n < maxDistance; k--, n++) {
    const t = tokens[k];
    if (t.text === ';') break;
    if (coordinated && !verbPassed) {
      if (t.pos === 'VERB' && !/ing$/i.test(t.text)) verbPassed = true;     // a gerund ("of weaponising") is not the first verb
      continue;
    }
    // "Pakistan, a key U.S. ally, has refused": skip an apposition back to the name it describes.
    if (t.text === ',' && !sawWord) {
      for (let j = k - 1, d = 0; j > c.from && d < 12; j--, d++) {
        if (tokens[j].pos === 'VERB' || tokens[j].pos === 'AUX') break;
        if (tokens[j].text === ',') {
          const before = c.ix.at[j - 1];
          if (before >= 0) return { m: before, pronoun: false };
          break;
        }
      }
    }
    if (t.pos !== 'ADV' && t.pos !== 'AUX' && t.pos !== 'PART' && t.text !== ',') sawWord = true;
    const m = c.ix.at[k];
    if (m >= 0) {
      const e = c.ix.mentions[m];
      // "Opposition groups in Zimbabwe are demanding": the place of an unnamed group, if nothing better.
      if ((precededBy(tokens, e.first, c.from, IN) && groupBefore(c, e.first)) || fromGroup(c, e.first)) { ofFallback ??= m; k = e.first; continue; }
      if (precededBy(tokens, e.first, c.from, NOT_SUBJECT_AFTER)) { k = e.first; continue; }
      // "the US-backed government": a name inside a hyphenated modifier is not the subject.
      if (e.last + 1 < c.to && tokens[e.last + 1].text === '-' && !tokens[e.last].space) { k = e.first; continue; }
      // "the Turkish and Greek sides of Cyprus": a name after "of" only if no other comes before.
      if (precededBy(tokens, e.first, c.from, OF)) { ofFallback ??= m; k = e.first; continue; }
      return { m, pronoun: false };
    }
    if (ofFallback !== undefined && (t.pos === 'AUX' || (t.pos === 'VERB' && !isAdjectival(tokens, k, c.from)))) return { m: ofFallback, pronoun: false };
    if (t.pos === 'PRON' && SUBJECT_PRONOUNS.has(t.lemma)) {
      const p = pronounSource(c, k);
      return { m: p, pronoun: true };
    }
    if (t.pos === 'VERB' && report.has(t.lemma)) break;     // "X said [that] ...": X reports, is not the subject
  }
  return ofFallback !== undefined ? { m: ofFallback, pronoun: false } : { pronoun: false };
}

/**
 * The first participant after the trigger's head (inside a multi-word trigger too: "host a US
 * base"), before the clause ends, a new verb phrase starts, or a report begins.
 */
function objectAfter(c: RoleContext, head: number, last: number, exclude: string | undefined): number[] {
  const own = c.words ?? new Set<number>();
  let placeTarget: number | undefined;
  const { tokens } = c.a;
  const report = cueTables().reportVerbs;
  const crossThat = c.crossThat || takesThatTarget(tokens[head]);
  for (let k = head + 1, n = 0; k < c.to && n < 14 + (last - head); k++, n++) {
    const t = tokens[k];
    if (STOP_FORWARD.has(t.text)) break;
    if (t.pos === 'VERB' && report.has(t.lemma)) break;
    if (k > last && t.pos === 'AUX') break;
    if (k > last && t.pos === 'SCONJ' && !(crossThat && k <= last + 4 && t.lemma === 'that')) break;
    // "withdrew before Ukraine attacked": a clause of time or cause is no object
    if (k > last && CLAUSE_LINKS.has(t.lemma) && opensClause(tokens, k + 1, c.to)) break;
    // A verb right after the trigger verb is a mis-tagged noun ("rejected calls by X").
    if (k > last + 1 && t.pos === 'VERB' && !isWord(tokens[k - 1], 'to') && !/ing$/i.test(t.text) && !isAdjectival(tokens, k, c.from)) break;
    if (k > last && (t.lemma === 'and' || t.lemma === 'but') && k + 1 < c.to && (tokens[k + 1].pos === 'VERB' || tokens[k + 1].pos === 'AUX')) break;
    // ", and German officials have called": a comma before a conjunction ends the clause
    // (not inside the trigger's own span: "launched artillery, mortar, and rocket fire").
    if (k > last && t.text === ',' && k + 1 < c.to && (tokens[k + 1].pos === 'CCONJ' || tokens[k + 1].pos === 'SCONJ' || RELATIVE.has(tokens[k + 1].lemma))) break;
    if (k > last && t.text === ',') {
      let reportSoon = false;
      // (", a spokeswoman for the U.S. embassy said": a reporter's phrase may run to nine words)
      for (let j = k + 1; j < Math.min(c.to, k + 10); j++) if (tokens[j].pos === 'VERB' && report.has(tokens[j].lemma)) reportSoon = true;
      if (reportSoon) break;
    }
    const m = c.ix.at[k];
    if (m < 0) continue;
    const e = c.ix.mentions[m];
    k = e.last;
    // "Russian-made rockets": a name inside a hyphenated modifier is no participant
    if (e.last + 1 < c.to && tokens[e.last + 1].text === '-' && !tokens[e.last].space) continue;
    let p = e.first - 1;
    while (p > head && (tokens[p].pos === 'DET' || tokens[p].pos === 'ADJ')) p--;
    const ownPreposition = own.has(p);     // "fired rockets at X": the pattern's own "at"
    const agent = p <= last + 1 && precededBy(tokens, e.first, head + 1, BY);   // "attacked by X": X is the source
    if (agent && !ownPreposition) continue;
    if (!ownPreposition && precededBy(tokens, e.first, head + 1, PLACE_PREPS)) {
      // "threatened to resume attacks in Israel": for a verbal act the place of its content is its target.
      if (c.placeIsTarget && placeTarget === undefined && (!exclude || country(e.code) !== exclude)) placeTarget = m;
      continue;
    }
    if (exclude && country(e.code) === exclude) continue;
    const coordinated = coordinatedAfter(c, m, exclude);
    const second = coordinated.length ? undefined : betweenSecond(c, m);
    return second !== undefined && (!exclude || country(c.ix.mentions[second].code) !== exclude) ? [m, second] : [m, ...coordinated];
  }
  return placeTarget !== undefined ? [placeTarget] : [];
}

/**
 * "between an Israeli peace movement and the PLO": when mention m names the first side after
 * "between" (perhaps as a modifier of its phrase), the mention that names the second side.
 */
export function betweenSecond(c: RoleContext, m: number): number | undefined {
  const { tokens } = c.a;
  const e = c.ix.mentions[m];
  let k = e.first - 1;
  while (k > c.from && (tokens[k].pos === 'DET' || tokens[k].pos === 'ADJ')) k--;
  if (k < c.from || !isWord(tokens[k], 'between')) return undefined;
  let j = e.last + 1;
  while (j < c.to && j <= e.last + 4 && c.ix.at[j] < 0 && (tokens[j].pos === 'NOUN' || tokens[j].pos === 'ADJ' || tokens[j].pos === 'PROPN')) j++;
  if (!(j < c.to && (tokens[j].lemma === 'and' || tokens[j].text === '&'))) return undefined;
  j++;
  while (j < c.to && (tokens[j].pos === 'DET' || tokens[j].pos === 'ADJ')) j++;
  return j < c.to && c.ix.at[j] >= 0 && c.ix.at[j] !== m ? c.ix.at[j] : undefined;
}

/** Mentions coordinated after mention m: "to Iran, Libya and Cuba". */
function coordinatedAfter(c: RoleContext, m: number, exclude: string | undefined): number[] {
  const { tokens } = c.a;
  const out: number[] = [];
  let at = c.ix.mentions[m].last + 1;
  while (at < c.to && out.length < 8) {
    let k = at;
    if (tokens[k].text === ',') k++;
    const conj = k < c.to && (tokens[k].lemma === 'and' || tokens[k].lemma === 'or');
    if (conj) k++;
    if (k === at) break;
    // ", a Saudi weekly reports": after a bare comma an article starts another phrase
    if (!conj && k < c.to && tokens[k].pos === 'DET') break;
    while (k < c.to && tokens[k].pos === 'DET') k++;
    const next = k < c.to ? c.ix.at[k] : -1;
    if (next < 0 || c.ix.mentions[next].first !== k) break;
    if (!exclude || country(c.ix.mentions[next].code) !== exclude) out.push(next);
    at = c.ix.mentions[next].last + 1;
  }
  return out;
}

function roleCountry(c: RoleContext, r: number | EventRole | undefined): string | undefined {
  if (r === undefined) return undefined;
  return country(typeof r === 'number' ? c.ix.mentions[r].code : r.code);
}

/** The token left of the verb chain starting at `top`, past adverbs, auxiliaries and "not". */
function leftOfChain(tokens: Token[], top: number, from: number): number {
  let k = top - 1;
  while (k >= from && (tokens[k].pos === 'ADV' || tokens[k].pos === 'AUX' || tokens[k].pos === 'PART')) k--;
  return k;
}

/** "was attacked by X": the agent and the passive subject, when a "by" phrase names the agent. */
function passiveWithAgent(c: RoleContext, top: number, last: number): Participants | undefined {
  const { tokens } = c.a;
  for (let j = last + 1; j < Math.min(c.to, last + 4); j++) {
    if (!isWord(tokens[j], 'by')) continue;
    let a = j + 1;
    while (a < c.to && (tokens[a].pos === 'DET' || tokens[a].pos === 'ADJ')) a++;
    if (a >= c.to || c.ix.at[a] < 0) continue;
    const agent = c.ix.at[a];
    // The passive subject is the target, even inside a phrase: "a camp for Congolese refugees was attacked by".
    let target: number | undefined;
    for (let k = top - 1; k >= c.from && target === undefined; k--) if (c.ix.at[k] >= 0 && c.ix.at[k] !== agent) target = c.ix.at[k];
    return { source: agent, targets: target !== undefined ? [target] : [], carried: false, passive: true };
  }
  return undefined;
}

/**
 * A subject that settles the participants before any search: a noun phrase that names no actor
 * ("Some commentators called": nobody), a pair ("The two countries agreed": the previous
 * dyad), or a relative pronoun ("officers that arrived": the name before it).
 */
function settledSubject(c: RoleContext, head: number, last: number, top: number, passive: boolean): Participants | undefined {
  const { tokens } = c.a;
  const nobody: Participants = { targets: [], carried: false, passive: false };
  const k = leftOfChain(tokens, top, c.from);
  if (k >= c.from && tokens[k].pos === 'NOUN' && c.ix.at[k] < 0) {
    let j = k;
    let named = false;
    while (j >= c.from && (NP_POS.has(tokens[j].pos) || POSSESSIVE.has(tokens[j].text.toLowerCase()) || c.ix.at[j] >= 0)) { named ||= c.ix.at[j] >= 0; j--; }
    if (!named && c.pair && isPairPhrase(tokens, j + 1, k)) return { source: c.pair[0], targets: [], targetRoles: [c.pair[1]], carried: true, passive: false };
    // Only a noun phrase that opens its clause is surely the subject: "warned that freight
    // carriers would"; not "sides of the commission agreed".
    const opensClause = j < c.from || tokens[j].pos === 'SCONJ' || CLAUSE_START.has(tokens[j].lemma) || (tokens[j].pos === 'VERB' && cueTables().reportVerbs.has(tokens[j].lemma));
    if (!named && opensClause) return nobody;
  }
  // "accused Darfur rebels of violating": the subject of an "of"-gerund is the verb's object; when
  // that names no actor, the act is nobody's we know (not the accuser's)
  if (k > c.from && isWord(tokens[k], 'of') && /ing$/i.test(tokens[top].text)) {
    let j = k - 1;
    while (j >= c.from && c.ix.at[j] < 0 && NP_POS.has(tokens[j].pos)) j--;
    if (j < k - 1 && j >= c.from && c.ix.at[j] < 0 && tokens[j].pos === 'VERB' && tokens[k - 1].pos === 'NOUN') return nobody;
  }
  if (k > c.from && RELATIVE.has(tokens[k].lemma) && (tokens[k].pos === 'PRON' || tokens[k].pos === 'DET')) {
    let j = k - 1;
    if (tokens[j].text === ',') j--;
    if (j < c.from || c.ix.at[j] < 0) return nobody;
    const antecedent = c.ix.at[j];
    if (passive && !c.selfMoving) return { targets: [antecedent], carried: false, passive: true };
    return { source: antecedent, targets: objectAfter(c, head, last, country(c.ix.mentions[antecedent].code)), carried: false, passive };
  }
  return undefined;
}

/** Participants of a verbal trigger (head..last), whose verb chain starts at `top`. */
export function verbParticipants(c: RoleContext, head: number, last: number, top: number): Participants {
  const { tokens } = c.a;
  const between = c.mediator ? undefined : betweenPair(c, last);     // "fighting between Azerbaijanis and Armenians"
  if (between) return between;
  let k = top - 1;
  while (k >= c.from && tokens[k].pos === 'ADV') k--;
  // ("was put under investigation", "were hit": a participle spelt as its base form is one after "be" too)
  const passive = !c.notPassive && k >= c.from && tokens[k].lemma === 'be' && (isParticiple(tokens[head])
    || (top === head && tokens[head].pos === 'VERB' && tokens[head].text.toLowerCase() === tokens[head].lemma));
  if (passive) {
    const withAgent = passiveWithAgent(c, top, last);
    if (withAgent) return withAgent;
  }
  const forSubject = forToSubject(c, top, head);
  if (forSubject === undefined) {
    const settled = settledSubject(c, head, last, top, passive);
    if (settled) return settled;
  }
  const inPlace = forSubject === undefined ? groupInPlace(c, top) : undefined;
  if (inPlace) return { source: inPlace, targets: objectAfter(c, head, last, country(inPlace.code)), carried: false, passive: false };
  const subj = forSubject !== undefined ? { m: forSubject, pronoun: false } : subjectBefore(c, top, 30);
  let source = subj.m;
  let carried = false;
  // carried from the previous sentence only when this clause names no subject of its own ("Police arrested": the police)
  const own = leftOfChain(tokens, top, c.from);
  const namesSubject = own >= c.from && (tokens[own].pos === 'NOUN' || tokens[own].pos === 'PROPN');
  if (source === undefined && !subj.pronoun && !namesSubject && !hasMentionBefore(c, top)) {
    const prev = c.sentence > 0 ? c.ix.subjects[c.sentence - 1] : undefined;
    if (prev !== undefined && !c.quote) { source = prev; carried = true; }
  }
  // "Ukraine was attacked": the subject of a passive is the target; but "Russian troops were
  // deployed" (moves of one's own forces) tells the subject's own act.
  if (passive && typeof source === 'number' && !c.selfMoving) return { targets: [source], carried, passive: true };
  let first = source;
  let second: number | undefined;
  if (typeof source === 'number') {
    // "Belarus and Poland discuss": the first is the source, the second a candidate target.
    let chainFirst = source;
    for (let p = coordinatedBefore(c, source); p !== undefined; p = coordinatedBefore(c, p)) { second = chainFirst; chainFirst = p; }
    first = chainFirst;
  }
  const targets = objectAfter(c, head, last, roleCountry(c, first));
  return { source: first, targets, partner: second, carried, passive: false };
}

/** "it would be wiser for Poland to negotiate": the mention between "for" (or a verb) and "to" is the subject. */
function forToSubject(c: RoleContext, top: number, head: number): number | undefined {
  const { tokens } = c.a;
  for (let k = top + 1; k < head; k++) {
    const m = c.ix.at[k];
    if (m < 0) continue;
    const e = c.ix.mentions[m];
    const before = tokens[e.first - 1];
    // "for Poland to negotiate", "would require Lukashenko to defy": the name before "to" acts.
    if ((isWord(before, 'for') || before.pos === 'VERB') && e.last + 1 < head && isWord(tokens[e.last + 1], 'to')) return m;
    k = e.last;
  }
  return undefined;
}

function hasMentionBefore(c: RoleContext, top: number): boolean {
  for (let k = c.from; k < top; k++) if (c.ix.at[k] >= 0) return true;
  return false;
}

/** A verb that only carries a nominal trigger ("held talks"); by lemma, or by its text when the lemma is off ("staged": "stag"). */
export function isSupportVerb(t: Token): boolean {
  const support = cueTables().supportVerbs;
  const w = t.text.toLowerCase();
  return support.has(t.lemma) || support.has(w) || support.has(w.replace(/(ed|d|s)$/, '')) || support.has(w.replace(/ed$/, 'e'));
}

/** "between X and Y" right after the trigger: X is the source, Y the target. */
export function betweenPair(c: RoleContext, last: number): Participants | undefined {
  const { tokens } = c.a;
  for (let k = last + 1; k < Math.min(c.to, last + 3); k++) {
    if (tokens[k].pos === 'VERB' || tokens[k].pos === 'AUX') return undefined;    // "ready to mediate between": the pair is the mediation's
    if (!isWord(tokens[k], 'between')) continue;
    const x = nextMention(c, k + 1, 3);
    if (x === undefined) return undefined;
    const after = c.ix.mentions[x].last + 1;
    const y = after < c.to && COORD.has(tokens[after].lemma) ? nextMention(c, after + 1, 3) : undefined;
    return { source: x, targets: y !== undefined ? [y] : [], carried: false, passive: false };
  }
  return undefined;
}

/** Participants of a nominal trigger: "Poland's offer to the US", "talks between X and Y", "its withdrawal". */
/** Token k is a no-space hyphen inside a compound modifier ("long-threatened"). */
function inCompound(tokens: Token[], k: number): boolean {
  return k > 0 && tokens[k].text === '-' && !tokens[k].space && !tokens[k - 1].space;
}

export function nounParticipants(c: RoleContext, head: number, last: number, top: number): Participants {
  const { tokens } = c.a;
  const between = c.mediator ? undefined : betweenPair(c, last);
  if (between) return between;
  let source: number | EventRole | undefined;
  // Possessive or adjective right before: "Poland's offer", "the Russian deployment", "its offer".
  let k = head - 1;
  // ("its long-threatened invasion": a hyphenated compound counts as one modifier)
  while (k >= c.from && k > head - 6 && (tokens[k].pos === 'ADJ' || tokens[k].pos === 'NOUN' || tokens[k].pos === 'VERB' || inCompound(tokens, k)) && c.ix.at[k] < 0) k--;
  if (k >= c.from && POSSESSIVE.has(tokens[k].text.toLowerCase()) && k - 1 >= c.from) {
    // "Poland's offer"; but "the partners' talks": an owner that is no actor leaves the source
    // unknown, unless it names the pair of the last dyad ("the two partners' failed talks").
    if (c.ix.at[k - 1] < 0) {
      let j = k - 1;
      while (j > c.from && NP_POS.has(tokens[j - 1].pos)) j--;
      if (c.pair && isPairPhrase(tokens, j, k - 1)) return { source: c.pair[0], targets: [], targetRoles: [c.pair[1]], carried: true, passive: false };
      return { targets: [], carried: false, passive: false };
    }
    source = c.ix.at[k - 1];
  } else if (k >= c.from && c.ix.at[k] >= 0) source = c.ix.at[k];
  else if (k >= c.from && tokens[k].pos === 'PRON' && SUBJECT_PRONOUNS.has(tokens[k].lemma)) source = pronounSource(c, k);
  // "withdrawal of Russian troops", "the visit by the Polish delegation"; but "the blockade of
  // Serbia", "the invasion of Ukraine": the "of" of an act done to someone names its target.
  let ofTarget: number | undefined;
  if (source === undefined) {
    let j = last + 1;
    // "the accusations made by Israel": past a participle
    if (j + 1 < c.to && tokens[j].pos === 'VERB' && isWord(tokens[j + 1], 'by')) j++;
    if (j < c.to && (isWord(tokens[j], 'by') || (c.fromIsSource && isWord(tokens[j], 'from')))) source = nextMention(c, j + 1, 4);
    else if (j < c.to && isWord(tokens[j], 'of')) {
      const x = nextMention(c, j + 1, 4);
      if (c.ofIsTarget) {
        ofTarget = x;
        // "the invasion of Ukraine by Russia"
        const after = x !== undefined ? c.ix.mentions[x].last + 1 : -1;
        if (after > 0 && after < c.to && isWord(tokens[after], 'by')) source = nextMention(c, after + 1, 4);
      } else source = x;
    }
  }
  const withOf = (p: Participants): Participants =>
    ofTarget !== undefined && !p.targets.length && !p.targetRoles && p.source !== undefined ? { ...p, targets: [ofTarget] } : p;
  if (source === undefined) {
    // The subject of the verb the noun is the object of: "Minsk and Warsaw held talks".
    let v = head - 1;
    let inPhrase = false;     // "backed down after talks": the noun is in a prepositional phrase, not the verb's object
    let ofOnly = true;        // no phrase but "of" ("launched a series of attacks", "detained dozens of protesters")
    while (v >= c.from && v > head - 7 && (tokens[v].pos !== 'VERB' || inCompound(tokens, v - 1))) {
      // an ADP right after the verb is its particle ("speeded up the withdrawal"), not a phrase
      const phrase = tokens[v].pos === 'ADP' && !(v - 1 >= c.from && tokens[v - 1].pos === 'VERB' && PARTICLES.has(tokens[v].lemma));
      inPhrase ||= phrase;
      if (phrase && !isWord(tokens[v], 'of')) ofOnly = false;
      v--;
    }
    if (v >= c.from && tokens[v].pos === 'VERB' && !isAdjectival(tokens, v, c.from) && ofOnly) {
      // the object of a verb that does something else is nobody's act
      return isSupportVerb(tokens[v]) ? withOf(verbParticipants(c, v, last, v)) : { targets: [], carried: false, passive: false };
    }
    // "defended Iraq against Western criticism": a noun in a prepositional adjunct is not done by the clause's subject
    let p = head - 1;
    // ("against Western criticism": a capitalised adjective tagged as a name is a modifier too)
    while (p >= c.from && (tokens[p].pos === 'DET' || tokens[p].pos === 'ADJ' || tokens[p].pos === 'NUM' || tokens[p].pos === 'PROPN' || c.ix.at[p] >= 0)) p--;
    if (p >= c.from && tokens[p].pos === 'ADP' && !TEMPORAL_PREPS.has(tokens[p].lemma) && !isWord(tokens[p], 'of')) return { targets: [], carried: false, passive: false };
    // No verb in reach (often a verb mis-tagged as a noun): the subject of the clause, if near.
    const near = subjectBefore(c, head, 12);
    if (typeof near.m === 'number' && !near.pronoun) {
      let first = near.m;
      let second: number | undefined;
      for (let p = coordinatedBefore(c, first); p !== undefined; p = coordinatedBefore(c, p)) { second = first; first = p; }
      return { source: first, targets: objectAfter(c, head, last, roleCountry(c, first)), partner: second, carried: false, passive: false };
    }
    return { targets: [], carried: false, passive: false };
  }
  const exclude = roleCountry(c, source);
  const targets = ofTarget !== undefined ? [ofTarget] : objectAfter(c, head, last, exclude);
  return { source, targets, carried: false, passive: false };
}

function nextMention(c: RoleContext, from: number, within: number): number | undefined {
  for (let k = from; k < Math.min(c.to, from + within); k++) if (c.ix.at[k] >= 0) return c.ix.at[k];
  return undefined;
}

/** "threatened to stop talks if the United States goes ahead": the subject of the condition after the trigger. */
export function conditionSubject(c: RoleContext, last: number): number | undefined {
  const { tokens } = c.a;
  for (let k = last + 1; k < c.to; k++) {
    if (tokens[k].text === ';' || tokens[k].text === '.') return undefined;
    if (!(isWord(tokens[k], 'if') || isWord(tokens[k], 'unless'))) continue;
    for (let j = k + 1; j < Math.min(c.to, k + 8); j++) {
      if (tokens[j].pos === 'VERB' || tokens[j].pos === 'AUX' || tokens[j].text === ',') return undefined;
      const m = c.ix.at[j];
      if (m >= 0 && !precededBy(tokens, c.ix.mentions[m].first, k + 1, NOT_SUBJECT_AFTER)) return m;
    }
    return undefined;
  }
  return undefined;
}
