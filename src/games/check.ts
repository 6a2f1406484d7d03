// Equilibrium checks, exact: no player gains by deviating. Strategic games are checked against
// every pure strategy; trees with perfect recall against the best response over the player's own
// sets; trees without it against every reduced pure strategy.
import { ONE, Rational, ZERO } from './rational.ts';
import { profiles, type StrategicGame } from './strategic.ts';
import { behaviourPayoffs, bestResponseValue, type Behaviour } from './behaviour.ts';
import { hasPerfectRecall, terminalPayoffs, type TreeGame, type TreeNode } from './tree.ts';
import { reducedStrategies, type PureStrategy } from './reduced.ts';

/** u[p][s]: player p's payoff from pure strategy s against the others' mixed strategies. */
export function pureStrategyValues(game: StrategicGame, mixed: Rational[][]): Rational[][] {
  const values = game.strategies.map((s) => s.map(() => ZERO));
  const counts = game.strategies.map((s) => s.length);
  let index = 0;
  for (const prof of profiles(counts)) {
    const pay = game.payoffs[index++]!;
    for (let p = 0; p < counts.length; p++) {
      let w = ONE;
      for (let o = 0; o < counts.length && !w.isZero(); o++) if (o !== p) w = w.mul(mixed[o]![prof[o]!]!);
      if (!w.isZero()) values[p]![prof[p]!] = values[p]![prof[p]!]!.add(w.mul(pay[p]!));
    }
  }
  return values;
}

/** The largest gain any player has from a unilateral deviation (0 at an equilibrium). */
export function strategicRegret(game: StrategicGame, mixed: Rational[][]): Rational {
  const values = pureStrategyValues(game, mixed);
  let worst = ZERO;
  values.forEach((row, p) => {
    const own = row.reduce((s, v, k) => s.add(v.mul(mixed[p]![k]!)), ZERO);
    for (const v of row) if (v.sub(own).gt(worst)) worst = v.sub(own);
  });
  return worst;
}

export function isStrategicEquilibrium(game: StrategicGame, mixed: Rational[][]): boolean {
  const valid = mixed.every((row, p) => row.length === game.strategies[p]!.length
    && row.every((x) => x.sign() >= 0) && row.reduce((s, x) => s.add(x), ZERO).eq(ONE));
  return valid && strategicRegret(game, mixed).isZero();
}

/** The largest gain from a deviation against a behaviour profile on a tree. */
export function behaviourRegret(tree: TreeGame, profile: Behaviour): Rational {
  const terminals = terminalPayoffs(tree);
  const own = behaviourPayoffs(tree, profile, terminals);
  let worst = ZERO;
  const recall = hasPerfectRecall(tree);
  for (let p = 1; p <= tree.players.length; p++) {
    const best = recall ? bestResponseValue(tree, profile, p, terminals) : bestPureAgainst(tree, profile, p, terminals);
    const gain = best.sub(own[p - 1]!);
    if (gain.gt(worst)) worst = gain;
  }
  return worst;
}

/** Checks a behaviour profile; sets a player's own moves never reach may hold zeros (Gambit's way). */
export function isBehaviourEquilibrium(tree: TreeGame, profile: Behaviour): boolean {
  const filled = fillUnreached(tree, profile);
  return behaviourRegret(tree, filled).isZero();
}

/** Replaces all-zero rows (unreached sets) by the first action, which changes no payoff. */
export function fillUnreached(tree: TreeGame, profile: Behaviour): Behaviour {
  return profile.map((sets) => sets.map((row) => (row.every((x) => x.isZero()) ? row.map((_, a) => (a === 0 ? ONE : ZERO)) : row)));
}

function bestPureAgainst(tree: TreeGame, profile: Behaviour, player: number, terminals: Map<number, Rational[]>): Rational {
  let best: Rational | undefined;
  for (const s of reducedStrategies(tree, player)) {
    const v = pureAgainst(tree, profile, player, s, terminals);
    if (!best || v.gt(best)) best = v;
  }
  return best ?? ZERO;
}

function pureAgainst(tree: TreeGame, profile: Behaviour, player: number, s: PureStrategy, terminals: Map<number, Rational[]>): Rational {
  const walk = (n: TreeNode, w: Rational): Rational => {
    if (w.isZero()) return ZERO;
    if (n.children.length === 0) return w.mul(terminals.get(n.id)![player - 1]!);
    const set = n.infoset!;
    if (set.player === player) return walk(n.children[s[set.index]!]!, w);
    const probs = set.player === 0 ? set.probs! : profile[set.player - 1]![set.index]!;
    return n.children.reduce((acc, c, a) => acc.add(walk(c, w.mul(probs[a]!))), ZERO);
  };
  return walk(tree.root, ONE);
}

/** Agent form: no single information set's mover gains by changing the action there alone. */
export function isAgentEquilibrium(tree: TreeGame, profile: Behaviour): boolean {
  const terminals = terminalPayoffs(tree);
  const base = behaviourPayoffs(tree, profile, terminals);
  for (let p = 1; p <= tree.players.length; p++) {
    for (const set of tree.infosets[p]!) {
      for (let a = 0; a < set.actions.length; a++) {
        const changed = profile.map((sets, q) => sets.map((row, k) => (q === p - 1 && k === set.index ? row.map((_, b) => (b === a ? ONE : ZERO)) : row)));
        if (behaviourPayoffs(tree, changed, terminals)[p - 1]!.gt(base[p - 1]!)) return false;
      }
    }
  }
  return true;
}
