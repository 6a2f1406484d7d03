// Feeding the queue: files, folders and JSONL read as `analyze` reads them (src/ingest), each
// document put on the queue whole (its cleaned body, metadata and source), so that a worker on
// any host can take it without access to this host's files.
import type PgBoss from 'pg-boss';
import { readSources } from '../ingest/index.ts';
import { openStore } from '../store/index.ts';
import type { Document } from '../model/types.ts';
import { applySettings, documentJobId, DOCUMENTS, openBoss, queueUrl, type QueueSettings } from './boss.ts';

/** Jobs per insert, and the most body text held before they are sent. */
const BATCH_JOBS = 100;
const BATCH_CHARS = 8_000_000;

export interface EnqueueSummary { read: number; queued: number; unchanged: number; failed: number; seconds: number }

export interface EnqueueOptions {
  db: string;
  /** Changes to how documents queued from now on are retried and leased. */
  settings?: Partial<QueueSettings>;
}

export async function enqueuePaths(inputs: string[], opts: EnqueueOptions, log: (line: string) => void): Promise<EnqueueSummary> {
  const started = Date.now();
  const url = queueUrl(opts.db, 'enqueue');
  // the store is opened (and migrated) first, so that workers and `queue status` find its tables
  const store = await openStore(url);
  let boss: PgBoss | undefined;
  const summary: EnqueueSummary = { read: 0, queued: 0, unchanged: 0, failed: 0, seconds: 0 };
  try {
    boss = await openBoss(url);
    if (opts.settings && Object.keys(opts.settings).length) await applySettings(boss, opts.settings);
    let batch: Document[] = [];
    let chars = 0;
    const flush = async (): Promise<void> => {
      if (!batch.length) return;
      await boss!.insert(batch.map((doc) => ({ id: documentJobId(doc.id), name: DOCUMENTS, data: doc })));
      summary.queued += batch.length;
      batch = [];
      chars = 0;
    };
    for await (const item of readSources(inputs)) {
      if ('error' in item) {
        summary.failed++;
        log(`error: ${item.error.source}: ${item.error.reason}`);
        continue;
      }
      summary.read++;
      if (await store.hasDocument(item.doc.id)) { summary.unchanged++; continue; }
      batch.push(item.doc);
      chars += item.doc.body.length;
      if (batch.length >= BATCH_JOBS || chars >= BATCH_CHARS) await flush();
    }
    await flush();
  } finally {
    await boss?.stop({ graceful: false });
    await store.close();
  }
  summary.seconds = (Date.now() - started) / 1000;
  return summary;
}
