// Reading is split in two so that a batch can spread the work: a raw document is an input that
// was read and checked (size, encoding, JSON) and whose id is known from its bytes, which is cheap
// and done in order by one reader; building it (markup, cleaning) is left to whoever analyses it.
import type { Document } from '../model/types.ts';
import { IngestError, asIngestError } from './errors.ts';
import { buildDocument, type IngestOptions } from './document.ts';

export interface RawDocument {
  /** The file, "FILE:LINE" for JSONL, or "-". */
  source: string;
  /** The document id: a hash of the raw bytes. */
  id: string;
  /** Checked, decoded text. */
  text: string;
  options: IngestOptions;
}

export type RawItem = { raw: RawDocument } | { error: IngestError };

/** Builds the document of a raw one; the error, if any, names its source. */
export function buildRaw(raw: RawDocument): { doc: Document } | { error: IngestError } {
  try {
    return { doc: buildDocument(raw.text, raw.source, raw.id, raw.options) };
  } catch (e) {
    return { error: asIngestError(raw.source, e) };
  }
}

export { IngestError };
