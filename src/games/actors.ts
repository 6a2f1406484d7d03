// Players of a scenario as knowledge-base actors: by id ("state:POL"), code, name or alias.
import type { KnowledgeBase } from '../kb/knowledge-base.ts';
import type { Actor } from '../model/types.ts';
import { foldDiacritics as fold } from '../text/fold.ts';
import type { Scenario } from './scenario.ts';

export function findActor(kb: KnowledgeBase, ref: string): Actor | undefined {
  const direct = kb.get(ref);
  if (direct) return direct;
  const want = fold(ref).toLowerCase();
  for (const a of kb.actors.values()) {
    if (fold(a.name).toLowerCase() === want || a.code.toLowerCase() === want || a.aliases.some((x) => fold(x).toLowerCase() === want)) return a;
  }
  return undefined;
}

/** One warning per player whose actor the knowledge base does not know (the file stays usable). */
export function unknownActors(scenario: Scenario, kb: KnowledgeBase): string[] {
  return scenario.players.filter((p) => !findActor(kb, p.actor))
    .map((p) => `${scenario.file}:${p.line}: players.${p.id}.actor: "${p.actor}" is not in the knowledge base`);
}
