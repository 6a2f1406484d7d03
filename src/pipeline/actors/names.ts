// Capitalised words that may be part of a personal name, and runs of them. wink-nlp splits some
// words at letters it does not know ("Paweł" -> "Pawe" + "ł"); glued letter tokens are one word.
import type { ActorScope } from './scope.ts';

const LETTERS = /^[\p{L}\p{M}]+$/u;
const CAP_WORD = /^\p{Lu}[\p{L}\p{M}'’]*\.?$/u;
const FUNCTION_POS = new Set(['ADP', 'DET', 'CCONJ', 'SCONJ', 'PRON', 'AUX', 'NUM', 'PUNCT', 'PART', 'SYM']);

/** The last token of the written word that starts at token i (several when glued). */
export function wordEnd(scope: ActorScope, i: number): number {
  const t = scope.tokens;
  let j = i;
  while (j + 1 < t.length && !t[j].space && t[j + 1].sentence === t[j].sentence) {
    if (LETTERS.test(t[j + 1].text) && /\p{L}$/u.test(t[j].text) && !scope.isPossessive(j + 1)) { j++; continue; }
    // hyphenated names: Jean-Claude, Al-Assad
    if (t[j + 1].text === '-' && !t[j + 1].space && t[j + 2] && CAP_WORD.test(t[j + 2].text) && scope.coveredBy[j + 2] < 0) { j += 2; continue; }
    break;
  }
  return j;
}

/** Whether the word at token i (ending at `end`) can be part of a personal name. */
export function isNameWord(scope: ActorScope, i: number, end: number): boolean {
  const tok = scope.tokens[i];
  if (!scope.isCapitalised(i) || !CAP_WORD.test(tok.text) || FUNCTION_POS.has(tok.pos)) return false;
  for (let k = i; k <= end; k++) if (scope.coveredBy[k] >= 0) return false;
  const text = scope.text(i, end);
  if (text.length > 1 && text === text.toUpperCase()) return false;          // acronyms: INF, NATO
  const w = scope.words[i].replace(/\.$/, '');   // "Dr." is the title "dr"
  const lex = scope.lex;
  return !(lex.notNames.has(w) || lex.roleWords.has(w) || lex.orgHeads.hasWord(w) || lex.titles.hasWord(w) || lex.sectors.hasWord(w));
}

/** A capitalised function word inside a run of capitals: a title of something, not a name. */
export function isTitleCaseGlue(scope: ActorScope, i: number): boolean {
  const tok = scope.tokens[i];
  if (!tok || !/^\p{Lu}/u.test(tok.text)) return false;
  const sentenceStart = scope.analysis.sentences[tok.sentence]?.tokens[0] === i;
  return !sentenceStart && FUNCTION_POS.has(tok.pos) && tok.pos !== 'PUNCT';
}

function isSurnameLikeTitle(scope: ActorScope, i: number, end: number): boolean {
  const tok = scope.tokens[i];
  if (!/^\p{Lu}\p{Ll}+$/u.test(tok.text) || tok.pos !== 'PROPN' || scope.coveredBy[i] >= 0) return false;
  if (!scope.lex.titles.hasWord(scope.words[i]) || scope.lex.titles.match(scope.words, i)?.end !== i + 1) return false;
  const next = scope.tokens[end + 1];
  return !next || !/^\p{Lu}/u.test(next.text) || next.sentence !== tok.sentence;
}

export interface NameRun { first: number; last: number; words: number[] /* first token of each word */ }

/** The run of name words starting at token i, with particles inside ("von der"), or undefined. */
export function nameRunAt(scope: ActorScope, i: number): NameRun | undefined {
  if (!scope.isCapitalised(i)) return undefined;   // a name's first word is capitalised (isNameWord)
  const words: number[] = [];
  let j = i;
  let last = -1;
  const sentence = scope.tokens[i]?.sentence;
  while (j < scope.tokens.length && scope.tokens[j].sentence === sentence) {
    const end = wordEnd(scope, j);
    if (isNameWord(scope, j, end)) { words.push(j); last = end; j = end + 1; continue; }
    // a title word after a given name that no name follows is a surname: "Tom King said"
    if (words.length === 1 && isSurnameLikeTitle(scope, j, end)) { words.push(j); last = end; j = end + 1; break; }
    if (words.length > 0 && scope.lex.nameParticles.has(scope.words[j]) && !/^\p{Lu}/u.test(scope.tokens[j].text)) {
      const e2 = wordEnd(scope, j + 1);
      if (j + 1 < scope.tokens.length && isNameWord(scope, j + 1, e2)) { j++; continue; }
    }
    break;
  }
  return words.length ? { first: i, last, words } : undefined;
}
