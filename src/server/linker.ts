// Cross-document links after ingest. Linking goes on from the last saved snapshot (src/run/link.ts),
// so a pass costs about a chunk of events plus the new documents, whatever the store holds; on a
// store another connection can open (a file or a PostgreSQL URL) it runs in a worker thread over
// its own connection while reads go on, and requests that arrive meanwhile share the next pass.
// Each save is one transaction, so readers see whole links up to a checkpoint or the last pass.
import { linkIfBehind } from '../run/link.ts';
import { LinkThread } from '../run/link-thread.ts';
import type { ApiStore } from './context.ts';

export type LinkState = 'current' | 'updating' | 'failed';

export class Linker {
  state: LinkState = 'current';
  updated?: string;
  error?: string;
  private requested = 0;
  private done = 0;
  private running?: Promise<void>;
  private waiters: { gen: number; resolve: () => void }[] = [];
  private thread?: LinkThread;

  /**
   * @param exclusive runs a write with no other write of the server at the same time
   * @param target a store file or URL a worker can open; none means link in this thread
   */
  /** Called once new links are saved. */
  onSaved: () => void = () => {};

  constructor(private store: ApiStore, private exclusive: <T>(fn: () => Promise<T>) => Promise<T>, private target?: string) {}

  /** Asks for the links to be rebuilt; resolves once a pass that saw everything stored so far is saved. */
  request(): Promise<void> {
    const gen = ++this.requested;
    this.state = 'updating';
    const settled = new Promise<void>((resolve) => this.waiters.push({ gen, resolve }));
    this.running ??= this.loop().finally(() => { this.running = undefined; });
    return settled;
  }

  /** Resolves when no pass is running or waiting. */
  async idle(): Promise<void> {
    while (this.running) await this.running;
  }

  /** Waits for the passes asked for, then stops the linking thread (and its store connection). */
  async close(): Promise<void> {
    await this.idle();
    await this.thread?.close();
    this.thread = undefined;
  }

  private async loop(): Promise<void> {
    while (this.done < this.requested) {
      const gen = this.requested;
      try {
        if (this.target) await (this.thread ??= new LinkThread(this.target)).link();
        else await this.exclusive(() => linkIfBehind(this.store));
        this.onSaved();
        this.state = gen === this.requested ? 'current' : 'updating';
        this.updated = new Date().toISOString();
        this.error = undefined;
      } catch (err) {
        this.state = 'failed';
        this.error = err instanceof Error ? err.message : String(err);
      }
      this.done = gen;
      this.waiters = this.waiters.filter((w) => (w.gen <= gen ? (w.resolve(), false) : true));
    }
  }
}
