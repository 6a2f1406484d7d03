// One Nash equilibrium of a two-player game through the sequence form (Koller, Megiddo and von
// Stengel 1996): the LCP over realization plans, payoffs shifted below zero so that the dual
// variables stay non-negative, solved exactly by Lemke's algorithm. A strategic game is the
// one-move case: each player's sequences are the strategies.
import { ONE, Rational, ZERO } from '../rational.ts';
import { lemke } from '../lemke.ts';
import type { Behaviour } from '../behaviour.ts';
import type { StrategicGame } from '../strategic.ts';
import { profiles } from '../strategic.ts';
import { hasPerfectRecall, ownSequence, terminalPayoffs, type Infoset, type TreeGame, type TreeNode } from '../tree.ts';

interface SequenceForm {
  /** sequences per player; 0 is the empty sequence. */
  count: [number, number];
  /** constraint rows per player: [parent sequence, child sequences]; row 0 is the empty sequence. */
  rows: [Array<[number, number[]]>, Array<[number, number[]]>];
  /** payoff entries: [seq1, seq2, weight * payoff1, weight * payoff2, weight] */
  leaves: Array<[number, number, Rational, Rational, Rational]>;
}

function treeSequenceForm(tree: TreeGame): { form: SequenceForm; index: Map<Infoset, number>[] } {
  const index = [new Map<Infoset, number>(), new Map<Infoset, number>()];
  const count: [number, number] = [1, 1];
  const rows: SequenceForm['rows'] = [[[-1, [0]]], [[-1, [0]]]];
  for (let p = 0; p < 2; p++) {
    for (const set of tree.infosets[p + 1]!) { index[p]!.set(set, count[p]); count[p] += set.actions.length; }
    for (const set of tree.infosets[p + 1]!) {
      const seq = ownSequence(set.members[0]!, p + 1);
      const parent = seq.length === 0 ? 0 : index[p]!.get(seq[seq.length - 1]![0])! + seq[seq.length - 1]![1];
      rows[p].push([parent, set.actions.map((_, a) => index[p]!.get(set)! + a)]);
    }
  }
  const terminals = terminalPayoffs(tree);
  const leaves: SequenceForm['leaves'] = [];
  const walk = (n: TreeNode, w: Rational, s: [number, number]): void => {
    if (w.isZero()) return;
    if (n.children.length === 0) {
      const pay = terminals.get(n.id)!;
      leaves.push([s[0], s[1], w.mul(pay[0]!), w.mul(pay[1]!), w]);
      return;
    }
    const set = n.infoset!;
    n.children.forEach((c, a) => {
      if (set.player === 0) walk(c, w.mul(set.probs![a]!), s);
      else {
        const next: [number, number] = [...s];
        next[set.player - 1] = index[set.player - 1]!.get(set)! + a;
        walk(c, w, next);
      }
    });
  };
  walk(tree.root, ONE, [0, 0]);
  return { form: { count, rows, leaves }, index };
}

function strategicSequenceForm(game: StrategicGame): SequenceForm {
  const m = game.strategies[0]!.length, n = game.strategies[1]!.length;
  const leaves: SequenceForm['leaves'] = [];
  let k = 0;
  for (const [i, j] of profiles([m, n])) {
    const pay = game.payoffs[k++]!;
    leaves.push([1 + i!, 1 + j!, pay[0]!, pay[1]!, ONE]);
  }
  return {
    count: [m + 1, n + 1],
    rows: [[[-1, [0]], [0, Array.from({ length: m }, (_, i) => 1 + i)]], [[-1, [0]], [0, Array.from({ length: n }, (_, j) => 1 + j)]]],
    leaves,
  };
}

/** Solves the sequence-form LCP; returns the realization plans. */
function solveForm(form: SequenceForm): [Rational[], Rational[]] {
  const [n1, n2] = form.count;
  const k1 = form.rows[0].length, k2 = form.rows[1].length;
  const N = n1 + n2 + k1 + k2;
  let maxPay = form.leaves.length ? form.leaves[0]![2].div(form.leaves[0]![4]) : ZERO;
  for (const [, , u1, u2, w] of form.leaves) for (const u of [u1.div(w), u2.div(w)]) if (u.gt(maxPay)) maxPay = u;
  const K = maxPay.add(ONE);
  const M: Rational[][] = Array.from({ length: N }, () => new Array<Rational>(N).fill(ZERO));
  const b: Rational[] = new Array<Rational>(N).fill(ZERO);
  const X = 0, Y = n1, P = n1 + n2, Qo = n1 + n2 + k1;
  for (const [s1, s2, u1, u2, w] of form.leaves) {
    // w_x = -A'y - E^T p ; w_y = -B'^T x - F^T q, with A' = A - K (negative everywhere)
    M[X + s1]![Y + s2] = M[X + s1]![Y + s2]!.sub(u1.sub(w.mul(K)));
    M[Y + s2]![X + s1] = M[Y + s2]![X + s1]!.sub(u2.sub(w.mul(K)));
  }
  const constraints = (rows: Array<[number, number[]]>, seqBase: number, dualBase: number): void => {
    rows.forEach(([parent, children], h) => {
      // row h of E: sum children - parent (parent -1 means the constant 1 on the right)
      for (const c of children) { M[dualBase + h]![seqBase + c] = ONE; M[seqBase + c]![dualBase + h] = Rational.of(-1n); }
      if (parent >= 0) { M[dualBase + h]![seqBase + parent] = Rational.of(-1n); M[seqBase + parent]![dualBase + h] = ONE; }
      else b[dualBase + h] = Rational.of(-1n);
    });
  };
  constraints(form.rows[0], X, P);
  constraints(form.rows[1], Y, Qo);
  const z = lemke(M, b);
  return [z.slice(X, X + n1), z.slice(Y, Y + n2)];
}

export function sequenceTree(tree: TreeGame): Behaviour {
  if (tree.players.length !== 2) throw new Error(`the sequence form is solved for two players; this game has ${tree.players.length}`);
  if (!hasPerfectRecall(tree)) throw new Error('the sequence form needs perfect recall, which this game lacks');
  const { form, index } = treeSequenceForm(tree);
  const plans = solveForm(form);
  return [0, 1].map((p) => tree.infosets[p + 1]!.map((set) => {
    const first = index[p]!.get(set)!;
    const seq = ownSequence(set.members[0]!, p + 1);
    const parent = seq.length === 0 ? 0 : index[p]!.get(seq[seq.length - 1]![0])! + seq[seq.length - 1]![1];
    const reach = plans[p]![parent]!;
    return set.actions.map((_, a) => (reach.isZero() ? ZERO : plans[p]![first + a]!.div(reach)));
  }));
}

export function sequenceStrategic(game: StrategicGame): Rational[][] {
  if (game.players.length !== 2) throw new Error(`the sequence form is solved for two players; this game has ${game.players.length}`);
  const [x, y] = solveForm(strategicSequenceForm(game));
  return [x.slice(1), y.slice(1)];
}
