// A hash set of (a, b) pairs of event indices with open addressing over typed arrays: a window
// holds millions of candidate pairs, and a JavaScript Set or Map would box every key beyond
// 2^30 and allocate an entry per pair.

/** Pairs numbered in order of insertion: `ea[e]`, `eb[e]` are the pair of entry `e`. */
export class PairTable {
  private slots: Int32Array;       // entry number + 1 per slot; 0 is an empty slot
  ea = new Int32Array(1024);
  eb = new Int32Array(1024);
  length = 0;

  constructor() {
    this.slots = new Int32Array(2048);
  }

  private static hash(a: number, b: number): number {
    let h = Math.imul(a, 0x9e3779b1) ^ Math.imul(b + 0x7f4a7c15, 0x85ebca6b);
    h ^= h >>> 15;
    return Math.imul(h, 0x2c1b3c6d) >>> 0;
  }

  /** The entry of (a, b), or -1. */
  find(a: number, b: number): number {
    const mask = this.slots.length - 1;
    for (let s = PairTable.hash(a, b) & mask; ; s = (s + 1) & mask) {
      const e = this.slots[s] - 1;
      if (e < 0) return -1;
      if (this.ea[e] === a && this.eb[e] === b) return e;
    }
  }

  /** The entry of (a, b), added if new (then it is the last entry, `length - 1`). */
  insert(a: number, b: number): number {
    const mask = this.slots.length - 1;
    let s = PairTable.hash(a, b) & mask;
    for (; ; s = (s + 1) & mask) {
      const e = this.slots[s] - 1;
      if (e < 0) break;
      if (this.ea[e] === a && this.eb[e] === b) return e;
    }
    const e = this.length++;
    if (e === this.ea.length) this.growEntries(Math.ceil(e * 1.5));   // less slack than doubling: these arrays are most of a window's memory
    this.ea[e] = a;
    this.eb[e] = b;
    this.slots[s] = e + 1;
    if (this.length * 2 > this.slots.length) this.rehash();   // at most half full: probes stay short
    return e;
  }

  /** Frees the hash index once every pair is in: the entries stay readable, `find` and `insert` no longer work. */
  seal(): void {
    this.slots = new Int32Array(0);
  }

  /** Called when the entries outgrow their arrays: subclasses widen theirs too. */
  protected growEntries(size: number): void {
    this.ea = widen(this.ea, size);
    this.eb = widen(this.eb, size);
  }

  private rehash(): void {
    this.slots = new Int32Array(this.slots.length * 2);
    const mask = this.slots.length - 1;
    for (let e = 0; e < this.length; e++) {
      let s = PairTable.hash(this.ea[e], this.eb[e]) & mask;
      while (this.slots[s] !== 0) s = (s + 1) & mask;
      this.slots[s] = e + 1;
    }
  }
}

/** A copy of a typed array in a longer one. */
export function widen<T extends Int32Array | Float64Array | Uint8Array | Uint16Array>(x: T, size: number): T {
  const y = new (x.constructor as new (n: number) => T)(size);
  y.set(x);
  return y;
}
