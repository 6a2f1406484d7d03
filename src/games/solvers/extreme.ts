// Every extreme equilibrium of a two-player strategic game, exactly: enumerate the vertices of
// both best-response polytopes and keep the completely labelled pairs (Avis, Rosenberg, Savani
// and von Stengel 2010). Degenerate games are covered because every vertex is enumerated, not
// only those reached by pivoting.
import { ONE, Rational, ZERO } from '../rational.ts';
import { solveIntegerSquare, subsets } from '../linear.ts';
import type { StrategicGame } from '../strategic.ts';

interface Vertex { point: Rational[]; labels: boolean[] }

export function extremeEquilibria(game: StrategicGame): Rational[][][] {
  if (game.players.length !== 2) throw new Error(`extreme equilibria are enumerated for two players; this game has ${game.players.length}`);
  const m = game.strategies[0]!.length;
  const n = game.strategies[1]!.length;
  const A = (i: number, j: number): Rational => game.payoffs[i + j * m]![0]!;
  const B = (i: number, j: number): Rational => game.payoffs[i + j * m]![1]!;
  const shiftA = shift(m, n, A);
  const shiftB = shift(m, n, B);
  // P = { x >= 0 : x^T B <= 1 }: labels 0..m-1 for x_i = 0, m+j for column j tight.
  const P = vertices(m, n, (i, j) => B(i, j).add(shiftB), m, 'row');
  // Q = { y >= 0 : A y <= 1 }: labels i for row i tight, m+j for y_j = 0.
  const Q = vertices(n, m, (j, i) => A(i, j).add(shiftA), m, 'column');
  const out: Rational[][][] = [];
  const key = new Set<string>();
  for (const x of P) {
    for (const y of Q) {
      if (!x.labels.every((l, k) => l || y.labels[k])) continue;
      const profile = [normalise(x.point), normalise(y.point)];
      const k = profile.flat().join(',');
      if (!key.has(k)) { key.add(k); out.push(profile); }
    }
  }
  return out;
}

function shift(m: number, n: number, f: (i: number, j: number) => Rational): Rational {
  let min = f(0, 0);
  for (let i = 0; i < m; i++) for (let j = 0; j < n; j++) if (f(i, j).lt(min)) min = f(i, j);
  return ONE.sub(min);
}

function normalise(v: Rational[]): Rational[] {
  const s = v.reduce((a, b) => a.add(b), ZERO);
  return v.map((x) => x.div(s));
}

/**
 * The non-zero vertices of { v in R^d : v >= 0, v^T C <= 1 } with C(k, j) > 0 for k < d, j < e.
 * A vertex with support I is fixed by |I| tight constraints T: solve v_I^T C[I,T] = 1.
 * `side` says how labels are numbered: rows of the game (P) or columns (Q).
 */
function vertices(d: number, e: number, C: (k: number, j: number) => Rational, m: number, side: 'row' | 'column'): Vertex[] {
  // Scale C to integers once, so that each small system is solved without fractions.
  let L = 1n;
  for (let k = 0; k < d; k++) for (let j = 0; j < e; j++) { const den = C(k, j).den; L = (L / gcd(L, den)) * den; }
  const Z: bigint[][] = Array.from({ length: d }, (_, k) => Array.from({ length: e }, (_, j) => C(k, j).num * (L / C(k, j).den)));
  const out: Vertex[] = [];
  const seen = new Set<string>();
  const total = d + e;
  for (let size = 1; size <= Math.min(d, e); size++) {
    for (const I of subsets(d, size)) {
      for (const T of subsets(e, size)) {
        // v_I^T Z[I,T] = L
        const sol = solveIntegerSquare(T.map((j) => I.map((k) => Z[k]![j]!)), T.map(() => L));
        if (!sol || sol.num.some((x) => x <= 0n)) continue;      // a zero entry: found with a smaller support
        let over = false;
        const loads: bigint[] = [];
        for (let j = 0; j < e && !over; j++) {
          let s = 0n;
          I.forEach((k, idx) => { s += sol.num[idx]! * Z[k]![j]!; });
          if (s > L * sol.den) over = true;
          loads.push(s);
        }
        if (over) continue;
        const point = Array.from({ length: d }, () => ZERO);
        I.forEach((k, idx) => { point[k] = Rational.of(sol.num[idx]!, sol.den); });
        const key = point.join(',');
        if (seen.has(key)) continue;
        seen.add(key);
        const labels = Array.from({ length: total }, () => false);
        point.forEach((x, kk) => { if (x.isZero()) labels[side === 'row' ? kk : m + kk] = true; });
        loads.forEach((l, j) => { if (l === L * sol.den) labels[side === 'row' ? m + j : j] = true; });
        out.push({ point, labels });
      }
    }
  }
  return out;
}

function gcd(a: bigint, b: bigint): bigint {
  while (b !== 0n) [a, b] = [b, a % b];
  return a < 0n ? -a : a;
}
