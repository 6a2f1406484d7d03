// Two-player constant-sum games by linear programming: the column player's LP
// max 1.y s.t. A'y <= 1, y >= 0 (A' = A shifted above zero), solved by an exact simplex with
// Bland's rule; the row player's optimal strategy is read off the dual (the slacks' reduced costs).
import { ONE, Rational, ZERO } from '../rational.ts';
import type { StrategicGame } from '../strategic.ts';

export interface ZeroSumResult { profile: Rational[][]; value: Rational }

export function zeroSum(game: StrategicGame): ZeroSumResult {
  if (game.players.length !== 2) throw new Error(`zero-sum solving needs two players; this game has ${game.players.length}`);
  const total = game.payoffs[0]![0]!.add(game.payoffs[0]![1]!);
  if (!game.payoffs.every((p) => p[0]!.add(p[1]!).eq(total))) throw new Error('the game is not constant-sum (payoffs do not add to the same total in every profile)');
  const m = game.strategies[0]!.length, n = game.strategies[1]!.length;
  const A = (i: number, j: number): Rational => game.payoffs[i + j * m]![0]!;
  let min = A(0, 0);
  for (let i = 0; i < m; i++) for (let j = 0; j < n; j++) if (A(i, j).lt(min)) min = A(i, j);
  const shift = ONE.sub(min);
  // tableau rows: [A' | I | 1]; columns 0..n-1 are y, n..n+m-1 slacks, last is the right-hand side
  const cols = n + m + 1;
  const T: Rational[][] = Array.from({ length: m }, (_, i) => {
    const row = new Array<Rational>(cols).fill(ZERO);
    for (let j = 0; j < n; j++) row[j] = A(i, j).add(shift);
    row[n + i] = ONE;
    row[cols - 1] = ONE;
    return row;
  });
  const obj = new Array<Rational>(cols).fill(ZERO);
  for (let j = 0; j < n; j++) obj[j] = Rational.of(-1n);
  const basis = Array.from({ length: m }, (_, i) => n + i);
  for (;;) {
    const enter = obj.findIndex((v, j) => j < cols - 1 && v.sign() < 0);
    if (enter < 0) break;
    let leave = -1;
    let best: Rational | undefined;
    for (let i = 0; i < m; i++) {
      if (T[i]![enter]!.sign() <= 0) continue;
      const ratio = T[i]![cols - 1]!.div(T[i]![enter]!);
      if (!best || ratio.lt(best) || (ratio.eq(best) && basis[i]! < basis[leave]!)) { best = ratio; leave = i; }
    }
    if (leave < 0) throw new Error('the linear program is unbounded (this cannot happen with shifted payoffs)');
    const prow = T[leave]!;
    const inv = prow[enter]!.inv();
    for (let j = 0; j < cols; j++) prow[j] = prow[j]!.mul(inv);
    for (const row of [...T.filter((_, i) => i !== leave), obj]) {
      const f = row[enter]!;
      if (f.isZero()) continue;
      for (let j = 0; j < cols; j++) row[j] = row[j]!.sub(f.mul(prow[j]!));
    }
    basis[leave] = enter;
  }
  const z = obj[cols - 1]!;                       // max of 1.y
  const y = new Array<Rational>(n).fill(ZERO);
  basis.forEach((v, i) => { if (v < n) y[v] = T[i]![cols - 1]!.div(z); });
  const x = Array.from({ length: m }, (_, i) => obj[n + i]!.div(z));
  return { profile: [x, y], value: ONE.div(z).sub(shift) };
}
