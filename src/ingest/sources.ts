// Walks the inputs a user names (files, folders, JSONL files, "-" for standard input) and yields
// one item per document or per refused input, so that one bad input never stops a batch.
import { createReadStream, readdirSync, realpathSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { IngestError, asIngestError } from './errors.ts';
import { checkSize, MAX_DOCUMENT_BYTES, textFromBytes } from './checks.ts';
import { documentId } from './hash.ts';
import { buildDocument } from './document.ts';
import { ingestFile } from './file.ts';
import { jsonlItems, type IngestItem } from './jsonl.ts';

const ARTICLE_FILE = /\.(txt|text|md|markdown|mdx|html?|xhtml)$/i;
const JSONL_FILE = /\.(jsonl|ndjson)$/i;

export interface ReadOptions {
  /** Where "-" reads from; process.stdin by default. */
  stdin?: AsyncIterable<Buffer | string>;
}

function errorItem(source: string, e: unknown): IngestItem {
  return { error: asIngestError(source, e) };
}

/** The article files under a folder, sorted, hidden files and unknown extensions left out. */
function* walk(dir: string, seen: Set<string>): Generator<string> {
  let real: string;
  try { real = realpathSync(dir); } catch { return; }
  if (seen.has(real)) return;             // a symbolic link back up the tree
  seen.add(real);
  const entries = readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name));
  for (const entry of entries) {
    if (entry.name.startsWith('.')) continue;
    const path = join(dir, entry.name);
    let isDir = entry.isDirectory();
    if (entry.isSymbolicLink()) {
      try { isDir = statSync(path).isDirectory(); } catch { continue; }
    }
    if (isDir) yield* walk(path, seen);
    else if (ARTICLE_FILE.test(entry.name) || JSONL_FILE.test(entry.name)) yield path;
  }
}

async function* fileItems(path: string): AsyncGenerator<IngestItem> {
  if (JSONL_FILE.test(path)) {
    yield* jsonlItems(createReadStream(path), path);
    return;
  }
  try {
    yield { doc: ingestFile(path) };
  } catch (e) {
    yield errorItem(path, e);
  }
}

/** Standard input: JSONL when it starts with "{", otherwise one document. */
async function* stdinItems(stream: AsyncIterable<Buffer | string>): AsyncGenerator<IngestItem> {
  const iterator = stream[Symbol.asyncIterator]();
  const first = await iterator.next();
  if (first.done) { yield errorItem('-', new IngestError('-', 'empty')); return; }
  const head = typeof first.value === 'string' ? Buffer.from(first.value) : first.value;
  const rest: AsyncIterable<Buffer | string> = { [Symbol.asyncIterator]: () => iterator };
  if (/^(?:\xEF\xBB\xBF)?\s*\{/.test(head.subarray(0, 64).toString('latin1'))) {   // a BOM may come first
    yield* jsonlItems((async function* () { yield head; yield* rest; })(), '-');
    return;
  }
  const parts: Buffer[] = [head];
  let size = head.length;
  for await (const raw of rest) {
    const chunk = typeof raw === 'string' ? Buffer.from(raw) : raw;
    size += chunk.length;
    if (size > MAX_DOCUMENT_BYTES) break;   // refused below; no need to read the rest
    parts.push(chunk);
  }
  try {
    const tooBig = checkSize(size);
    if (tooBig) throw new IngestError('-', `${tooBig} (read so far)`);
    const bytes = Buffer.concat(parts);
    yield { doc: buildDocument(textFromBytes(bytes, '-'), '-', documentId(bytes)) };
  } catch (e) {
    yield errorItem('-', e);
  }
}

/** How many documents the inputs hold (files, plus the non-blank lines of JSONL files), for progress bars. */
export async function countSources(inputs: string[]): Promise<number> {
  let n = 0;
  const countFile = async (path: string): Promise<void> => {
    if (!JSONL_FILE.test(path)) { n++; return; }
    let blank = true;
    for await (const chunk of createReadStream(path) as AsyncIterable<Buffer>) {
      for (const b of chunk) {
        if (b === 10) { if (!blank) n++; blank = true; } else if (b !== 32 && b !== 9 && b !== 13) blank = false;
      }
    }
    if (!blank) n++;
  };
  for (const input of inputs) {
    if (input === '-') continue;
    try {
      if (statSync(input).isDirectory()) { for (const path of walk(input, new Set())) await countFile(path); }
      else await countFile(input);
    } catch {
      n++; // an unreadable input still yields one item (its error)
    }
  }
  return n;
}

/** The agreed entry for a batch: every input in order, folders walked recursively. */
export async function* readSources(inputs: string[], options: ReadOptions = {}): AsyncGenerator<IngestItem> {
  for (const input of inputs) {
    if (input === '-') {
      yield* stdinItems(options.stdin ?? process.stdin);
      continue;
    }
    let isDir: boolean;
    try {
      isDir = statSync(input).isDirectory();
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      yield errorItem(input, new IngestError(input, code === 'ENOENT' ? 'no such file or folder' : `cannot read (${code})`));
      continue;
    }
    if (!isDir) { yield* fileItems(input); continue; }
    try {
      for (const path of walk(input, new Set())) yield* fileItems(path);
    } catch (e) {
      yield errorItem(input, e);
    }
  }
}
