// The strategic (normal) form: players, their strategies, and a payoff vector for every pure
// profile, stored with player 1's strategy changing fastest (Gambit's order).
import type { Rational } from './rational.ts';

export interface StrategicGame {
  kind: 'strategic';
  title: string;
  comment: string;
  players: string[];
  strategies: string[][];
  /** payoffs[profileIndex][player] */
  payoffs: Rational[][];
}

/** Index of a pure profile in the payoff table. */
export function profileIndex(game: StrategicGame, profile: number[]): number {
  let index = 0;
  let stride = 1;
  for (let p = 0; p < profile.length; p++) {
    index += profile[p]! * stride;
    stride *= game.strategies[p]!.length;
  }
  return index;
}

/** Every pure profile, player 1's strategy changing fastest. */
export function* profiles(counts: number[]): Generator<number[]> {
  const current = counts.map(() => 0);
  if (counts.some((c) => c === 0)) return;
  for (;;) {
    yield [...current];
    let p = 0;
    while (p < counts.length) {
      current[p]!++;
      if (current[p]! < counts[p]!) break;
      current[p] = 0;
      p++;
    }
    if (p === counts.length) return;
  }
}

export function profileCount(game: StrategicGame): number {
  return game.strategies.reduce((n, s) => n * s.length, 1);
}
