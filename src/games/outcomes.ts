// What an equilibrium leads to: the outcomes reached with positive probability, and a short key
// that names the equilibrium outcomes of a game (used by explain and robustness).
import { ONE, type Rational } from './rational.ts';
import type { Behaviour } from './behaviour.ts';
import { isPerfectInformation, type TreeGame, type TreeNode } from './tree.ts';
import { spe } from './solvers/spe.ts';
import { speBySubgames } from './solvers/spe-subgames.ts';
import { pureTree } from './solvers/pure.ts';
import { fillUnreached } from './check.ts';

/** Terminal nodes reached by a behaviour profile, with their probabilities. */
export function reachedTerminals(tree: TreeGame, profile: Behaviour): Array<{ node: TreeNode; prob: Rational }> {
  const out: Array<{ node: TreeNode; prob: Rational }> = [];
  const walk = (n: TreeNode, w: Rational): void => {
    if (w.isZero()) return;
    if (n.children.length === 0) { out.push({ node: n, prob: w }); return; }
    const set = n.infoset!;
    const probs = set.player === 0 ? set.probs! : profile[set.player - 1]![set.index]!;
    n.children.forEach((c, a) => walk(c, w.mul(probs[a]!)));
  };
  walk(tree.root, ONE);
  return out;
}

export function outcomeName(n: TreeNode): string {
  return n.outcome?.name ?? (n.label || `node ${n.id}`);
}

/**
 * The equilibria a scenario is read with: subgame-perfect (by backward induction, or subgame by
 * subgame when moves are hidden); pure Nash only when no pure subgame-perfect equilibrium exists.
 */
export function scenarioEquilibria(tree: TreeGame): { method: 'spe' | 'pure'; equilibria: Behaviour[] } {
  if (isPerfectInformation(tree)) return { method: 'spe', equilibria: spe(tree).equilibria };
  const bySubgames = speBySubgames(tree).equilibria;
  if (bySubgames.length) return { method: 'spe', equilibria: bySubgames };
  return { method: 'pure', equilibria: pureTree(tree).map((p) => fillUnreached(tree, p)) };
}

/** "missiles" for one equilibrium outcome, "a | b" when equilibria disagree, "a + b" for a chance spread. */
export function outcomeKey(tree: TreeGame, equilibria: Behaviour[]): string {
  const keys = new Set<string>();
  for (const eq of equilibria) {
    keys.add([...new Set(reachedTerminals(tree, eq).map((t) => outcomeName(t.node)))].sort().join(' + '));
  }
  return keys.size === 0 ? '(no pure equilibrium)' : [...keys].sort().join(' | ');
}
