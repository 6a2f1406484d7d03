// Bad-input checks: size, emptiness, binary content, UTF-8 validity. Each returns the reason for
// refusing the input in words, or undefined when it is fine; textFromBytes runs them all.
import { IngestError } from './errors.ts';
import { binaryKind, utf16Kind } from './limits.ts';

export const MAX_DOCUMENT_BYTES = 10 * 1024 * 1024;

const SAMPLE_BYTES = 64 * 1024;
const MAX_CONTROL_SHARE = 0.05;

export function describeSize(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / (1024 * 1024)).toFixed(1)} MB` : `${bytes} bytes`;
}

export function checkSize(bytes: number): string | undefined {
  if (bytes > MAX_DOCUMENT_BYTES) {
    return `too large: ${describeSize(bytes)}, over the limit of ${describeSize(MAX_DOCUMENT_BYTES)} per document`;
  }
  return undefined;
}

/** Control characters other than tab, line feed, form feed and carriage return. */
function isControl(code: number): boolean {
  return (code < 32 && code !== 9 && code !== 10 && code !== 12 && code !== 13) || code === 127;
}

/** Checks raw bytes before decoding: size, emptiness, NUL bytes, a text-like share of control bytes. */
export function checkBytes(bytes: Uint8Array): string | undefined {
  const size = checkSize(bytes.length);
  if (size) return size;
  if (bytes.length === 0) return 'empty';
  const kind = binaryKind(bytes);
  if (kind) return `binary content (${kind}), not text`;
  const utf16 = utf16Kind(bytes);
  if (utf16) return `not UTF-8 but ${utf16}: save it as UTF-8`;
  if (bytes.indexOf(0) >= 0) return 'binary content (NUL bytes)';
  const n = Math.min(bytes.length, SAMPLE_BYTES);
  let control = 0;
  for (let i = 0; i < n; i++) if (isControl(bytes[i])) control++;
  if (control / n > MAX_CONTROL_SHARE) return 'binary content (mostly non-text bytes)';
  return undefined;
}

const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** Decodes UTF-8 strictly; the BOM is kept so that the string is the raw content. */
export function decodeUtf8(bytes: Uint8Array): string | undefined {
  try {
    return decoder.decode(bytes);
  } catch {
    return undefined;
  }
}

/** Where strict UTF-8 decoding fails, in words: the first bad byte and the likely encoding. */
export function describeBadUtf8(bytes: Uint8Array): string {
  const loose = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length).toString('utf8');
  const at = loose.indexOf('\uFFFD');
  if (at < 0) return 'not valid UTF-8 text';
  const offset = Buffer.byteLength(loose.slice(0, at), 'utf8');
  const byte = bytes[offset] ?? 0;
  const hint = byte >= 0x80 ? ': Latin-1 or Windows-1252? save it as UTF-8' : '';
  return `not valid UTF-8 text (byte 0x${byte.toString(16).toUpperCase().padStart(2, '0')} at offset ${offset}${hint})`;
}

/** Checks decoded text the same way checkBytes checks bytes. */
export function checkText(text: string): string | undefined {
  const size = checkSize(Buffer.byteLength(text, 'utf8'));
  if (size) return size;
  if (text.replace(/^\uFEFF/, '').trim() === '') return 'empty or only white space';
  if (text.includes('\0')) return 'binary content (NUL characters)';
  const n = Math.min(text.length, SAMPLE_BYTES);
  let control = 0;
  for (let i = 0; i < n; i++) if (isControl(text.charCodeAt(i))) control++;
  if (control / n > MAX_CONTROL_SHARE) return 'binary content (mostly non-text characters)';
  if (text.includes('\uFFFD') && (text.match(/\uFFFD/g)?.length ?? 0) > n * MAX_CONTROL_SHARE) {
    return 'not valid text (many replacement characters)';
  }
  return undefined;
}

/** Removes a UTF-8 byte-order mark and turns \r\n and lone \r into \n. */
export function normalizeNewlines(text: string): string {
  return text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
}

/** Checks raw bytes and decodes them, or throws an IngestError naming `source` and the reason. */
export function textFromBytes(bytes: Uint8Array, source: string): string {
  const bad = checkBytes(bytes);
  if (bad) throw new IngestError(source, bad);
  const text = decodeUtf8(bytes);
  if (text === undefined) throw new IngestError(source, describeBadUtf8(bytes));
  const badText = checkText(text);
  if (badText) throw new IngestError(source, badText);
  return text;
}
