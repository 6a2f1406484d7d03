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
