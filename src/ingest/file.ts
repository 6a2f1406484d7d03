// One file on disk to one Document, refusing bad files before reading them where it can.
import { readFileSync, statSync, type Stats } from 'node:fs';
import type { Document } from '../model/types.ts';
import { IngestError, asIngestError } from './errors.ts';
import { checkSize, textFromBytes } from './checks.ts';
import { documentId } from './hash.ts';
import { buildDocument, formatOfPath } from './document.ts';
import type { RawDocument } from './raw.ts';

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
  return { text: textFromBytes(bytes, path), bytes };
}

/** A single-document file read and checked, not yet built; throws IngestError. */
export function rawFile(path: string): RawDocument {
  if (/\.(jsonl|ndjson)$/i.test(path)) throw new IngestError(path, 'holds one article per line (JSONL): read it with readSources');
  const { text, bytes } = readTextFile(path);
  return { source: path, id: documentId(bytes), text, options: { format: formatOfPath(path) } };
}

/** The agreed entry for a single-document file (.txt, .md, .html). */
export function ingestFile(path: string): Document {
  const raw = rawFile(path);
  try {
    return buildDocument(raw.text, path, raw.id, raw.options);
  } catch (e) {
    throw asIngestError(path, e);
  }
}
