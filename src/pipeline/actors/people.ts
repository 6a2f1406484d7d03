// People: the kb's people and new ones, with the titles and appositions around their names
// ("MoD Spokesman Uladzimir Makarau", "Tomasz Kowalik, Head of the ... of Poland's MoD").
// A new person needs evidence: a known given name, a title, a role, or a speech verb.
import type { Actor } from '../../model/types.ts';
import { fold, slug } from '../../kb/normalize.ts';
import type { MinistryType } from './lexicon.ts';
import { isTitleCaseGlue, nameRunAt } from './names.ts';
import type { ActorScope } from './scope.ts';

/** Words around a name that say what the person is: a span of tokens and what was found in it. */
export interface RoleSpan {
  first: number;
  last: number;
  headSector: string;           // the sector the title itself says ('' when only its organisation tells)
  ministry?: MinistryType;      // "MoD Spokesman": a ministry named without its country
}

export interface PersonSpan {
  first: number;
  last: number;
  name: string;
  actor?: Actor;                // the kb's person, when known
  pre?: RoleSpan;               // before the name
  app?: RoleSpan;               // the apposition after it
  via: string;
}

const DETERMINERS = new Set(['a', 'an', 'the']);
const APPOSITION_END = new Set([',', ';', ':', '.', '(', ')', '"', '“', '”', '?', '!', '—', '–']);

/** Title words, ministries, country words and modifiers right before token `first`. */
function roleBefore(scope: ActorScope, first: number): RoleSpan | undefined {
  const { words, tokens, lex } = scope;
  const sentence = tokens[first].sentence;
  let j = first - 1;
  let start = first;
  let headSector: string | undefined;
  let ministry: MinistryType | undefined;
  let ownedMinistry = false;
  while (j >= 0 && tokens[j].sentence === sentence && first - j <= 8) {
    const cover = scope.coveredBy[j];
    if (cover >= 0) {
      const m = scope.matches[cover];
      const a = scope.actorOfMatch(m);
      if (!a || a.kind === 'person') break;
      if (ministry) ownedMinistry = true;
      // the kb read "Russian Foreign Minister" as an office: it is this person's title
      const office = scope.entry(m)?.office;
      if (office && headSector === undefined) headSector = office === 'defence_minister' ? 'MIL' : 'GOV';
      start = m.first; j = m.first - 1; continue;
    }
    if (scope.isPossessive(j) && scope.coveredBy[j - 1] >= 0) { j--; continue; }
    const title = lex.titles.matchEndingAt(words, j);
    if (title) {
      if (headSector === undefined) headSector = title.value;
      start = title.start; j = title.start - 1; continue;
    }
    const min = lex.ministries.matchEndingAt(words, j);
    if (min) { ministry = min.value; start = min.start; j = min.start - 1; continue; }
    if (lex.titleModifiers.has(words[j]) || lex.sectors.hasWord(words[j])) { start = j; j--; continue; }
    break;
  }
  if (headSector === undefined) return undefined;
  return { first: start, last: first - 1, headSector, ministry: ownedMinistry ? undefined : ministry };
}

/** ", an expert at the X Institute," / ", Head of the Department of ...,": the apposition after `last`. */
function roleAfter(scope: ActorScope, last: number): RoleSpan | undefined {
  const { words, tokens, lex } = scope;
  if (words[last + 1] !== ',') return undefined;
  const sentence = tokens[last].sentence;
  let p = last + 2;
  if (DETERMINERS.has(words[p])) p++;
  const start = p;
  let headSector: string | undefined;
  let ministry: MinistryType | undefined;
  // modifiers and country words, then a title
  for (let k = p; k < tokens.length && k - p < 6 && tokens[k].sentence === sentence; k++) {
    const title = lex.titles.match(words, k);
    if (title) { headSector = title.value; p = title.end; break; }
    const cover = scope.coveredBy[k];
    if (cover >= 0) { k = scope.matches[cover].last; continue; }
    if (scope.isPossessive(k) || lex.titleModifiers.has(words[k])) continue;
    if ((tokens[k].pos === 'ADJ' || tokens[k].pos === 'NOUN') && !scope.isCapitalised(k)) continue;
    const min = lex.ministries.match(words, k);
    if (min) { ministry = min.value; k = min.end - 1; continue; }
    return undefined;
  }
  if (headSector === undefined) return undefined;
  let end = p - 1;
  for (let k = p; k < tokens.length && k - start < 20 && tokens[k].sentence === sentence; k++) {
    if (APPOSITION_END.has(words[k]) && !scope.isPossessive(k)) break;
    end = k;
  }
  return { first: start, last: end, headSector, ministry };
}

function speechAround(scope: ActorScope, first: number, last: number): boolean {
  const { tokens, words, lex } = scope;
  const after = tokens[last + 1];
  if (after && after.sentence === tokens[last].sentence && (lex.speechVerbs.has(after.lemma) || lex.speechVerbs.has(words[last + 1]))) return true;
  const before = tokens[first - 1];
  if (before && before.sentence === tokens[first].sentence && (lex.speechVerbs.has(before.lemma) || lex.speechVerbs.has(words[first - 1])) && before.pos === 'VERB') return true;
  return words[first - 1] === 'to' && words[first - 2] === 'according';
}

