// Pure subgame-perfect equilibria of a tree with hidden moves: cut the tree at its subgames
// (a node whose own information set is a single node, with every information set below it lying
// entirely below it), solve the smallest first, and in each subgame keep every pure Nash
// equilibrium of the moves that are its own, the subgames below replaced by their values.
// A subgame whose only equilibria are mixed leaves none: the caller says so.
import { ONE, ZERO, type Rational } from '../rational.ts';
import type { Behaviour } from '../behaviour.ts';
import { terminalPayoffs, type Infoset, type TreeGame, type TreeNode } from '../tree.ts';

export const LOCAL_LIMIT = 1_000_000;

interface Plan { moves: Map<Infoset, number>; value: Rational[] }

/** The roots of every subgame, the whole game's root included. */
export function subgameRoots(tree: TreeGame): Set<TreeNode> {
  const size = new Map<TreeNode, number>();
  const count = (n: TreeNode): number => { const s = 1 + n.children.reduce((t, c) => t + count(c), 0); size.set(n, s); return s; };
  count(tree.root);
  const sets = tree.infosets.slice(1).flat();
  const roots = new Set<TreeNode>();
  for (const n of tree.nodes) {
    if (n.children.length === 0) continue;
    if (n.infoset!.player > 0 && n.infoset!.members.length > 1) continue;
    const lo = n.id, hi = n.id + size.get(n)!;
    const whole = sets.every((s) => {
      const inside = s.members.filter((m) => m.id >= lo && m.id < hi).length;
      return inside === 0 || inside === s.members.length;
    });
    if (whole) roots.add(n);
  }
  return roots;
}

export function speBySubgames(tree: TreeGame, limit = 1000): { equilibria: Behaviour[]; truncated: boolean; subgames: number } {
  const roots = subgameRoots(tree);
  const terminals = terminalPayoffs(tree);
  let truncated = false;
  const solve = (root: TreeNode): Plan[] => {
    // the subgames just below this one, and the information sets that belong to this one alone
    const below: TreeNode[] = [];
    const local: Infoset[] = [];
    const scan = (n: TreeNode): void => {
      if (n !== root && roots.has(n)) { below.push(n); return; }
      if (n.children.length === 0) return;
      if (n.infoset!.player > 0 && !local.includes(n.infoset!)) local.push(n.infoset!);
      n.children.forEach(scan);
    };
    scan(root);
    const childPlans = below.map(solve);
    if (childPlans.some((p) => p.length === 0)) return [];
    const radix = local.map((s) => s.actions.length);
    const total = radix.reduce((a, b) => a * b, 1);
    if (total > LOCAL_LIMIT) throw new Error(`a subgame has ${total} pure profiles of its own moves, more than ${LOCAL_LIMIT}`);
    const out: Plan[] = [];
    let combos: Plan[][] = [[]];
    for (const list of childPlans) {
      combos = combos.flatMap((prefix) => list.map((p) => [...prefix, p]));
      if (combos.length > limit) { truncated = true; combos = combos.slice(0, limit); }
    }
    const digits = (k: number): number[] => radix.map((r) => { const d = k % r; k = Math.floor(k / r); return d; });
    const stride = radix.map((_, i) => radix.slice(0, i).reduce((a, b) => a * b, 1));
    for (const combo of combos) {
      const valueAt = new Map(below.map((n, i) => [n, combo[i]!.value]));
      const table: Rational[][] = [];
      for (let k = 0; k < total; k++) {
        const choice = digits(k);
        const pick = new Map(local.map((s, i) => [s, choice[i]!]));
        const walk = (n: TreeNode, w: Rational, acc: Rational[]): void => {
          if (w.isZero()) return;
          const v = valueAt.get(n) ?? (n.children.length === 0 ? terminals.get(n.id)! : undefined);
          if (v) { v.forEach((x, q) => { acc[q] = acc[q]!.add(w.mul(x)); }); return; }
          const set = n.infoset!;
          if (set.player === 0) n.children.forEach((c, a) => walk(c, w.mul(set.probs![a]!), acc));
          else walk(n.children[pick.get(set)!]!, w, acc);
        };
        const acc = tree.players.map(() => ZERO);
        walk(root, ONE, acc);
        table.push(acc);
      }
      for (let k = 0; k < total; k++) {
        const choice = digits(k);
        let stable = true;
        for (let p = 1; p <= tree.players.length && stable; p++) {
          const own = local.map((s, i) => (s.player === p ? i : -1)).filter((i) => i >= 0);
          const base = own.reduce((b, i) => b - choice[i]! * stride[i]!, k);
          const ownTotal = own.reduce((a, i) => a * radix[i]!, 1);
          for (let m = 0; m < ownTotal && stable; m++) {
            let rest = m, index = base;
            for (const i of own) { index += (rest % radix[i]!) * stride[i]!; rest = Math.floor(rest / radix[i]!); }
            if (table[index]![p - 1]!.gt(table[k]![p - 1]!)) stable = false;
          }
        }
        if (!stable) continue;
        const moves = new Map<Infoset, number>();
        for (const plan of combo) for (const [s, a] of plan.moves) moves.set(s, a);
        local.forEach((s, i) => moves.set(s, choice[i]!));
        out.push({ moves, value: table[k]! });
        if (out.length > limit) { truncated = true; return out.slice(0, limit); }
      }
    }
    return out;
  };
  const plans = solve(tree.root);
  const equilibria = plans.map((plan) => tree.players.map((_, p) => tree.infosets[p + 1]!.map((set) => {
    const a = plan.moves.get(set) ?? 0;
    return set.actions.map((_, b) => (b === a ? ONE : ZERO));
  })));
  return { equilibria, truncated, subgames: roots.size };
}
