// An approximate equilibrium for games too large or too many-player for the exact methods:
// logit (softmax) response dynamics with a rising precision, from several starting points, in
// floating point. The answer's error is stated as its maximum regret (the most any player could
// gain by deviating), computed exactly on the rational profile that is returned.
import { Rational } from '../rational.ts';
import { profiles, type StrategicGame } from '../strategic.ts';
import { strategicRegret } from '../check.ts';

export interface ApproxOptions { epsilon?: number; iterations?: number; starts?: number; seed?: number }
export interface ApproxResult { profile: Rational[][]; regret: Rational; iterations: number }

export function approximate(game: StrategicGame, options: ApproxOptions = {}): ApproxResult {
  const epsilon = options.epsilon ?? 1e-6;
  const iterations = options.iterations ?? 20000;
  const starts = options.starts ?? 4;
  const counts = game.strategies.map((s) => s.length);
  const pay = game.payoffs.map((row) => row.map((v) => v.toNumber()));
  const all = [...profiles(counts)];
  let range = 0;
  for (const row of pay) for (const v of row) range = Math.max(range, Math.abs(v));
  const scale = range || 1;
  const random = mulberry32(options.seed ?? 1);
  let best: { x: number[][]; regret: number } | undefined;
  let used = 0;
  for (let start = 0; start < starts; start++) {
    let x = counts.map((c) => {
      if (start === 0) return new Array<number>(c).fill(1 / c);
      const r = Array.from({ length: c }, () => random() + 0.05);
      const s = r.reduce((a, b) => a + b, 0);
      return r.map((v) => v / s);
    });
    let lambda = 1 / scale;
    for (let it = 0; it < iterations; it++) {
      used++;
      const u = values(counts, all, pay, x);
      const regret = maxRegret(u, x);
      if (!best || regret < best.regret) best = { x: x.map((r) => [...r]), regret };
      if (regret <= epsilon * scale) break;
      const step = 0.1;
      x = x.map((row, p) => {
        const m = Math.max(...u[p]!);
        const e = u[p]!.map((v) => Math.exp(lambda * (v - m)));
        const s = e.reduce((a, b) => a + b, 0);
        return row.map((v, k) => (1 - step) * v + step * (e[k]! / s));
      });
      lambda = Math.min(lambda * 1.002, 1e7 / scale);
    }
    if (best && best.regret <= epsilon * scale) break;
  }
  const profile = best!.x.map(toRationalDistribution);
  return { profile, regret: strategicRegret(game, profile), iterations: used };
}

function values(counts: number[], all: number[][], pay: number[][], x: number[][]): number[][] {
  const u = counts.map((c) => new Array<number>(c).fill(0));
  all.forEach((prof, index) => {
    for (let p = 0; p < counts.length; p++) {
      let w = 1;
      for (let o = 0; o < counts.length; o++) if (o !== p) w *= x[o]![prof[o]!]!;
      if (w !== 0) u[p]![prof[p]!]! += w * pay[index]![p]!;
    }
  });
  return u;
}

function maxRegret(u: number[][], x: number[][]): number {
  let worst = 0;
  u.forEach((row, p) => {
    const own = row.reduce((s, v, k) => s + v * x[p]![k]!, 0);
    worst = Math.max(worst, Math.max(...row) - own);
  });
  return worst;
}

/** Rounds to millionths and puts the rounding error on the largest entry, so the row sums to 1 exactly. */
function toRationalDistribution(row: number[]): Rational[] {
  const D = 1_000_000n;
  const ints = row.map((v) => BigInt(Math.max(0, Math.round(v * 1e6))));
  const total = ints.reduce((a, b) => a + b, 0n);
  let big = 0;
  ints.forEach((v, i) => { if (v > ints[big]!) big = i; });
  ints[big] = ints[big]! + (D - total);
  return ints.map((v) => Rational.of(v, D));
}

/** A small seeded generator, so that runs repeat. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
