// A small trie of word sequences, matched against folded token texts at one position: the
// mechanism behind every multi-word list of the actors stage ("top brass", "ministry of defence").

interface Node<T> { value?: T; next: Map<string, Node<T>> }

export interface PhraseHit<T> { end: number /* one past the last token */; value: T }

export class PhraseTable<T> {
  private root: Node<T> = { next: new Map() };
  private readonly lastWords = new Set<string>();   // the words phrases end with

  add(phrase: string, value: T): void {
    // the tokenizer cuts "secretary-general" into three tokens: index it so as well
    if (/\S-\S/.test(phrase)) this.add(phrase.replace(/-/g, ' - '), value);
    let node = this.root;
    const words = phrase.toLowerCase().split(/\s+/).filter(Boolean);
    for (const w of words) {
      let n = node.next.get(w);
      if (!n) { n = { next: new Map() }; node.next.set(w, n); }
      node = n;
    }
    if (words.length) this.lastWords.add(words[words.length - 1]);
    if (node.value === undefined) node.value = value;
  }

  /** The longest phrase that starts at `at` in `words` (folded token texts), if any. */
  match(words: readonly string[], at: number, limit = words.length): PhraseHit<T> | undefined {
    let node: Node<T> | undefined = this.root;
    let hit: PhraseHit<T> | undefined;
    for (let i = at; i < limit && node; i++) {
      node = node.next.get(words[i]);
      if (node?.value !== undefined) hit = { end: i + 1, value: node.value };
    }
    return hit;
  }

  /** The longest phrase that ends at `last` (inclusive) and starts no earlier than `from`. */
  matchEndingAt(words: readonly string[], last: number, from = 0): (PhraseHit<T> & { start: number }) | undefined {
    if (!this.lastWords.has(words[last])) return undefined;
    for (let start = Math.max(from, last - 5); start <= last; start++) {
      const hit = this.match(words, start, last + 1);
      if (hit && hit.end === last + 1) return { ...hit, start };
    }
    return undefined;
  }

  /** Whether a single word begins or is any phrase. */
  hasWord(word: string): boolean {
    return this.root.next.has(word);
  }
}
