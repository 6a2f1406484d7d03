// Exact rational numbers on bigint, always kept in lowest terms with a positive denominator,
// so that equilibria compare one to one with Gambit's printed fractions.

export class Rational {
  readonly num: bigint;
  readonly den: bigint;

  private constructor(num: bigint, den: bigint) {
    this.num = num;
    this.den = den;
  }

  static of(num: bigint | number, den: bigint | number = 1n): Rational {
    let n = BigInt(num);
    let d = BigInt(den);
    if (d === 0n) throw new RangeError('rational with denominator 0');
    if (d < 0n) { n = -n; d = -d; }
    const g = gcd(n < 0n ? -n : n, d);
    return g === 1n ? new Rational(n, d) : new Rational(n / g, d / g);
  }

  /** Reads "3", "-2/5", "0.25", "1e-3", "+4.50" exactly. */
  static parse(text: string): Rational {
    const s = text.trim();
    const frac = /^([+-]?\d+)\s*\/\s*(\d+)$/.exec(s);
    if (frac) return Rational.of(BigInt(frac[1]!), BigInt(frac[2]!));
    const dec = /^([+-])?(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/.exec(s);
    if (!dec || (dec[2] === '' && (dec[3] ?? '') === '')) throw new SyntaxError(`not a number: "${text}"`);
    const digits = (dec[2] ?? '') + (dec[3] ?? '');
    let exp = -(dec[3] ?? '').length + Number(dec[4] ?? 0);
    let n = BigInt(digits === '' ? '0' : digits);
    if (dec[1] === '-') n = -n;
    if (exp >= 0) return Rational.of(n * 10n ** BigInt(exp));
    return Rational.of(n, 10n ** BigInt(-exp));
  }

  /** The exact value of a finite double (every double is a dyadic rational). */
  static fromNumber(x: number): Rational {
    if (!Number.isFinite(x)) throw new RangeError(`not finite: ${x}`);
    if (Number.isInteger(x)) return Rational.of(BigInt(x));
    let den = 1n;
    let v = x;
    while (!Number.isInteger(v)) { v *= 2; den *= 2n; }
    return Rational.of(BigInt(v), den);
  }

  add(o: Rational): Rational { return Rational.of(this.num * o.den + o.num * this.den, this.den * o.den); }
  sub(o: Rational): Rational { return Rational.of(this.num * o.den - o.num * this.den, this.den * o.den); }
  mul(o: Rational): Rational {
    if (this.num === 0n || o.num === 0n) return ZERO;
    return Rational.of(this.num * o.num, this.den * o.den);
  }
  div(o: Rational): Rational {
    if (o.num === 0n) throw new RangeError('division by zero');
    return Rational.of(this.num * o.den, this.den * o.num);
  }
  neg(): Rational { return new Rational(-this.num, this.den); }
  inv(): Rational { return Rational.of(this.den, this.num); }
  sign(): number { return this.num > 0n ? 1 : this.num < 0n ? -1 : 0; }
  isZero(): boolean { return this.num === 0n; }
  cmp(o: Rational): number {
    const d = this.num * o.den - o.num * this.den;
    return d > 0n ? 1 : d < 0n ? -1 : 0;
  }
  eq(o: Rational): boolean { return this.num === o.num && this.den === o.den; }
  lt(o: Rational): boolean { return this.cmp(o) < 0; }
  gt(o: Rational): boolean { return this.cmp(o) > 0; }
  toNumber(): number { return Number(this.num) / Number(this.den); }
  /** Gambit's way: "1/3", "-2", "0". */
  toString(): string { return this.den === 1n ? this.num.toString() : `${this.num}/${this.den}`; }
  /** A decimal string when the value has a finite decimal expansion, otherwise the fraction. */
  toDecimalString(): string {
    let d = this.den;
    let twos = 0, fives = 0;
    while (d % 2n === 0n) { d /= 2n; twos++; }
    while (d % 5n === 0n) { d /= 5n; fives++; }
    if (d !== 1n) return this.toString();
    const places = Math.max(twos, fives);
    const scaled = (this.num * 10n ** BigInt(places)) / this.den;
    const neg = scaled < 0n;
    const abs = (neg ? -scaled : scaled).toString().padStart(places + 1, '0');
    const text = places === 0 ? abs : `${abs.slice(0, abs.length - places)}.${abs.slice(abs.length - places)}`;
    return neg ? `-${text}` : text;
  }
}

function gcd(a: bigint, b: bigint): bigint {
  while (b !== 0n) [a, b] = [b, a % b];
  return a === 0n ? 1n : a;
}

export const ZERO = Rational.of(0n);
export const ONE = Rational.of(1n);

export function q(x: number | string | bigint): Rational {
  if (typeof x === 'string') return Rational.parse(x);
  if (typeof x === 'bigint') return Rational.of(x);
  return Rational.fromNumber(x);
}

export function sum(xs: Iterable<Rational>): Rational {
  let s = ZERO;
  for (const x of xs) s = s.add(x);
  return s;
}

export function max(xs: Rational[]): Rational {
  let m = xs[0]!;
  for (const x of xs) if (x.gt(m)) m = x;
  return m;
}