let givenNamesCache: { kb: unknown; set: Set<string> } | undefined;
function givenNames(scope: ActorScope): Set<string> {
  if (givenNamesCache?.kb !== scope.kb) {
    let list: string[] = [];
    try { list = scope.kb.lexicon('given-names'); } catch { list = []; }
    givenNamesCache = { kb: scope.kb, set: new Set(list.map((n) => fold(n))) };
  }
  return givenNamesCache.set;
}

const surnameIndexes = new WeakMap<object, Map<string, Actor[]>>();

/** The kb's people by folded surname (the last word of the name and of each alias). */
function kbBySurname(scope: ActorScope): Map<string, Actor[]> {
  let index = surnameIndexes.get(scope.kb);
  if (index) return index;
  index = new Map();
  for (const a of scope.kb.actors.values()) {
    if (a.kind !== 'person') continue;
    const surnames = new Set([a.name, ...a.aliases].map((n) => fold(n).split(/\s+/).pop()!).filter((w) => w.length > 2));
    for (const sn of surnames) index.set(sn, [...(index.get(sn) ?? []), a]);
  }
  surnameIndexes.set(scope.kb, index);
  return index;
}

/** A name the kb's matcher missed ("President Putin") that is the surname or full name of one kb person. */
function kbPersonFor(scope: ActorScope, name: string): Actor | undefined {
  const parts = fold(name).split(/\s+/);
  const found = kbBySurname(scope).get(parts[parts.length - 1]);
  if (!found || found.length !== 1) return undefined;
  const a = found[0];
  if (parts.length === 1) return a;
  const given = new Set([a.name, ...a.aliases].map((n) => fold(n).split(/\s+/)[0]));
  return given.has(parts[0]) ? a : undefined;
}

/** Every person named in the document, in text order, with the role words around each. */
export function findPeople(scope: ActorScope): PersonSpan[] {
  const out: PersonSpan[] = [];
  const { tokens } = scope;
  const given = givenNames(scope);
  for (let i = 0; i < tokens.length; i++) {
    const cover = scope.coveredBy[i];
    if (cover >= 0) {
      const m = scope.matches[cover];
      const actor = scope.actorOfMatch(m);
      const entry = scope.entry(m);
      if (actor?.kind === 'person' && entry?.form !== 'title') {
        out.push({ first: m.first, last: m.last, name: actor.name, actor, pre: roleBefore(scope, m.first), app: roleAfter(scope, m.last), via: `kb:${entry?.form ?? 'name'}` });
      }
      i = m.last;
      continue;
    }
    const run = nameRunAt(scope, i);
    if (!run) continue;
    i = run.last;
    let { first } = run;
    let words = run.words;
    // a capitalised function word next to the run: a heading or a title ("Conversation With President")
    if (isTitleCaseGlue(scope, first - 1) || isTitleCaseGlue(scope, run.last + 1)) continue;
    // a sentence's first word is capitalised anyway; keep it only when tagged as a proper noun
    const sentenceFirst = scope.analysis.sentences[tokens[first].sentence].tokens[0];
    if (first === sentenceFirst && tokens[first].pos !== 'PROPN' && words.length > 1) { words = words.slice(1); first = words[0]; }
    if (words.length > 4) continue;
    const last = run.last;
    const pre = roleBefore(scope, first);
    const app = roleAfter(scope, last);
    const hasGiven = given.has(scope.words[first]) || given.has(fold(scope.text(first, (words[1] ?? last + 1) - 1)));
    const evidence = words.length >= 2
      ? (hasGiven ? 'given-name' : pre ? 'title' : app ? 'apposition' : speechAround(scope, first, last) ? 'speech' : undefined)
      : (pre && pre.last === first - 1 && scope.isCapitalised(first - 1) ? 'title' : undefined);
    if (!evidence) continue;
    // "the Admiral Kuznetsov" is a ship, "Photo: Reuters/Jan Kowal" a credit line
    if (words.length === 1 && pre && DETERMINERS.has(scope.words[pre.first - 1])) continue;
    if (scope.words[last + 1] === '/' || scope.words[first - 1] === '/') continue;
    const name = scope.text(first, last);
    const known = kbPersonFor(scope, name);
    out.push({ first, last, name: known?.name ?? name, actor: known, pre, app, via: known ? 'kb:surname' : `name:${evidence}` });
  }
  return out;
}

/**
 * A new person's actor, with an id that is the same for the same name in any document and in
 * any transliteration the knowledge base knows ("Uladzimir Makarau" and "Vladimir Makarov").
 */
export function newPerson(name: string, kb?: { nameKey(name: string): string }): Actor {
  return { id: `new:person:${slug(kb ? kb.nameKey(name) : name)}`, name, kind: 'person', code: '', aliases: [], isNew: true };
}
