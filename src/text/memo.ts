// Remembered results of pure functions whose keys recur across documents (words, names, dates):
// up to `limit` keys, emptied when full, so that memory stays bounded on endless input.

export class BoundedMemo<K, V> {
  private readonly map = new Map<K, V>();

  constructor(private readonly limit: number) {}

  /** The remembered value for `key`, or `compute(key)`, remembered. (An undefined value is not remembered.) */
  get(key: K, compute: (key: K) => V): V {
    let value = this.map.get(key);
    if (value === undefined) {
      value = compute(key);
      if (this.map.size >= this.limit) this.map.clear();
      this.map.set(key, value);
    }
    return value;
  }

  clear(): void {
    this.map.clear();
  }
}
