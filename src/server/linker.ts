// Cross-document links after ingest. Linking reads the whole store and can take minutes on a
// large one, so on a store another connection can open (a file or a PostgreSQL URL) it runs in a
// worker thread while reads go on; requests that arrive meanwhile share the next pass. The links
// are saved between writes, in one transaction, so readers see the old links or the new ones.
import { Worker } from 'node:worker_threads';
import { linkStored } from '../run/link.ts';
import type { CorpusLinks } from '../model/types.ts';
import type { ApiStore } from './context.ts';

export type LinkState = 'current' | 'updating' | 'failed';

/** Computes the links in a worker thread over its own connection to `target`. */
function linkInWorker(target: string): Promise<CorpusLinks> {
  return new Promise((resolve, reject) => {
    // The worker runs TypeScript too: it registers the loader the command runs under, then loads its module.
    const boot = `import(${JSON.stringify(import.meta.resolve('tsx/esm/api'))}).then((m) => { m.register(); return import(${JSON.stringify(new URL('./link-worker.ts', import.meta.url).href)}); })`;
    const worker = new Worker(boot, { eval: true, workerData: { target } });
    let settled = false;
    worker.once('message', (m: { links?: CorpusLinks; error?: string }) => {
      settled = true;
      if (m.links) resolve(m.links); else reject(new Error(m.error ?? 'linking failed'));
    });
    worker.once('error', (err) => { settled = true; reject(err); });
    worker.once('exit', (code) => { if (!settled) reject(new Error(`the linking worker stopped (exit code ${code})`)); });
  });
}

export class Linker {
  state: LinkState = 'current';
  updated?: string;
  error?: string;
  private requested = 0;
  private done = 0;
  private running?: Promise<void>;
  private waiters: { gen: number; resolve: () => void }[] = [];

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

  private async loop(): Promise<void> {
    while (this.done < this.requested) {
      const gen = this.requested;
      try {
        const links = this.target ? await linkInWorker(this.target) : await linkStored(this.store);
        await this.exclusive(() => this.store.saveLinks(links));
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
