// From a tree to its reduced strategic form (one strategy per way of playing, actions at sets the
// player's own moves rule out left open, as Gambit does), and mixed strategies back to behaviour.
import { ONE, Rational, ZERO } from './rational.ts';
import { profiles, type StrategicGame } from './strategic.ts';
import { terminalPayoffs, type TreeGame, type TreeNode } from './tree.ts';

/** A pure strategy of one player: an action per information set (by index), or -1 where own moves exclude the set. */
export type PureStrategy = number[];

export interface ReducedForm {
  tree: TreeGame;
  game: StrategicGame;
  /** strategies[p][k]: player p+1's k-th reduced strategy. */
  strategies: PureStrategy[][];
}

/** Player p's reduced strategies, in the order of a depth-first walk (Gambit's order). */
export function reducedStrategies(tree: TreeGame, player: number): PureStrategy[] {
  const out: PureStrategy[] = [];
  const choice: PureStrategy = tree.infosets[player]!.map(() => -1);
  const walk = (frontier: TreeNode[]): void => {
    if (frontier.length === 0) { out.push([...choice]); return; }
    const [n, ...rest] = frontier as [TreeNode, ...TreeNode[]];
    if (n.children.length === 0) { walk(rest); return; }
    const set = n.infoset!;
    if (set.player !== player) { walk([...n.children, ...rest]); return; }
    const fixed = choice[set.index]!;
    if (fixed >= 0) { walk([n.children[fixed]!, ...rest]); return; }
    for (let a = 0; a < n.children.length; a++) {
      choice[set.index] = a;
      walk([n.children[a]!, ...rest]);
    }
    choice[set.index] = -1;
  };
  walk([tree.root]);
  return out;
}

/** Expected payoffs of a pure profile: chance moves weighted, players following their strategies. */
export function purePayoffs(tree: TreeGame, profile: PureStrategy[], terminals = terminalPayoffs(tree)): Rational[] {
  const total = tree.players.map(() => ZERO);
  const walk = (n: TreeNode, weight: Rational): void => {
    if (n.children.length === 0) {
      const pay = terminals.get(n.id)!;
      for (let i = 0; i < total.length; i++) total[i] = total[i]!.add(weight.mul(pay[i]!));
      return;
    }
    const set = n.infoset!;
    if (set.player === 0) {
      n.children.forEach((c, a) => { if (!set.probs![a]!.isZero()) walk(c, weight.mul(set.probs![a]!)); });
      return;
    }
    const a = profile[set.player - 1]![set.index]!;
    if (a < 0) throw new Error(`strategy leaves information set ${set.index + 1} of player ${set.player} open where it is reached`);
    walk(n.children[a]!, weight);
  };
  walk(tree.root, ONE);
  return total;
}

/** The actions by name, one per information set ("*" where the set is ruled out); numbers when actions are unnamed. */
export function strategyName(tree: TreeGame, player: number, s: PureStrategy): string {
  const sets = tree.infosets[player]!;
  const named = sets.every((set) => set.actions.every((a) => a.trim() !== ''));
  if (!named) return s.map((a) => (a < 0 ? '*' : String(a + 1))).join('');
  return s.map((a, k) => (a < 0 ? '*' : sets[k]!.actions[a]!)).join(' / ');
}

export function reducedForm(tree: TreeGame): ReducedForm {
  const strategies = tree.players.map((_, p) => reducedStrategies(tree, p + 1));
  const terminals = terminalPayoffs(tree);
  const payoffs: Rational[][] = [];
  for (const prof of profiles(strategies.map((s) => s.length))) {
    payoffs.push(purePayoffs(tree, prof.map((k, p) => strategies[p]![k]!), terminals));
  }
  const game: StrategicGame = {
    kind: 'strategic', title: tree.title, comment: tree.comment, players: tree.players,
    strategies: strategies.map((list, p) => list.map((s) => strategyName(tree, p + 1, s))), payoffs,
  };
  return { tree, game, strategies };
}

/**
 * A behaviour profile (player, information set, action) equivalent to a mixed profile on the
 * reduced form. As in Gambit, a set the player's own strategy never reaches (or reaches only through
 * chance moves of probability zero) gets zero for every action.
 */
export function behaviourFromMixed(form: ReducedForm, mixed: Rational[][]): Rational[][][] {
  const tree = form.tree;
  return tree.players.map((_, p) => {
    const player = p + 1;
    const sets = tree.infosets[player]!;
    const reach = sets.map((s) => s.actions.map(() => ZERO));
    form.strategies[p]!.forEach((strategy, k) => {
      const prob = mixed[p]![k]!;
      if (prob.isZero()) return;
      const walk = (n: TreeNode, weight: Rational): void => {
        if (n.children.length === 0 || weight.isZero()) return;
        const set = n.infoset!;
        if (set.player === player) {
          const a = strategy[set.index]!;
          reach[set.index]![a] = reach[set.index]![a]!.add(weight);
          walk(n.children[a]!, weight);
          return;
        }
        const share = set.player === 0 ? undefined : Rational.of(1n, BigInt(n.children.length));
        n.children.forEach((c, a) => walk(c, weight.mul(share ?? set.probs![a]!)));
      };
      walk(tree.root, prob);
    });
    return reach.map((row) => {
      const total = row.reduce((s, x) => s.add(x), ZERO);
      return total.isZero() ? row : row.map((x) => x.div(total));
    });
  });
}
