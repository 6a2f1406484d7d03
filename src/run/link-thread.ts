// Linking in a thread of its own, over its own connection to the store, so that the caller's
// event loop goes on meanwhile: the server answering reads, `analyze` storing batches while the
// documents it stored so far are linked. One thread serves the passes asked of it one at a time
// (each an incremental linkIfBehind, src/run/link.ts); it is unref'd, so it never keeps a
// process alive, and a thread that died is replaced by the next pass.
import type { Worker } from 'node:worker_threads';
import { startTsWorker } from './ts-worker.ts';

type Reply = { linked?: boolean; error?: string };

export class LinkThread {
  private worker?: Worker;
  private waiting: { resolve: (linked: boolean) => void; reject: (err: Error) => void }[] = [];

  /** `target`: a store file or PostgreSQL URL another connection can open (not ':memory:'). */
  constructor(private readonly target: string) {}

  /** Links what is stored and not yet linked; resolves with whether there was anything to link. */
  link(): Promise<boolean> {
    const worker = this.start();
    return new Promise((resolve, reject) => {
      this.waiting.push({ resolve, reject });
      worker.postMessage('link');
    });
  }

  async close(): Promise<void> {
    const worker = this.worker;
    this.worker = undefined;
    if (worker) await worker.terminate();
  }

  private start(): Worker {
    if (this.worker) return this.worker;
    const worker = startTsWorker(new URL('./link-worker.ts', import.meta.url), { target: this.target });
    worker.unref();
    worker.on('message', (m: Reply) => {
      const w = this.waiting.shift();
      if (m.error === undefined) w?.resolve(m.linked === true);
      else w?.reject(new Error(m.error));
    });
    const fail = (err: Error) => {
      if (this.worker === worker) this.worker = undefined;
      for (const w of this.waiting.splice(0)) w.reject(err);
    };
    worker.once('error', fail);
    worker.once('exit', (code) => fail(new Error(`the linking thread stopped (exit code ${code})`)));
    this.worker = worker;
    return worker;
  }
}
