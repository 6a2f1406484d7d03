// Limits against hostile or broken input, checked before the expensive work: what a binary file
// is (from its leading bytes, data/ingest/signatures.yaml), text in UTF-16 rather than UTF-8, and
// markup nested so deep that parsing it would take minutes. Each returns a reason in words, or
// undefined when the input is fine.
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';

interface Signature { name: string; bytes: Buffer; at: number }

const SIGNATURES: Signature[] = (parse(readFileSync(new URL('../../data/ingest/signatures.yaml', import.meta.url), 'utf8')) as
  { signatures: { name: string; bytes: string; at?: number }[] }).signatures
  .map((s) => ({ name: s.name, bytes: Buffer.from(s.bytes, 'hex'), at: s.at ?? 0 }));

/** The kind of binary file these bytes start like ("gzip-compressed data"), if a known one. */
export function binaryKind(bytes: Uint8Array): string | undefined {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.length, 64));
  return SIGNATURES.find((s) => buf.length >= s.at + s.bytes.length && buf.subarray(s.at, s.at + s.bytes.length).equals(s.bytes))?.name;
}

/** UTF-16 text: a byte-order mark, or (without one) NUL bytes at every other place in the first kilobytes. */
export function utf16Kind(bytes: Uint8Array): string | undefined {
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return 'UTF-16 text (little-endian, with a byte-order mark)';
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) return 'UTF-16 text (big-endian, with a byte-order mark)';
  const n = Math.min(bytes.length, 4096) & ~1;
  if (n < 8) return undefined;
  let evenNul = 0;
  let oddNul = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenNul++;
    if (bytes[i + 1] === 0) oddNul++;
  }
  const pairs = n / 2;
  // Latin-script UTF-16: one byte of each pair is NUL nearly always, the other almost never
  if (oddNul > pairs * 0.8 && evenNul < pairs * 0.05) return 'UTF-16 text (little-endian, no byte-order mark)';
  if (evenNul > pairs * 0.8 && oddNul < pairs * 0.05) return 'UTF-16 text (big-endian, no byte-order mark)';
  return undefined;
}

/** How deep elements may nest: real pages stay well under 100; parsing and Readability slow down steeply past a few hundred. */
export const MAX_MARKUP_DEPTH = 256;

// Elements that never hold others, and those HTML closes implicitly (an unclosed <p> or <li> is
// ordinary in hand-written pages and must not count as nesting).
const NO_DEPTH = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr',
  'p', 'li', 'dt', 'dd', 'tr', 'td', 'th', 'option', 'optgroup', 'thead', 'tbody', 'tfoot', 'colgroup', 'caption',
  'rb', 'rt', 'rtc', 'rp', '!doctype', 'html', 'head', 'body']);

/** Finds markup nested deeper than `limit` by scanning tags, without building a tree (linear in the text). */
export function markupTooDeep(html: string, limit = MAX_MARKUP_DEPTH): string | undefined {
  const tag = /<(\/?)([a-zA-Z][\w:-]*)[^>]*?(\/?)>|<!--/g;
  let lower: string | undefined;
  let depth = 0;
  for (let m = tag.exec(html); m; m = tag.exec(html)) {
    if (!m[2]) {                                          // a comment: skip to its end
      const close = html.indexOf('-->', tag.lastIndex);
      if (close < 0) break;
      tag.lastIndex = close + 3;
      continue;
    }
    const name = m[2].toLowerCase();
    if (!m[1] && (name === 'script' || name === 'style')) {   // their text holds no elements
      const close = (lower ??= html.toLowerCase()).indexOf(`</${name}`, tag.lastIndex);
      if (close < 0) break;
      tag.lastIndex = close;
      continue;
    }
    if (NO_DEPTH.has(name) || m[3]) continue;
    if (m[1]) { if (depth > 0) depth--; continue; }
    if (++depth > limit) return `markup nested deeper than ${limit} elements (hostile or broken HTML), not parsed`;
  }
  return undefined;
}

/** Article text beyond this is no report but a book or a dump: the pipeline would take minutes and memory over it. */
export const MAX_BODY_CHARS = 1_000_000;

export function checkBodyLength(body: string): string | undefined {
  if (body.length <= MAX_BODY_CHARS) return undefined;
  return `article text too long: ${body.length.toLocaleString('en')} characters, over the limit of ${MAX_BODY_CHARS.toLocaleString('en')} per document`;
}
