// Within a document: "the minister", "the spokeswoman", "the Belarusian leader"'s later "the
// leader" point back to the latest person named with that title (in the role words around the
// name, or among a known person's roles), a few sentences back at most.
import { fold } from '../../kb/normalize.ts';
import type { Mention } from '../../model/types.ts';
import type { ActorScope } from './scope.ts';

const REACH = 6;   // sentences

/** Folded words of a title, with the two spellings of "defence" made one. */
function titleWords(text: string): string[] {
  return fold(text).replace(/defense/g, 'defence').split(/[\s,-]+/).filter(Boolean);
}

/** The titles a person mention carries: its own role words and its actor's roles. */
function titlesOf(scope: ActorScope, m: Mention): string[][] {
  const actor = m.actor ? scope.actors.get(m.actor) : undefined;
  return [m.role, ...(actor?.roles ?? []).map((r) => r.title)].filter((t): t is string => !!t).map(titleWords);
}

/** "the minister" at token i (i is "the"): a mention of the person it points back to; returns the next index or i. */
export function readTitleCoref(scope: ActorScope, i: number): number {
  const { words, tokens, lex } = scope;
  if (words[i] !== 'the' || scope.isCapitalised(i + 1)) return i;
  const hit = lex.corefTitles.match(words, i + 1);
  if (!hit) return i;
  const end = hit.end;
  const sentence = tokens[i].sentence;
  // a name or an "of" phrase follows: a title of someone else ("the minister Jan X", "the minister of X")
  if (tokens[end] && tokens[end].sentence === sentence && (scope.isCapitalised(end) || words[end] === 'of')) return i;
  const wanted = titleWords(hit.value);
  const from = scope.analysis.sentences[Math.max(0, sentence - REACH)].start;
  for (let k = scope.mentions.length - 1; k >= 0; k--) {
    const m = scope.mentions[k];
    if (m.start >= tokens[i].start) continue;
    if (m.start < from) break;
    if (m.kind !== 'person' || !m.actor) continue;
    if (!titlesOf(scope, m).some((t) => wanted.every((w) => t.includes(w)))) continue;
    scope.mention(i + 1, end - 1, scope.actors.get(m.actor), { via: 'coref:title' });
    return end;
  }
  return i;
}
