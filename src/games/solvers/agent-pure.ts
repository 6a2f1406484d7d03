// Pure equilibria of the agent form: one agent per information set, each choosing one action, and
// no agent gains by changing its own action alone (Gambit's enumpure -A).
import { ONE, ZERO } from '../rational.ts';
import { behaviourPayoffs, type Behaviour } from '../behaviour.ts';
import { terminalPayoffs, type Infoset, type TreeGame } from '../tree.ts';

export const AGENT_LIMIT = 2_000_000;

export function agentPure(tree: TreeGame): Behaviour[] {
  const sets: Infoset[] = tree.infosets.slice(1).flat();
  const total = sets.reduce((n, s) => n * s.actions.length, 1);
  if (total > AGENT_LIMIT) throw new Error(`the agent form has ${total} pure profiles, more than ${AGENT_LIMIT}`);
  const terminals = terminalPayoffs(tree);
  const choice = sets.map(() => 0);
  const build = (): Behaviour => tree.players.map((_, p) => tree.infosets[p + 1]!.map((s) => {
    const a = choice[sets.indexOf(s)]!;
    return s.actions.map((_, b) => (b === a ? ONE : ZERO));
  }));
  const out: Behaviour[] = [];
  for (let k = 0; k < total; k++) {
    let rest = k;
    for (let i = 0; i < sets.length; i++) { choice[i] = rest % sets[i]!.actions.length; rest = Math.floor(rest / sets[i]!.actions.length); }
    const profile = build();
    const base = behaviourPayoffs(tree, profile, terminals);
    let stable = true;
    for (let i = 0; i < sets.length && stable; i++) {
      const set = sets[i]!;
      const keep = choice[i]!;
      for (let a = 0; a < set.actions.length && stable; a++) {
        if (a === keep) continue;
        choice[i] = a;
        if (behaviourPayoffs(tree, build(), terminals)[set.player - 1]!.gt(base[set.player - 1]!)) stable = false;
      }
      choice[i] = keep;
    }
    if (stable) out.push(profile);
  }
  return out;
}
