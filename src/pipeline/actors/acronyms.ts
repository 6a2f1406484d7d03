// An acronym defined in the text right after an organisation's name ("the Polish Institute of
// International Affairs (PISM)") stands for that organisation later in the same document.
import type { ActorScope } from './scope.ts';

const ACRONYM = /^\p{Lu}[\p{Lu}\d&-]{1,7}$/u;

/** After a mention that ended before token `next`: reads "(ACR)" and remembers it; returns the next index. */
export function readAcronymDefinition(scope: ActorScope, next: number, acronyms: Map<string, string>): number {
  const { tokens, words } = scope;
  if (words[next] !== '(' || words[next + 2] !== ')' || !tokens[next + 1] || !ACRONYM.test(tokens[next + 1].text)) return next;
  const last = scope.mentions[scope.mentions.length - 1];
  if (!last?.actor || last.end !== tokens[next - 1]?.end || (last.kind !== 'org' && last.kind !== 'igo')) return next;
  const actor = scope.actors.get(last.actor)!;
  const acronym = tokens[next + 1].text;
  if (scope.coveredBy[next + 1] < 0) acronyms.set(acronym, actor.id);
  if (!actor.aliases.includes(acronym)) actor.aliases.push(acronym);
  scope.mention(next + 1, next + 1, actor, { code: last.code, via: 'acronym:defined' });
  return next + 3;
}

/** A later use of an acronym defined in the document. */
export function readDefinedAcronym(scope: ActorScope, i: number, acronyms: Map<string, string>): number {
  const id = acronyms.get(scope.tokens[i].text);
  if (!id || scope.coveredBy[i] >= 0) return i;
  scope.mention(i, i, scope.actors.get(id), { via: 'coref:acronym' });
  return i + 1;
}
