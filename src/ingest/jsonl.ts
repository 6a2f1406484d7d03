// JSONL: one article per line, read as a stream. A line is never held beyond the size limit, so
// a huge line is refused without being read into memory; a bad line never stops the others.
import type { Document } from '../model/types.ts';
import { IngestError, asIngestError } from './errors.ts';
import { checkSize, checkText, decodeUtf8, describeBadUtf8, MAX_DOCUMENT_BYTES } from './checks.ts';
import { documentId } from './hash.ts';
import { buildDocument, type SourceFormat } from './document.ts';
import { metaFromFields } from './front-matter.ts';
import { buildRaw, type RawDocument, type RawItem } from './raw.ts';

export type IngestItem = { doc: Document } | { error: IngestError };

const FORMATS = new Set(['txt', 'md', 'html']);

/** One JSONL line (without its newline) to a document; throws IngestError. */
export function jsonlLineDocument(line: Uint8Array, source: string): Document {
  const raw = jsonlLineRaw(line, source);
  return buildDocument(raw.text, raw.source, raw.id, raw.options);
}

/** One JSONL line to a checked raw document, not yet built (cheap: decoding and JSON only); throws IngestError. */
export function jsonlLineRaw(line: Uint8Array, source: string): RawDocument {
  const text = decodeUtf8(line);
  if (text === undefined) throw new IngestError(source, describeBadUtf8(line));
  let record: unknown;
  try {
    record = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    throw new IngestError(source, `malformed JSON (${(e as Error).message})`);
  }
  if (!record || typeof record !== 'object' || Array.isArray(record)) throw new IngestError(source, 'the line is not a JSON object');
  const fields = record as Record<string, unknown>;
  if (typeof fields.text !== 'string') throw new IngestError(source, 'no "text" field with the article');
  const bad = checkText(fields.text);
  if (bad) throw new IngestError(source, `"text" is ${bad}`);
  const format = typeof fields.format === 'string' && FORMATS.has(fields.format) ? fields.format as SourceFormat : undefined;
  return { text: fields.text, source, id: documentId(line), options: { format, meta: metaFromFields(fields) } };
}

function lineItem(parts: Buffer[], size: number, source: string): RawItem | undefined {
  try {
    const tooBig = checkSize(size);
    if (tooBig) throw new IngestError(source, tooBig);
    let line = parts.length === 1 ? parts[0] : Buffer.concat(parts);
    if (line.length && line[line.length - 1] === 13) line = line.subarray(0, line.length - 1);
    if (line.every((b) => b === 32 || b === 9)) return undefined; // blank lines separate nothing
    return { raw: jsonlLineRaw(line, source) };
  } catch (e) {
    return { error: asIngestError(source, e) };
  }
}

/** Documents from a stream of JSONL bytes; `name` is the file's path (sources are "name:LINE"). */
export async function* jsonlItems(chunks: AsyncIterable<Buffer | string>, name: string): AsyncGenerator<IngestItem> {
  for await (const item of jsonlRawItems(chunks, name)) yield 'raw' in item ? buildRaw(item.raw) : item;
}

/** Checked raw documents from a stream of JSONL bytes, one line at a time. */
export async function* jsonlRawItems(chunks: AsyncIterable<Buffer | string>, name: string): AsyncGenerator<RawItem> {
  let parts: Buffer[] = [];
  let size = 0;
  let lineNo = 0;
  for await (const raw of chunks) {
    const chunk = typeof raw === 'string' ? Buffer.from(raw) : raw;
    let from = 0;
    for (;;) {
      const nl = chunk.indexOf(10, from);
      const end = nl < 0 ? chunk.length : nl;
      size += end - from;
      if (size <= MAX_DOCUMENT_BYTES) parts.push(chunk.subarray(from, end));
      else parts = [];
      if (nl < 0) break;
      lineNo++;
      const item = lineItem(parts, size, `${name}:${lineNo}`);
      if (item) yield item;
      parts = [];
      size = 0;
      from = nl + 1;
    }
  }
  if (size > 0) {
    const item = lineItem(parts, size, `${name}:${lineNo + 1}`);
    if (item) yield item;
  }
}
