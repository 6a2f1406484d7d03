// Ingest: raw articles (text, markdown, HTML, JSONL, folders, standard input) to Documents with a
// clean body, metadata, and a record of what was dropped.
export { IngestError } from './errors.ts';
export { ingestText, type IngestOptions, type SourceFormat } from './document.ts';
export { ingestFile } from './file.ts';
export { readSources, readRawSources, countSources, type ReadOptions } from './sources.ts';
export { buildRaw, type RawDocument, type RawItem } from './raw.ts';
export type { IngestItem } from './jsonl.ts';
export { MAX_DOCUMENT_BYTES } from './checks.ts';
export { MAX_BODY_CHARS, MAX_MARKUP_DEPTH } from './limits.ts';
