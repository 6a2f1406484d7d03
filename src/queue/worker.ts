// A worker: takes documents from the queue, runs the pipeline, and stores each document in its
// own transaction through the store code, so a document is stored whole or not at all. Jobs are
// idempotent: documents are keyed by content hash and the store skips one already stored, so a
// job retried after its worker died (its lease expired) never stores a document twice.
// Links across documents are rebuilt by whichever worker takes the link request once the
// documents queue has drained (links.ts).
import { performance } from 'node:perf_hooks';
import type PgBoss from 'pg-boss';
import { createPipeline } from '../pipeline/index.ts';
import { openStore, type Store } from '../store/index.ts';
import { DOCUMENTS, LINKS, openBoss, queueUrl } from './boss.ts';
import { documentFromJob } from './job-data.ts';
import { rebuildLinks, requestLinks } from './links.ts';

export interface WorkerOptions {
  db: string;
  kb: string[];
  /** Documents this process works on at once. */
  concurrency: number;
  /** Seconds between polls of an empty queue. */
  pollSeconds: number;
  /** Seconds between looks for jobs whose lease expired (a worker that died). */
  leaseCheckSeconds: number;
  /** Seconds a link request waits, so that a burst of stored documents is linked once. */
  linkDelaySeconds: number;
  /** One line per document taken and stored. */
  verbose: boolean;
  log: (line: string) => void;
}

export interface WorkerStats {
  stored: number; unchanged: number; failed: number; links: number;
  /** Milliseconds spent in the pipeline and in writing to the store: where a slow worker's time goes. */
  analyseMs: number; storeMs: number;
}

export interface RunningWorker {
  stats: WorkerStats;
  /** Stops taking jobs, finishes those in hand (up to `timeoutMs`), and closes the connections. */
  stop(timeoutMs?: number): Promise<void>;
}

export async function startWorker(opts: WorkerOptions): Promise<RunningWorker> {
  const url = queueUrl(opts.db, 'worker');
  const pipeline = createPipeline({ kbFiles: opts.kb });
  const store: Store = await openStore(url);
  let boss: PgBoss;
  try {
    boss = await openBoss(url, { poolSize: opts.concurrency + 3, leaseCheckSeconds: opts.leaseCheckSeconds });
  } catch (err) {
    await store.close();
    throw err;
  }
  const stats: WorkerStats = { stored: 0, unchanged: 0, failed: 0, links: 0, analyseMs: 0, storeMs: 0 };
  const verbose = (line: string): void => { if (opts.verbose) opts.log(line); };

  const handleDocument = async ([job]: PgBoss.Job<unknown>[]): Promise<{ stored: boolean; events?: number }> => {
    let doc;
    try {
      doc = documentFromJob(job.data);
      verbose(`take ${doc.id} ${doc.source}`);
      if (await store.hasDocument(doc.id)) {
        stats.unchanged++;
        verbose(`unchanged ${doc.id}`);
        return { stored: false };
      }
      let t = performance.now();
      const analysis = pipeline.analyze(doc);
      stats.analyseMs += performance.now() - t;
      t = performance.now();
      const fresh = await store.saveAnalyses([analysis]);
      stats.storeMs += performance.now() - t;
      if (fresh) {
        stats.stored++;
        verbose(`stored ${doc.id} ${analysis.events.length} events`);
        await requestLinks(boss, opts.linkDelaySeconds);
      } else {
        stats.unchanged++;
        verbose(`unchanged ${doc.id}`);
      }
      return { stored: fresh > 0, events: analysis.events.length };
    } catch (err) {
      // thrown on: pg-boss records the reason, retries with back-off, then moves the job to the dead letters
      stats.failed++;
      opts.log(`error: ${doc?.source ?? `job ${job.id}`}: ${err instanceof Error ? err.message : String(err)}`);
      throw err;
    }
  };

  const handleLinks = async (): Promise<{ linked: boolean }> => {
    const linked = await rebuildLinks(boss, store, opts.linkDelaySeconds);
    if (linked) {
      stats.links++;
      verbose('links rebuilt');
    }
    return { linked };
  };

  // One work() loop per document in hand at a time. A pg-boss loop waits its polling interval
  // after every fetch, even one that found a job; a loop that just finished a document is woken
  // at once (notifyWorker), so the interval is only paid when the queue is empty.
  for (let i = 0; i < opts.concurrency; i++) {
    let loop: string | undefined;
    loop = await boss.work(DOCUMENTS, { batchSize: 1, pollingIntervalSeconds: opts.pollSeconds }, async (jobs: PgBoss.Job<unknown>[]) => {
      try {
        return await handleDocument(jobs);
      } finally {
        if (loop) boss.notifyWorker(loop);
      }
    });
  }
  await boss.work(LINKS, { batchSize: 1, pollingIntervalSeconds: opts.pollSeconds }, handleLinks);

  let stopping: Promise<void> | undefined;
  return {
    stats,
    stop(timeoutMs = 60_000) {
      stopping ??= (async () => {
        // graceful: no new job is taken, those in hand finish; any still running at the timeout is failed and so retried
        await boss.stop({ graceful: true, wait: true, timeout: timeoutMs });
        await store.close();
      })();
      return stopping;
    },
  };
}
