// Line numbers of entries in a knowledge file, for error messages. yaml is required lazily: the
// loader reads cached JSON and needs positions only when a file fails.
import { createRequire } from 'node:module';
import type { Document } from 'yaml';

const require = createRequire(import.meta.url);
const yaml = () => require('yaml') as typeof import('yaml');

/** The line of the node at `path` in a file's text (or of its key, for an unknown field). */
export function lineIn(text: string, path: (string | number)[], onKey = false): number | undefined {
  const { LineCounter, parseDocument } = yaml();
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines });
  const offset = offsetOf(doc, path, onKey);
  return offset === undefined ? undefined : lines.linePos(offset).line;
}

/** The offset of the node at `path` (or of its key), else of the nearest ancestor found. */
export function offsetOf(doc: Document, path: (string | number)[], onKey: boolean): number | undefined {
  let node: unknown = doc.contents;
  let offset = (node as { range?: number[] } | null)?.range?.[0];
  for (let k = 0; k < path.length; k++) {
    const seg = path[k];
    let next: unknown;
    const { isMap, isPair, isScalar, isSeq } = yaml();
    if (isMap(node)) {
      const pair = node.items.find((it) => isPair(it) && isScalar(it.key) && String(it.key.value) === String(seg));
      if (!pair) break;
      if (k === path.length - 1 && onKey) return (pair.key as { range?: number[] }).range?.[0];
      next = pair.value ?? pair.key;
    } else if (isSeq(node) && typeof seg === 'number') {
      next = node.items[seg];
    } else break;
    const r = (next as { range?: number[] } | null)?.range;
    if (!r) break;
    node = next;
    offset = r[0];
  }
  return offset;
}

