// Exact linear algebra on rationals: solving a square system by Gaussian elimination.
import { Rational, ZERO } from './rational.ts';

/** Solves M x = b; undefined when M is singular. M is given by rows and is not changed. */
export function solveSquare(M: Rational[][], b: Rational[]): Rational[] | undefined {
  const n = M.length;
  const a = M.map((row, i) => [...row, b[i]!]);
  for (let col = 0; col < n; col++) {
    let pivot = -1;
    for (let r = col; r < n; r++) if (!a[r]![col]!.isZero()) { pivot = r; break; }
    if (pivot < 0) return undefined;
    [a[col], a[pivot]] = [a[pivot]!, a[col]!];
    const prow = a[col]!;
    const inv = prow[col]!.inv();
    for (let j = col; j <= n; j++) prow[j] = prow[j]!.mul(inv);
    for (let r = 0; r < n; r++) {
      if (r === col) continue;
      const row = a[r]!;
      const f = row[col]!;
      if (f.isZero()) continue;
      for (let j = col; j <= n; j++) row[j] = row[j]!.sub(f.mul(prow[j]!));
    }
  }
  return a.map((row) => row[n] ?? ZERO);
}

/** Every k-element subset of 0..n-1, in lexicographic order. */
export function* subsets(n: number, k: number): Generator<number[]> {
  const s = Array.from({ length: k }, (_, i) => i);
  if (k > n) return;
  for (;;) {
    yield [...s];
    let i = k - 1;
    while (i >= 0 && s[i] === n - k + i) i--;
    if (i < 0) return;
    s[i]!++;
    for (let j = i + 1; j < k; j++) s[j] = s[j - 1]! + 1;
  }
}

/**
 * Solves M x = b for an integer matrix by fraction-free (Bareiss) elimination: returns the
 * numerators and the common denominator (positive), or undefined when M is singular.
 */
export function solveIntegerSquare(M: bigint[][], b: bigint[]): { num: bigint[]; den: bigint } | undefined {
  const n = M.length;
  const a = M.map((row, i) => [...row, b[i]!]);
  let prev = 1n;
  for (let k = 0; k < n; k++) {
    let pivot = -1;
    for (let r = k; r < n; r++) if (a[r]![k] !== 0n) { pivot = r; break; }
    if (pivot < 0) return undefined;
    if (pivot !== k) [a[k], a[pivot]] = [a[pivot]!, a[k]!];
    const pk = a[k]!;
    for (let i = k + 1; i < n; i++) {
      const ri = a[i]!;
      for (let j = k + 1; j <= n; j++) ri[j] = (ri[j]! * pk[k]! - ri[k]! * pk[j]!) / prev;
      ri[k] = 0n;
    }
    prev = pk[k]!;
  }
  // back substitution on the echelon form: x_i = (b_i - sum a_ij x_j) / a_ii, kept over det
  const det = a[n - 1]![n - 1]!;
  const num = new Array<bigint>(n).fill(0n);
  for (let i = n - 1; i >= 0; i--) {
    let s = a[i]![n]! * det;
    for (let j = i + 1; j < n; j++) s -= a[i]![j]! * num[j]!;
    num[i] = s / a[i]![i]!;
  }
  return det < 0n ? { num: num.map((x) => -x), den: -det } : { num, den: det };
}
