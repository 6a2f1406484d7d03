// Analysers for a batch: a pool of worker threads (one pipeline and knowledge base each), or the
// pipeline in this thread when one worker is asked for. Either way `run` resolves to an outcome,
// never rejects for a bad document; only a pipeline that cannot start (a bad --kb file) rejects.
// In the pool, a document that holds its worker past the time limit (a pathological text) fails
// with that reason and its worker is replaced; a document in this thread cannot be stopped.
import type { Worker } from 'node:worker_threads';
import { startTsWorker } from './ts-worker.ts';
import { createPipeline } from '../pipeline/index.ts';
import { analyzeTask, type Outcome, type Task } from './analyze-one.ts';

export interface Analyzer {
  run(task: Task): Promise<Outcome>;
  close(): Promise<void>;
}

/** Documents sent ahead to each worker, so that it keeps busy while the main thread writes a batch. */
export const PER_WORKER = 16;

export function inProcessAnalyzer(kb: string[]): Analyzer {
  const pipeline = createPipeline({ kbFiles: kb });
  return {
    run: async (task) => analyzeTask(pipeline, task),
    close: async () => {},
  };
}

/** Seconds one document may hold a worker before it fails and the worker is replaced. */
export const DEFAULT_TIME_LIMIT_SECONDS = 120;

export interface PoolOptions {
  /** Seconds per document (default DEFAULT_TIME_LIMIT_SECONDS). */
  timeLimitSeconds?: number;
  /** The worker module (default ./worker.ts): tests give one that misbehaves. */
  workerModule?: URL;
}

interface Pending { task: Task; resolve: (o: Outcome) => void; reject: (e: Error) => void }
interface Slot {
  worker: Worker; ready: boolean; inFlight: Pending[];
  /** When the worker began the document at the head of inFlight. */
  since: number;
  /** Why the pool stopped it, if it did. */
  stoppedFor?: string;
}

export function workerPool(size: number, kb: string[], options: PoolOptions = {}): Analyzer {
  const limitMs = (options.timeLimitSeconds ?? DEFAULT_TIME_LIMIT_SECONDS) * 1000;
  const module = options.workerModule ?? new URL('./worker.ts', import.meta.url);
  const queue: Pending[] = [];
  const slots: Slot[] = [];
  let fatal: Error | undefined;
  let closing = false;

  const dispatch = (): void => {
    for (;;) {
      if (!queue.length) return;
      const slot = slots.filter((s) => s.inFlight.length < PER_WORKER).sort((a, b) => a.inFlight.length - b.inFlight.length)[0];
      if (!slot) return;
      const p = queue.shift()!;
      if (slot.inFlight.length === 0) slot.since = Date.now();
      slot.inFlight.push(p);
      slot.worker.postMessage(p.task);
    }
  };

  const failAll = (err: Error): void => {
    fatal ??= err;
    for (const p of [...queue.splice(0), ...slots.flatMap((s) => s.inFlight.splice(0))]) p.reject(fatal);
  };

  const spawn = (): void => {
    const slot: Slot = { worker: startTsWorker(module, { kb }), ready: false, inFlight: [], since: Date.now() };
    slots.push(slot);
    slot.worker.on('message', (m: Outcome | { ready: true }) => {
      if ('ready' in m) { slot.ready = true; slot.since = Date.now(); return; }
      // a worker answers in the order it was sent its documents
      const p = slot.inFlight.shift();
      slot.since = Date.now();
      p?.resolve(m);
      dispatch();
    });
    const stopped = (why: string): void => {
      slots.splice(slots.indexOf(slot), 1);
      const [culprit, ...rest] = slot.inFlight.splice(0);
      if (closing) return;
      if (!slot.ready) {
        queue.unshift(...(culprit ? [culprit, ...rest] : []));
        failAll(new Error(`the analysis workers could not start: ${why}`));
        return;
      }
      // the document it was working on fails; the ones sent after it go to another worker
      const reason = slot.stoppedFor ?? `the worker stopped (${why})`;
      culprit?.resolve({ seq: culprit.task.seq, failed: 'analysis', source: culprit.task.raw.source, reason: `analysis failed: ${reason}` });
      queue.unshift(...rest);
      spawn();
      dispatch();
    };
    slot.worker.on('error', (err) => stopped(err.message));
    slot.worker.on('exit', (code) => { if (slots.includes(slot)) stopped(`exit code ${code}`); });
  };

  // the watchdog: a worker still on one document past the limit is stopped; its exit fails that
  // document and hands the others to a new worker
  const watchdog = setInterval(() => {
    const now = Date.now();
    for (const slot of slots) {
      if (!slot.ready || slot.stoppedFor || slot.inFlight.length === 0 || now - slot.since <= limitMs) continue;
      slot.stoppedFor = `it took longer than ${limitMs / 1000} s`;
      void slot.worker.terminate();
    }
  }, Math.min(1000, Math.max(50, limitMs / 4)));
  watchdog.unref();

  return {
    run(task) {
      if (fatal) return Promise.reject(fatal);
      // started as documents come, so that a batch with nothing new to analyse starts none and
      // one of two documents starts one: a worker costs a knowledge-base load
      const waiting = queue.length + slots.reduce((n, s) => n + s.inFlight.length, 0);
      if (!closing && slots.length < size && (slots.length === 0 || waiting >= slots.length * 2)) spawn();
      return new Promise<Outcome>((resolve, reject) => {
        queue.push({ task, resolve, reject });
        dispatch();
      });
    },
    async close() {
      closing = true;
      clearInterval(watchdog);
      await Promise.all(slots.map((s) => s.worker.terminate()));
    },
  };
}
