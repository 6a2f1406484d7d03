// One HTTP GET for `sitrep watch`, with Node's fetch: conditional (If-None-Match /
// If-Modified-Since from what the server sent last time), bounded in time and size, and decoded
// with the charset the server or the page declares. Failures are FetchErrors that say why in words.
import { MAX_DOCUMENT_BYTES } from '../ingest/index.ts';

export interface Validators { etag?: string; lastModified?: string }

export type Fetched =
  | { status: 'not-modified' }
  | { status: 'ok'; text: string; url: string; contentType: string; validators: Validators };

export interface FetchOptions {
  timeoutMs: number;
  maxBytes?: number;
  userAgent?: string;
  accept?: string;
}

export class FetchError extends Error {
  /** Worth trying again later (a network failure, a timeout, a 5xx or 429), as opposed to a page that will never do. */
  readonly transient: boolean;
  constructor(message: string, transient: boolean) {
    super(message);
    this.name = 'FetchError';
    this.transient = transient;
  }
}

export const USER_AGENT = 'sitrep-watch/0.1';
const STALE_CONNECTION = new Set(['ECONNRESET', 'EPIPE', 'UND_ERR_SOCKET']);

/** The charset a Content-Type header or the first bytes of a page declare. */
function declaredCharset(contentType: string, head: Uint8Array): string | undefined {
  const fromHeader = /charset\s*=\s*"?([\w.:-]+)/i.exec(contentType)?.[1];
  if (fromHeader) return fromHeader;
  const start = Buffer.from(head.subarray(0, 2048)).toString('latin1');
  return /<meta[^>]+charset\s*=\s*["']?([\w.:-]+)/i.exec(start)?.[1] ?? /<\?xml[^>]+encoding\s*=\s*["']([\w.:-]+)/i.exec(start)?.[1];
}

function decode(bytes: Uint8Array, contentType: string): string {
  const label = declaredCharset(contentType, bytes) ?? 'utf-8';
  let decoder: TextDecoder;
  try { decoder = new TextDecoder(label); } catch { decoder = new TextDecoder('utf-8'); }
  return decoder.decode(bytes);
}

/** The body, read until `max` bytes at most: a huge or endless response is refused, never held whole. */
async function readCapped(res: Response, max: number): Promise<Uint8Array> {
  const length = Number(res.headers.get('content-length'));
  if (length > max) throw new FetchError(`too large: ${length} bytes, over the limit of ${max}`, false);
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
    size += chunk.length;
    if (size > max) throw new FetchError(`too large: over the limit of ${max} bytes`, false);
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

export async function fetchText(url: string, validators: Validators, options: FetchOptions): Promise<Fetched> {
  const headers: Record<string, string> = { 'user-agent': options.userAgent ?? USER_AGENT };
  if (options.accept) headers.accept = options.accept;
  if (validators.etag) headers['if-none-match'] = validators.etag;
  if (validators.lastModified) headers['if-modified-since'] = validators.lastModified;
  let res: Response | undefined;
  for (let attempt = 1; !res; attempt++) {
    try {
      res = await fetch(url, { headers, redirect: 'follow', signal: AbortSignal.timeout(options.timeoutMs) });
    } catch (err) {
      const e = err as Error & { cause?: { code?: string; message?: string } };
      // a kept-alive connection the server closed as we reused it: a GET may go again at once
      if (attempt === 1 && STALE_CONNECTION.has(e.cause?.code ?? '')) continue;
      const why = e.name === 'TimeoutError' ? `no answer within ${options.timeoutMs / 1000} s` : e.cause?.code ?? e.cause?.message ?? e.message;
      throw new FetchError(`could not be fetched (${why})`, true);
    }
  }
  if (res.status === 304) {
    await res.body?.cancel();
    return { status: 'not-modified' };
  }
  if (!res.ok) {
    await res.body?.cancel();
    throw new FetchError(`HTTP ${res.status}${res.statusText ? ` ${res.statusText}` : ''}`, res.status >= 500 || res.status === 429 || res.status === 408);
  }
  const contentType = res.headers.get('content-type') ?? '';
  const bytes = await readCapped(res, options.maxBytes ?? MAX_DOCUMENT_BYTES);
  const out: Validators = {};
  const etag = res.headers.get('etag');
  const lastModified = res.headers.get('last-modified');
  if (etag) out.etag = etag;
  if (lastModified) out.lastModified = lastModified;
  return { status: 'ok', text: decode(bytes, contentType), url: res.url || url, contentType, validators: out };
}
