// Behaviour profiles on a tree: expected payoffs, and each player's best-response value (by a
// walk over the player's own sequences, which needs perfect recall).
import { ONE, Rational, ZERO } from './rational.ts';
import { terminalPayoffs, type Infoset, type TreeGame, type TreeNode } from './tree.ts';

/** profile[p][infosetIndex][action], players numbered from 0. */
export type Behaviour = Rational[][][];

export function behaviourPayoffs(tree: TreeGame, profile: Behaviour, terminals = terminalPayoffs(tree)): Rational[] {
  const total = tree.players.map(() => ZERO);
  const walk = (n: TreeNode, weight: Rational): void => {
    if (weight.isZero()) return;
    if (n.children.length === 0) {
      const pay = terminals.get(n.id)!;
      for (let i = 0; i < total.length; i++) total[i] = total[i]!.add(weight.mul(pay[i]!));
      return;
    }
    const probs = actionProbs(n.infoset!, profile);
    n.children.forEach((c, a) => walk(c, weight.mul(probs[a]!)));
  };
  walk(tree.root, ONE);
  return total;
}

function actionProbs(set: Infoset, profile: Behaviour): Rational[] {
  return set.player === 0 ? set.probs! : profile[set.player - 1]![set.index]!;
}

/**
 * The most `player` (from 1) can get against the others' behaviour: each terminal weighted by
 * chance and the others' moves, then the best action at each of the player's sets, deepest first.
 */
export function bestResponseValue(tree: TreeGame, profile: Behaviour, player: number, terminals = terminalPayoffs(tree)): Rational {
  // value of a node = what the player can secure from there, given the weight of others on the path.
  // With perfect recall, the player's choice at a set can depend only on the set: sum the members.
  const setValue = new Map<Infoset, Rational[]>();   // per action: weighted continuation summed over members
  const contribution = (n: TreeNode, weight: Rational): Rational => {
    if (weight.isZero()) return ZERO;
    if (n.children.length === 0) return weight.mul(terminals.get(n.id)![player - 1]!);
    const set = n.infoset!;
    if (set.player === player) {
      // defer: record per-action values at this set; the choice is made once for all members
      let row = setValue.get(set);
      if (!row) { row = set.actions.map(() => ZERO); setValue.set(set, row); }
      n.children.forEach((c, a) => { row![a] = row![a]!.add(contribution(c, weight)); });
      return ZERO;
    }
    const probs = actionProbs(set, profile);
    let s = ZERO;
    n.children.forEach((c, a) => { s = s.add(contribution(c, weight.mul(probs[a]!))); });
    return s;
  };
  // The sets deferred under a chosen action of an earlier own set are accounted for when that
  // action's value is formed: process the player's sets from the last (deepest) to the first.
  const sets = tree.infosets[player]!;
  const parentOf = new Map<Infoset, [Infoset, number] | undefined>();
  for (const s of sets) {
    let parent: [Infoset, number] | undefined;
    for (let n = s.members[0]!; n.parent; n = n.parent) {
      if (n.parent.infoset?.player === player) { parent = [n.parent.infoset, n.fromAction!]; break; }
    }
    parentOf.set(s, parent);
  }
  const rootValue = contribution(tree.root, ONE);
  const best = new Map<Infoset, Rational>();
  const extra = new Map<Infoset, Rational[]>();
  const order = [...sets].sort((a, b) => depth(b, parentOf) - depth(a, parentOf));
  let total = rootValue;
  for (const s of order) {
    const row = (setValue.get(s) ?? s.actions.map(() => ZERO)).map((v, a) => v.add(extra.get(s)?.[a] ?? ZERO));
    const m = row.reduce((x, y) => (y.gt(x) ? y : x));
    best.set(s, m);
    const parent = parentOf.get(s);
    if (parent) {
      const [ps, pa] = parent;
      let e = extra.get(ps);
      if (!e) { e = ps.actions.map(() => ZERO); extra.set(ps, e); }
      e[pa] = e[pa]!.add(m);
    } else total = total.add(m);
  }
  return total;
}

function depth(s: Infoset, parentOf: Map<Infoset, [Infoset, number] | undefined>): number {
  let d = 0;
  for (let p = parentOf.get(s); p; p = parentOf.get(p[0])) d++;
  return d;
}
