// An approximate equilibrium for games too large or too many-player for the exact methods:
// logit (softmax) response dynamics with a rising precision, from several starting points, in
// floating point; every few hundred steps, Newton's method on the support the dynamics point to
// tries to finish the job. The answer's error is stated as its maximum regret (the most any
// player could gain by deviating), computed exactly on the rational profile that is returned.
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
      if (it % 250 === 249) {
        const polished = polish(counts, all, pay, x);
        if (polished) {
          const r = maxRegret(values(counts, all, pay, polished), polished);
          if (r < best.regret) best = { x: polished, regret: r };
          if (r <= epsilon * scale) break;
        }
      }
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
  const polished = polish(counts, all, pay, best!.x);
  if (polished && maxRegret(values(counts, all, pay, polished), polished) < best!.regret) best = { x: polished, regret: 0 };
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

/**
 * Newton's method on the support the dynamics found: every strategy in a player's support earns
 * the same, and the probabilities add up to one. Returns undefined when it does not settle on a
 * valid profile.
 */
function polish(counts: number[], all: number[][], pay: number[][], x0: number[][]): number[][] | undefined {
  const support = x0.map((row) => row.map((v, k) => (v > 1e-4 ? k : -1)).filter((k) => k >= 0));
  const vars: Array<[number, number]> = support.flatMap((ks, p) => ks.map((k): [number, number] => [p, k]));
  const build = (z: number[]): number[][] => {
    const x = counts.map((c) => new Array<number>(c).fill(0));
    vars.forEach(([p, k], i) => { x[p]![k] = z[i]!; });
    return x;
  };
  const F = (z: number[]): number[] => {
    const x = build(z);
    const u = values(counts, all, pay, x);
    const out: number[] = [];
    support.forEach((ks, p) => {
      out.push(ks.reduce((s, k) => s + x[p]![k]!, 0) - 1);
      for (let i = 1; i < ks.length; i++) out.push(u[p]![ks[i]!]! - u[p]![ks[0]!]!);
    });
    return out;
  };
  let z = vars.map(([p, k]) => x0[p]![k]!);
  for (let it = 0; it < 50; it++) {
    const f = F(z);
    if (Math.max(...f.map(Math.abs)) < 1e-13) break;
    const h = 1e-7;
    const J = z.map((_, j) => { const zz = [...z]; zz[j]! += h; return F(zz).map((v, i) => (v - f[i]!) / h); });
    // J is stored by columns; solve J d = -f by Gaussian elimination with partial pivoting
    const n = z.length;
    const A = f.map((fi, i) => [...z.map((_, j) => J[j]![i]!), -fi]);
    for (let c = 0; c < n; c++) {
      let piv = c;
      for (let r = c + 1; r < n; r++) if (Math.abs(A[r]![c]!) > Math.abs(A[piv]![c]!)) piv = r;
      if (Math.abs(A[piv]![c]!) < 1e-14) return undefined;
      [A[c], A[piv]] = [A[piv]!, A[c]!];
      for (let r = 0; r < n; r++) {
        if (r === c) continue;
        const m = A[r]![c]! / A[c]![c]!;
        for (let k = c; k <= n; k++) A[r]![k]! -= m * A[c]![k]!;
      }
    }
    z = z.map((v, i) => v + A[i]![n]! / A[i]![i]!);
  }
  if (z.some((v) => !(v >= 0 && v <= 1))) return undefined;
  return build(z);
}

/** Rounds to billionths and puts the rounding error on the largest entry, so the row sums to 1 exactly. */
function toRationalDistribution(row: number[]): Rational[] {
  const D = 1_000_000_000n;
  const ints = row.map((v) => BigInt(Math.max(0, Math.round(v * 1e9))));
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
