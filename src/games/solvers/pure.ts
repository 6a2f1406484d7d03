// Every pure-strategy Nash equilibrium: of a strategic game directly, of a tree through its reduced
// strategic form (what Gambit's enumpure prints, as behaviour profiles).
import { ONE, ZERO, type Rational } from '../rational.ts';
import { profileIndex, profiles, type StrategicGame } from '../strategic.ts';
import { behaviourFromMixed, reducedForm, type ReducedForm } from '../reduced.ts';
import type { Behaviour } from '../behaviour.ts';
import type { TreeGame } from '../tree.ts';

/** Pure equilibria as strategy indices, in profile order (player 1 fastest). */
export function pureEquilibriumIndices(game: StrategicGame): number[][] {
  const counts = game.strategies.map((s) => s.length);
  const out: number[][] = [];
  let index = 0;
  for (const prof of profiles(counts)) {
    const pay = game.payoffs[index++]!;
    let stable = true;
    for (let p = 0; p < counts.length && stable; p++) {
      const dev = [...prof];
      for (let s = 0; s < counts[p]!; s++) {
        if (s === prof[p]) continue;
        dev[p] = s;
        if (game.payoffs[profileIndex(game, dev)]![p]!.gt(pay[p]!)) { stable = false; break; }
      }
    }
    if (stable) out.push(prof);
  }
  return out;
}

export function asMixed(game: StrategicGame, prof: number[]): Rational[][] {
  return prof.map((k, p) => game.strategies[p]!.map((_, s) => (s === k ? ONE : ZERO)));
}

export function pureStrategic(game: StrategicGame): Rational[][][] {
  return pureEquilibriumIndices(game).map((prof) => asMixed(game, prof));
}

export function pureTree(tree: TreeGame, form: ReducedForm = reducedForm(tree)): Behaviour[] {
  return pureEquilibriumIndices(form.game).map((prof) => behaviourFromMixed(form, asMixed(form.game, prof)));
}
