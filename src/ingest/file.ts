// One file on disk to one Document, refusing bad files before reading them where it can.
import { readFileSync, statSync, type Stats } from 'node:fs';
import type { Document } from '../model/types.ts';
import { IngestError } from './errors.ts';
import { checkBytes, checkSize, checkText, decodeUtf8 } from './checks.ts';
import { documentId } from './hash.ts';
import { buildDocument, formatOfPath } from './document.ts';

function statOf(path: string): Stats {
  try {
    return statSync(path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new IngestError(path, code === 'ENOENT' ? 'no such file or folder' : `cannot read (${code ?? (e as Error).message})`);
  }
}

/** Reads and checks a file's bytes: size first (from stat, so a huge file is never read), then content. */
export function readTextFile(path: string): { text: string; bytes: Buffer } {
  const stat = statOf(path);
  if (stat.isDirectory()) throw new IngestError(path, 'is a folder, not a file');
  const tooBig = checkSize(Number(stat.size));
  if (tooBig) throw new IngestError(path, tooBig);
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (e) {
    throw new IngestError(path, `cannot read (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
  }
  const bad = checkBytes(bytes);
  if (bad) throw new IngestError(path, bad);
  const text = decodeUtf8(bytes);
  if (text === undefined) throw new IngestError(path, 'not valid UTF-8 text');
  const badText = checkText(text);
  if (badText) throw new IngestError(path, badText);
  return { text, bytes };
}

/** The agreed entry for a single-document file (.txt, .md, .html). */
export function ingestFile(path: string): Document {
  const { text, bytes } = readTextFile(path);
  try {
    return buildDocument(text, path, documentId(bytes), { format: formatOfPath(path) });
  } catch (e) {
    if (e instanceof IngestError) throw e;
    throw new IngestError(path, `could not be read as an article (${(e as Error).message})`);
  }
}
