// Lemke's algorithm for the linear complementarity problem w = b + M z, w, z >= 0, w.z = 0,
// exact: integer (fraction-free) pivoting on bigint, lexicographic ratio test against cycling.
import { Rational } from './rational.ts';

export class RayTermination extends Error {}

/** Returns z. `cover` is Lemke's covering vector (all ones by default). */
export function lemke(M: Rational[][], b: Rational[], maxPivots = 100_000): Rational[] {
  const N = b.length;
  let L = 1n;
  const lcm = (a: bigint, c: bigint): bigint => (a / gcd(a, c)) * c;
  for (const row of M) for (const x of row) L = lcm(L, x.den);
  for (const x of b) L = lcm(L, x.den);
  const Z0 = 2 * N;
  const RHS = 2 * N + 1;
  // Row i: w'_i - (L M z)_i - L z0 = L b_i, with w' = L w.
  const T: bigint[][] = [];
  for (let i = 0; i < N; i++) {
    const row = new Array<bigint>(2 * N + 2).fill(0n);
    row[i] = 1n;
    for (let j = 0; j < N; j++) { const m = M[i]![j]!; if (m.num !== 0n) row[N + j] = -(m.num * (L / m.den)); }
    row[Z0] = -L;
    row[RHS] = b[i]!.num * (L / b[i]!.den);
    T.push(row);
  }
  const basis = Array.from({ length: N }, (_, i) => i);
  let D = 1n;
  const pivot = (r: number, c: number): void => {
    const pr = T[r]!;
    const piv = pr[c]!;
    for (let i = 0; i < N; i++) {
      if (i === r) continue;
      const row = T[i]!;
      const f = row[c]!;
      for (let j = 0; j < row.length; j++) {
        const v = row[j]! * piv - (f === 0n ? 0n : f * pr[j]!);
        row[j] = v === 0n ? 0n : v / D;
      }
    }
    D = piv;
    if (D < 0n) { for (const row of T) for (let j = 0; j < row.length; j++) row[j] = -row[j]!; D = -D; }
    basis[r] = c;
  };
  // First step: z0 enters, the most negative right-hand side leaves (last such row on ties).
  let r = -1;
  for (let i = 0; i < N; i++) if (r < 0 || T[i]![RHS]! <= T[r]![RHS]!) r = i;
  if (T[r]![RHS]! >= 0n) return new Array(N).fill(Rational.of(0n));   // z = 0 solves it
  pivot(r, Z0);
  let leaving = r;
  let leftVar = r;    // w_r left
  for (let step = 0; step < maxPivots; step++) {
    const entering = leftVar < N ? leftVar + N : leftVar - N;
    leaving = -1;
    for (let i = 0; i < N; i++) {
      if (T[i]![entering]! <= 0n) continue;
      if (leaving < 0 || lexLess(T[i]!, T[leaving]!, entering, N, RHS)) leaving = i;
    }
    if (leaving < 0) throw new RayTermination('Lemke\'s algorithm ended on a ray without a solution');
    leftVar = basis[leaving]!;
    pivot(leaving, entering);
    if (leftVar === Z0) {
      const z = new Array<Rational>(N).fill(Rational.of(0n));
      basis.forEach((v, i) => { if (v >= N && v < Z0) z[v - N] = Rational.of(T[i]![RHS]!, D); });
      return z;
    }
  }
  throw new Error(`Lemke's algorithm did not finish in ${maxPivots} pivots`);
}

/** (rhs, identity columns) / entering coefficient of row a is lexicographically below that of row b. */
function lexLess(a: bigint[], b: bigint[], c: number, N: number, RHS: number): boolean {
  const ca = a[c]!, cb = b[c]!;
  const cmp = (j: number): number => {
    const d = a[j]! * cb - b[j]! * ca;
    return d < 0n ? -1 : d > 0n ? 1 : 0;
  };
  const first = cmp(RHS);
  if (first !== 0) return first < 0;
  for (let j = 0; j < N; j++) {
    const k = cmp(j);
    if (k !== 0) return k < 0;
  }
  return false;
}

function gcd(a: bigint, b: bigint): bigint {
  if (a < 0n) a = -a;
  if (b < 0n) b = -b;
  while (b !== 0n) [a, b] = [b, a % b];
  return a;
}
