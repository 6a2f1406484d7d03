// A worker: takes documents from the queue a few at a time, runs the pipeline on each, and stores
// them in one transaction through the store code, so a document is stored whole or not at all. Jobs are
// idempotent: documents are keyed by content hash and the store skips one already stored, so a
// job retried after its worker died (its lease expired) never stores a document twice.
// Links across documents are rebuilt by whichever worker takes the link request once the
// documents queue has drained (links.ts).
import { performance } from 'node:perf_hooks';
import type PgBoss from 'pg-boss';
import type { Analysis } from '../model/types.ts';
import { createPipeline } from '../pipeline/index.ts';
import { openStore, type Store } from '../store/index.ts';
import { DOCUMENTS, LINKS, openBoss, queueUrl } from './boss.ts';
import { documentFromJob } from './job-data.ts';
import { rebuildLinks, requestLinks } from './links.ts';

/**
 * Documents a worker takes from the queue at once. One transaction for several documents saves
 * most of the round trips and per-statement work a document costs on PostgreSQL, which dominate
 * a worker's time; a batch is still small enough that a retry after a failed write redoes little.
 */
export const BATCH = 8;

export interface WorkerOptions {
  db: string;
  kb: string[];
  /** Batches this process works on at once. */
  concurrency: number;
  /** Documents taken from the queue at once and stored in one transaction (default BATCH). */
  batch?: number;
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

  /** A job that cannot be done is failed alone (pg-boss retries it with back-off, then moves it to the dead letters); the rest of its batch goes on. */
  const failJob = async (job: PgBoss.Job<unknown>, source: string | undefined, err: unknown): Promise<void> => {
    stats.failed++;
    opts.log(`error: ${source ?? `job ${job.id}`}: ${err instanceof Error ? err.message : String(err)}`);
    await boss.fail(DOCUMENTS, job.id, err instanceof Error ? err : new Error(String(err)));
  };

  // A batch of jobs: each document is analysed alone, those analysed are stored in one transaction
  // (each whole, all or none: if the write fails, every job of the batch is retried), and pg-boss
  // completes the jobs still active when this resolves (failed ones are not).
  const handleDocuments = async (jobs: PgBoss.Job<unknown>[]): Promise<{ stored: number }> => {
    const taken: { job: PgBoss.Job<unknown>; doc: ReturnType<typeof documentFromJob> }[] = [];
    for (const job of jobs) {
      try {
        const doc = documentFromJob(job.data);
        verbose(`take ${doc.id} ${doc.source}`);
        taken.push({ job, doc });
      } catch (err) {
        await failJob(job, undefined, err);
      }
    }
    const known = await store.storedIds(taken.map((t) => t.doc.id));
    const analyses: Analysis[] = [];
    for (const { job, doc } of taken) {
      if (known.has(doc.id) || analyses.some((a) => a.doc.id === doc.id)) {
        stats.unchanged++;
        verbose(`unchanged ${doc.id}`);
        continue;
      }
      // a turn of the event loop between documents: the other batch in hand (--concurrency) gets
      // its database replies read and is stored while this one is analysed
      await new Promise((resolve) => setImmediate(resolve));
      const t = performance.now();
      try {
        analyses.push(pipeline.analyze(doc));
      } catch (err) {
        await failJob(job, doc.source, err);
      } finally {
        stats.analyseMs += performance.now() - t;
      }
    }
    if (analyses.length === 0) return { stored: 0 };
    const t = performance.now();
    let fresh: number;
    try {
      fresh = await store.saveAnalyses(analyses);
    } catch (err) {
      stats.failed += analyses.length;
      opts.log(`error: storing ${analyses.map((a) => a.doc.source).join(', ')}: ${err instanceof Error ? err.message : String(err)}`);
      throw err;
    } finally {
      stats.storeMs += performance.now() - t;
    }
    // saveAnalyses skips what another worker stored meanwhile: those are counted as unchanged
    stats.stored += fresh;
    stats.unchanged += analyses.length - fresh;
    for (const a of analyses) verbose(`stored ${a.doc.id} ${a.events.length} events`);
    if (fresh > 0) await requestLinks(boss, opts.linkDelaySeconds);
    return { stored: fresh };
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
    loop = await boss.work(DOCUMENTS, { batchSize: opts.batch ?? BATCH, pollingIntervalSeconds: opts.pollSeconds }, async (jobs: PgBoss.Job<unknown>[]) => {
      try {
        return await handleDocuments(jobs);
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
