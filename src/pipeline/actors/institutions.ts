// "The General Staff said": an institution named with "the" and no country is the one of the
// country the document is clearly about (its focus), when the knowledge base has it there.
import type { ActorScope } from './scope.ts';

/** Reads such a name at token i (the token after "the"); returns the next index, or i. */
export function focusInstitution(scope: ActorScope, i: number): number {
  const { words, tokens, lex } = scope;
  if (words[i - 1] !== 'the' || !scope.isCapitalised(i) || !scope.focusIsClear || !scope.focus) return i;
  const hit = lex.focusInstitutions.match(words, i);
  if (!hit || tokens[hit.end - 1].sentence !== tokens[i].sentence) return i;
  // "the General Staff of Ukraine" has its owner after it; "the Parliament's" still counts
  if (words[hit.end] === 'of') return i;
  const names = scope.kb.qualified(scope.text(i, hit.end - 1), scope.focus);
  const actor = names[0] && scope.kb.get(names[0].actor);
  if (!actor) return i;
  scope.mention(i, hit.end - 1, actor, { code: names[0].code ?? actor.code, via: `coref:institution-of-focus ${scope.focus}` });
  return hit.end;
}
