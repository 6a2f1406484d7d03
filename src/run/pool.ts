// Analysers for a batch: a pool of worker threads (one pipeline and knowledge base each), or the
// pipeline in this thread when one worker is asked for. Either way `run` resolves to an outcome,
// never rejects for a bad document; only a pipeline that cannot start (a bad --kb file) rejects.
import { Worker } from 'node:worker_threads';
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

interface Pending { task: Task; resolve: (o: Outcome) => void; reject: (e: Error) => void }
interface Slot { worker: Worker; ready: boolean; inFlight: Pending[] }

/** Starts a worker running TypeScript: it registers the loader the command runs under, then loads worker.ts. */
function startWorker(kb: string[]): Worker {
  const boot = `import(${JSON.stringify(import.meta.resolve('tsx/esm/api'))}).then((m) => { m.register(); return import(${JSON.stringify(new URL('./worker.ts', import.meta.url).href)}); })`;
  return new Worker(boot, { eval: true, workerData: { kb } });
}

export function workerPool(size: number, kb: string[]): Analyzer {
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
      slot.inFlight.push(p);
      slot.worker.postMessage(p.task);
    }
  };

  const failAll = (err: Error): void => {
    fatal ??= err;
    for (const p of [...queue.splice(0), ...slots.flatMap((s) => s.inFlight.splice(0))]) p.reject(fatal);
  };

  const spawn = (): void => {
    const slot: Slot = { worker: startWorker(kb), ready: false, inFlight: [] };
    slots.push(slot);
    slot.worker.on('message', (m: Outcome | { ready: true }) => {
      if ('ready' in m) { slot.ready = true; return; }
      // a worker answers in the order it was sent its documents
      const p = slot.inFlight.shift();
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
      culprit?.resolve({ seq: culprit.task.seq, failed: 'analysis', source: culprit.task.raw.source, reason: `analysis failed: the worker stopped (${why})` });
      queue.unshift(...rest);
      spawn();
      dispatch();
    };
    slot.worker.on('error', (err) => stopped(err.message));
    slot.worker.on('exit', (code) => { if (slots.includes(slot)) stopped(`exit code ${code}`); });
  };

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
      await Promise.all(slots.map((s) => s.worker.terminate()));
    },
  };
}
