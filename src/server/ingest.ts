// Ingest over HTTP: texts to Documents (ingestText only: nothing is ever read from the server's
// disk or fetched from a URL), the pipeline, one transactional saveAnalyses per request, then the
// cross-document links rebuilt over the whole store (see linker.ts), as `sitrep analyze` does.
// Writes are served one at a time; the pipeline yields between documents so that reads go on.
import { setImmediate as nextTurn } from 'node:timers/promises';
import { ingestText, type SourceFormat } from '../ingest/index.ts';
import { createPipeline, type Pipeline } from '../pipeline/index.ts';
import type { Actor, Analysis, Claim, DocumentMeta, Event, Frame, Quote } from '../model/types.ts';
import type { ApiStore } from './context.ts';
import { Linker } from './linker.ts';

export interface IngestInput { text: string; title?: string; outlet?: string; author?: string; published?: string; url?: string; format?: SourceFormat }

export interface IngestOutcome {
  index: number;
  status: 'stored' | 'unchanged' | 'error';
  id?: string;
  source?: string;
  error?: string;
  meta?: DocumentMeta;
  counts?: { sentences: number; mentions: number; actors: number; events: number; quotes: number; claims: number; frames: number };
  actors?: Actor[]; events?: Event[]; quotes?: Quote[]; claims?: Claim[]; frames?: Frame[];
}

function extracted(index: number, a: Analysis): IngestOutcome {
  return {
    index, status: 'stored', id: a.doc.id, source: a.doc.source, meta: a.doc.meta,
    counts: { sentences: a.sentences.length, mentions: a.mentions.length, actors: a.actors.length, events: a.events.length, quotes: a.quotes.length, claims: a.claims.length, frames: a.frames.length },
    actors: a.actors, events: a.events, quotes: a.quotes, claims: a.claims, frames: a.frames,
  };
}

function metaOf(x: IngestInput): DocumentMeta {
  const meta: DocumentMeta = {};
  for (const k of ['title', 'outlet', 'author', 'published', 'url'] as const) if (x[k]) meta[k] = x[k];
  return meta;
}

export class Ingestor {
  readonly linker: Linker;
  private pipeline?: Pipeline;
  private queue: Promise<unknown> = Promise.resolve();

  /** `target`: the store's file or URL, for linking in a worker thread (none: link in this thread). */
  constructor(private store: ApiStore, private makePipeline: () => Pipeline = () => createPipeline(), target?: string) {
    this.linker = new Linker(store, (fn) => this.exclusive(fn), target);
  }

  /** Runs a write once the earlier ones are done. */
  exclusive<T>(fn: () => Promise<T>): Promise<T> {
    const run = this.queue.then(fn);
    this.queue = run.catch(() => undefined);
    return run;
  }

  /**
   * Analyses and stores the inputs as one batch, then asks for the links to be rebuilt.
   * `linked` resolves once links that include this batch are saved.
   */
  async ingest(inputs: IngestInput[]): Promise<{ outcomes: IngestOutcome[]; linked: Promise<void> }> {
    const outcomes = await this.exclusive(() => this.run(inputs));
    const linked = outcomes.some((o) => o.status === 'stored') ? this.linker.request() : Promise.resolve();
    return { outcomes, linked };
  }

  private async run(inputs: IngestInput[]): Promise<IngestOutcome[]> {
    this.pipeline ??= this.makePipeline();
    const outcomes: IngestOutcome[] = [];
    const batch: Analysis[] = [];
    const seen = new Set<string>();
    for (const [index, input] of inputs.entries()) {
      const source = inputs.length > 1 ? `POST /documents [${index}]` : 'POST /documents';
      let id: string | undefined;
      try {
        const doc = ingestText(input.text, source, { ...(input.format ? { format: input.format } : {}), meta: metaOf(input) });
        id = doc.id;
        if (seen.has(doc.id) || (await this.store.hasDocument(doc.id))) {
          outcomes.push({ index, status: 'unchanged', id: doc.id, meta: doc.meta });
          continue;
        }
        seen.add(doc.id);
        const analysis = this.pipeline.analyze(doc);
        batch.push(analysis);
        outcomes.push(extracted(index, analysis));
      } catch (err) {
        const reason = (err as { reason?: string }).reason ?? (err instanceof Error ? err.message : String(err));
        outcomes.push({ index, status: 'error', ...(id ? { id } : {}), error: reason });
      }
      await nextTurn();   // let waiting reads through between documents
    }
    if (batch.length) await this.store.saveAnalyses(batch);   // one transaction: all of this request, or nothing
    return outcomes;
  }
}
