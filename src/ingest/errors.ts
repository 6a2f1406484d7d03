// The one error ingest throws: it names the input and says in words why it was refused.

export class IngestError extends Error {
  readonly source: string;
  readonly reason: string;

  constructor(source: string, reason: string) {
    super(`${source}: ${reason}`);
    this.name = 'IngestError';
    this.source = source;
    this.reason = reason;
  }
}

/** Any failure while reading one input, as an IngestError for that input (batches go on past it). */
export function asIngestError(source: string, e: unknown): IngestError {
  return e instanceof IngestError ? e : new IngestError(source, `could not be read as an article (${e instanceof Error ? e.message : String(e)})`);
}
