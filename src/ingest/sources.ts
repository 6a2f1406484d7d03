// Walks the inputs a user names (files, folders, JSONL files, "-" for standard input) and yields
// one item per document or per refused input, so that one bad input never stops a batch.
import { createReadStream, readdirSync, realpathSync, statSync, type Dirent } from 'node:fs';
import { join } from 'node:path';
import { IngestError, asIngestError } from './errors.ts';
import { checkSize, MAX_DOCUMENT_BYTES, textFromBytes } from './checks.ts';
import { documentId } from './hash.ts';
import { rawFile } from './file.ts';
import { jsonlRawItems, type IngestItem } from './jsonl.ts';
import { buildRaw, type RawItem } from './raw.ts';

const ARTICLE_FILE = /\.(txt|text|md|markdown|mdx|html?|xhtml)$/i;
const JSONL_FILE = /\.(jsonl|ndjson)$/i;

export interface ReadOptions {
  /** Where "-" reads from; process.stdin by default. */
  stdin?: AsyncIterable<Buffer | string>;
}

function errorItem(source: string, e: unknown): { error: IngestError } {
  return { error: asIngestError(source, e) };
}

type WalkItem = { path: string } | { error: IngestError };

/**
 * The article files under a folder, sorted, hidden files and unknown extensions left out. One
 * folder's names are listed at a time; a symbolic link back to a folder above it is reported,
 * not followed, and a folder reached a second time by another link is read once.
 */
function* walk(dir: string, seen: Set<string>, above: string[] = []): Generator<WalkItem> {
  let real: string;
  try { real = realpathSync(dir); } catch { return; }
  if (above.includes(real)) {
    yield { error: new IngestError(dir, `a symbolic link back to the folder ${real} above it (a loop): not followed`) };
    return;
  }
  if (seen.has(real)) return;
  seen.add(real);
  let entries: Dirent[];
  try {
    entries = readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name));
  } catch (e) {
    yield { error: new IngestError(dir, `cannot read the folder (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`) };
    return;
  }
  const path = [...above, real];
  for (const entry of entries) {
    if (entry.name.startsWith('.')) continue;
    const child = join(dir, entry.name);
    let isDir = entry.isDirectory();
    if (entry.isSymbolicLink()) {
      try { isDir = statSync(child).isDirectory(); } catch (e) {
        const code = (e as NodeJS.ErrnoException).code;
        if (code === 'ELOOP') yield { error: new IngestError(child, 'a symbolic link that leads back to itself (a loop)') };
        continue;   // a dangling link is no input
      }
    }
    if (isDir) yield* walk(child, seen, path);
    else if (ARTICLE_FILE.test(entry.name) || JSONL_FILE.test(entry.name)) yield { path: child };
  }
}

async function* fileItems(path: string): AsyncGenerator<RawItem> {
  if (JSONL_FILE.test(path)) {
    yield* jsonlRawItems(createReadStream(path), path);
    return;
  }
  try {
    yield { raw: rawFile(path) };
  } catch (e) {
    yield errorItem(path, e);
  }
}

/** Standard input: JSONL when it starts with "{", otherwise one document. */
async function* stdinItems(stream: AsyncIterable<Buffer | string>): AsyncGenerator<RawItem> {
  const iterator = stream[Symbol.asyncIterator]();
  const first = await iterator.next();
  if (first.done) { yield errorItem('-', new IngestError('-', 'empty')); return; }
  const head = typeof first.value === 'string' ? Buffer.from(first.value) : first.value;
  const rest: AsyncIterable<Buffer | string> = { [Symbol.asyncIterator]: () => iterator };
  if (/^(?:\xEF\xBB\xBF)?\s*\{/.test(head.subarray(0, 64).toString('latin1'))) {   // a BOM may come first
    yield* jsonlRawItems((async function* () { yield head; yield* rest; })(), '-');
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
    yield { raw: { source: '-', id: documentId(bytes), text: textFromBytes(bytes, '-'), options: {} } };
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
      if (statSync(input).isDirectory()) {
        for (const item of walk(input, new Set())) { if ('path' in item) await countFile(item.path); else n++; }
      }
      else await countFile(input);
    } catch {
      n++; // an unreadable input still yields one item (its error)
    }
  }
  return n;
}

/** The agreed entry for a batch: every input in order, folders walked recursively, each document built. */
export async function* readSources(inputs: string[], options: ReadOptions = {}): AsyncGenerator<IngestItem> {
  for await (const item of readRawSources(inputs, options)) yield 'raw' in item ? buildRaw(item.raw) : item;
}

/**
 * Every input in order, read and checked but not built (see raw.ts): one file or JSONL line
 * at a time, so that memory does not grow with the corpus.
 */
export async function* readRawSources(inputs: string[], options: ReadOptions = {}): AsyncGenerator<RawItem> {
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
      yield errorItem(input, new IngestError(input, code === 'ENOENT' ? 'no such file or folder'
        : code === 'ELOOP' ? 'a symbolic link that leads back to itself (a loop)' : `cannot read (${code})`));
      continue;
    }
    if (!isDir) { yield* fileItems(input); continue; }
    for (const item of walk(input, new Set())) {
      if ('error' in item) yield item;
      else yield* fileItems(item.path);
    }
  }
}
