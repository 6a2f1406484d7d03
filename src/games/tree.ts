// The extensive-form game: a tree of chance, player and terminal nodes, information sets per
// player, and outcomes whose payoffs add up along the path (as in Gambit, where a non-terminal
// node may carry an outcome too).
import { Rational, ZERO } from './rational.ts';

export interface Outcome {
  name: string;
  payoffs: Rational[];               // one per player
}

export interface Infoset {
  /** 0 for chance, 1..n for the players. */
  player: number;
  /** The number this set carries in the file (unique per player). */
  number: number;
  /** Position in the player's list: Gambit's order. */
  index: number;
  name: string;
  actions: string[];
  /** Chance only: the probability of each action. */
  probs?: Rational[];
  members: TreeNode[];
}

export interface TreeNode {
  id: number;                        // pre-order position
  label: string;
  kind: 'chance' | 'player' | 'terminal';
  infoset?: Infoset;
  outcome?: Outcome;
  children: TreeNode[];
  parent?: TreeNode;
  /** The action (index in the parent's infoset) that leads here. */
  fromAction?: number;
}

export interface TreeGame {
  kind: 'tree';
  title: string;
  comment: string;
  players: string[];
  root: TreeNode;
  /** infosets[p] lists player p's sets (p = 0 for chance), in Gambit's order. */
  infosets: Infoset[][];
  outcomes: Outcome[];
  /** Pre-order list of every node. */
  nodes: TreeNode[];
}

/** Numbers nodes in pre-order, links parents, and orders each player's information sets by first visit. */
export function finishTree(game: Omit<TreeGame, 'nodes' | 'infosets'> & { infosets?: Infoset[][] }): TreeGame {
  const nodes: TreeNode[] = [];
  const infosets: Infoset[][] = Array.from({ length: game.players.length + 1 }, () => []);
  const seen = new Set<Infoset>();
  const visit = (n: TreeNode): void => {
    n.id = nodes.length;
    nodes.push(n);
    if (n.infoset && !seen.has(n.infoset)) {
      seen.add(n.infoset);
      n.infoset.index = infosets[n.infoset.player]!.length;
      infosets[n.infoset.player]!.push(n.infoset);
      n.infoset.members = [];
    }
    n.infoset?.members.push(n);
    n.children.forEach((c, i) => { c.parent = n; c.fromAction = i; visit(c); });
  };
  visit(game.root);
  return { ...game, kind: 'tree', nodes, infosets };
}

/** Payoffs at the end of the path to a node: the sum of every outcome met on the way. */
export function pathPayoffs(game: TreeGame, node: TreeNode): Rational[] {
  const total = game.players.map(() => ZERO);
  for (let n: TreeNode | undefined = node; n; n = n.parent) {
    if (n.outcome) n.outcome.payoffs.forEach((v, i) => { total[i] = total[i]!.add(v); });
  }
  return total;
}

/** Every terminal node's total payoffs, by node id. */
export function terminalPayoffs(game: TreeGame): Map<number, Rational[]> {
  const out = new Map<number, Rational[]>();
  const walk = (n: TreeNode, acc: Rational[]): void => {
    const here = n.outcome ? acc.map((v, i) => v.add(n.outcome!.payoffs[i] ?? ZERO)) : acc;
    if (n.children.length === 0) out.set(n.id, here);
    for (const c of n.children) walk(c, here);
  };
  walk(game.root, game.players.map(() => ZERO));
  return out;
}

/** Every information set is a single node: backward induction applies. */
export function isPerfectInformation(game: TreeGame): boolean {
  return game.infosets.slice(1).every((sets) => sets.every((s) => s.members.length === 1));
}

/** The sequence of (infoset, action) pairs of `player` on the path to a node, root first. */
export function ownSequence(node: TreeNode, player: number): Array<[Infoset, number]> {
  const seq: Array<[Infoset, number]> = [];
  for (let n = node; n.parent; n = n.parent) {
    const p = n.parent;
    if (p.infoset && p.infoset.player === player) seq.push([p.infoset, n.fromAction!]);
  }
  return seq.reverse();
}

/** Perfect recall: every member of each set of a player was reached through the same own moves. */
export function hasPerfectRecall(game: TreeGame): boolean {
  for (let p = 1; p < game.infosets.length; p++) {
    for (const set of game.infosets[p]!) {
      const key = (n: TreeNode): string => ownSequence(n, p).map(([s, a]) => `${s.index}:${a}`).join(',');
      const first = key(set.members[0]!);
      if (set.members.some((m) => key(m) !== first)) return false;
    }
  }
  return true;
}
