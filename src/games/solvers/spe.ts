// Subgame-perfect equilibria of a perfect-information tree by backward induction. Where a mover
// is indifferent, every best action is kept, so all pure subgame-perfect equilibria come out
// (up to a limit, past which the count is reported as cut short).
import { ONE, ZERO, type Rational } from '../rational.ts';
import type { Behaviour } from '../behaviour.ts';
import { isPerfectInformation, terminalPayoffs, type TreeGame, type TreeNode } from '../tree.ts';

export const SPE_LIMIT = 1000;

interface Plan { moves: Map<TreeNode, number>; value: Rational[] }

export class NotPerfectInformation extends Error {}

export function spe(tree: TreeGame, limit = SPE_LIMIT): { equilibria: Behaviour[]; truncated: boolean } {
  if (!isPerfectInformation(tree)) {
    throw new NotPerfectInformation('backward induction needs perfect information (every information set a single node); this game has larger sets: use --method sequence, pure or agent-pure');
  }
  const terminals = terminalPayoffs(tree);
  let truncated = false;
  const cap = (plans: Plan[]): Plan[] => {
    if (plans.length > limit) { truncated = true; return plans.slice(0, limit); }
    return plans;
  };
  const combine = (lists: Plan[][]): Array<Plan[]> => {
    let acc: Plan[][] = [[]];
    for (const list of lists) {
      const next: Plan[][] = [];
      for (const prefix of acc) for (const p of list) { next.push([...prefix, p]); if (next.length > limit) break; }
      acc = next;
      if (acc.length > limit) { truncated = true; acc = acc.slice(0, limit); }
    }
    return acc;
  };
  const solve = (n: TreeNode): Plan[] => {
    if (n.children.length === 0) return [{ moves: new Map(), value: terminals.get(n.id)! }];
    const childPlans = n.children.map(solve);
    const set = n.infoset!;
    const out: Plan[] = [];
    for (const combo of combine(childPlans)) {
      const moves = new Map<TreeNode, number>();
      for (const plan of combo) for (const [k, v] of plan.moves) moves.set(k, v);
      if (set.player === 0) {
        const value = tree.players.map((_, i) => combo.reduce((s, plan, a) => s.add(set.probs![a]!.mul(plan.value[i]!)), ZERO));
        out.push({ moves, value });
        continue;
      }
      const own = combo.map((plan) => plan.value[set.player - 1]!);
      const best = own.reduce((m, v) => (v.gt(m) ? v : m));
      own.forEach((v, a) => {
        if (!v.eq(best)) return;
        const chosen = new Map(moves);
        chosen.set(n, a);
        out.push({ moves: chosen, value: combo[a]!.value });
      });
    }
    return cap(out);
  };
  const plans = solve(tree.root);
  const equilibria = plans.map((plan) => tree.players.map((_, p) => tree.infosets[p + 1]!.map((set) => {
    const a = plan.moves.get(set.members[0]!)!;
    return set.actions.map((_, b) => (b === a ? ONE : ZERO));
  })));
  return { equilibria, truncated };
}

/** The nodes on the path the equilibrium plays, chance branches of positive probability included. */
export function equilibriumPath(tree: TreeGame, profile: Behaviour): TreeNode[] {
  const out: TreeNode[] = [];
  const walk = (n: TreeNode): void => {
    out.push(n);
    if (n.children.length === 0) return;
    const set = n.infoset!;
    const probs = set.player === 0 ? set.probs! : profile[set.player - 1]![set.index]!;
    n.children.forEach((c, a) => { if (probs[a]!.sign() > 0) walk(c); });
  };
  walk(tree.root);
  return out;
}
