// One raw text to one Document: format detection, conversion to blocks, cleaning.
import type { Document, DocumentMeta } from '../model/types.ts';
import { IngestError } from './errors.ts';
import { checkText, normalizeNewlines } from './checks.ts';
import { documentId } from './hash.ts';
import { htmlToContent, looksLikeHtml } from './html.ts';
import { looksLikeMarkdown, markdownToBlocks, plainToBlocks } from './markdown.ts';
import { splitFrontMatter } from './front-matter.ts';
import { cleanBlocks } from './clean.ts';
import type { Block } from './blocks.ts';
import { checkBodyLength, markupTooDeep } from './limits.ts';

export type SourceFormat = 'txt' | 'md' | 'html';

export interface IngestOptions {
  format?: SourceFormat;
  meta?: DocumentMeta;
}

/** The format a file's extension promises; undefined when the content must tell. */
export function formatOfPath(path: string): SourceFormat | undefined {
  const ext = /\.([a-z0-9]+)$/i.exec(path)?.[1]?.toLowerCase();
  if (ext === 'md' || ext === 'markdown' || ext === 'mdx') return 'md';
  if (ext === 'html' || ext === 'htm' || ext === 'xhtml') return 'html';
  return undefined;
}

function definedFields(meta: DocumentMeta | undefined): DocumentMeta {
  const out: DocumentMeta = {};
  for (const [k, v] of Object.entries(meta ?? {})) {
    if (typeof v === 'string' && v.trim()) out[k as keyof DocumentMeta] = v.trim();
  }
  return out;
}

/**
 * Builds a document from checked text. `id` is computed by the caller from the raw bytes.
 * Metadata given by the caller wins over what the text says.
 */
export function buildDocument(raw: string, source: string, id: string, options: IngestOptions = {}): Document {
  const text = normalizeNewlines(raw);
  const format = options.format ?? (looksLikeHtml(text) ? 'html' : undefined);
  let blocks: Block[];
  let found: DocumentMeta = {};
  if (format === 'html') {
    const deep = markupTooDeep(text);
    if (deep) throw new IngestError(source, deep);
    ({ blocks, meta: found } = htmlToContent(text));
  } else {
    const split = splitFrontMatter(text);
    found = split.meta;
    blocks = format === 'md' || looksLikeMarkdown(split.body) ? markdownToBlocks(split.body) : plainToBlocks(split.body);
  }
  const meta = { ...found, ...definedFields(options.meta) };
  const cleaned = cleanBlocks(blocks, meta, { titleFromFirstLine: format !== 'html' });
  if (!cleaned.body.trim()) throw new IngestError(source, 'no article text left once markup and boilerplate are removed');
  const tooLong = checkBodyLength(cleaned.body);
  if (tooLong) throw new IngestError(source, tooLong);
  return { id, source, body: cleaned.body, meta: cleaned.meta, dropped: cleaned.dropped };
}

/** The agreed entry for text already in memory: checks it, then builds the document. */
export function ingestText(raw: string, source: string, options: IngestOptions = {}): Document {
  const reason = checkText(raw);
  if (reason) throw new IngestError(source, reason);
  return buildDocument(raw, source, documentId(raw), options);
}
