// A batch from inputs to the store: one reader in this thread reads and checks the inputs in
// order and skips documents already stored (so an interrupted batch resumes where it stopped);
// the analysers build and analyse the rest in parallel; one writer, in this thread, takes the
// outcomes back in input order and stores them in transactions of BATCH documents, each stored
// whole or not at all. Queues between the three are bounded, so memory does not grow with the
// corpus; the order of the output (and of stored positions) is the order of the inputs.
import { readRawSources, type RawItem, type ReadOptions } from '../ingest/index.ts';
import type { Analysis } from '../model/types.ts';
import type { Store } from '../store/index.ts';
import type { Analyzer } from './pool.ts';
import type { Outcome } from './analyze-one.ts';

/** Documents per write transaction. */
export const BATCH = 50;
/** Inputs read ahead before asking the store which of them it holds. */
const LOOKUP = 32;

export interface BatchSummary { read: number; stored: number; unchanged: number; failed: number; events: number; quotes: number }

export interface BatchHooks {
  /** One line per refused or failed document: "error: SOURCE: REASON". */
  log(line: string): void;
  /** After each input is accounted for. */
  tick?(): void;
  read?: ReadOptions;
}

type Result = Outcome | { unchanged: true } | { refused: { source: string; reason: string } };

/**
 * `analyzers(few)` gives the analyser once the first inputs are read: `few` is true when the whole
 * batch fits in that first read-ahead, where starting worker threads (a knowledge-base load each)
 * would cost more than it saves.
 */
export async function runBatch(inputs: string[], store: Store, analyzers: (few: boolean) => Analyzer, window: number, hooks: BatchHooks): Promise<BatchSummary> {
  let analyzer: Analyzer | undefined;
  const summary: BatchSummary = { read: 0, stored: 0, unchanged: 0, failed: 0, events: 0, quotes: 0 };
  let batch: Analysis[] = [];
  let digests = new Map<string, string>();   // doc id -> encoded link digest, made by the analysers

  const flush = async (): Promise<void> => {
    if (!batch.length) return;
    const list = batch;
    const made = digests;
    batch = [];
    digests = new Map();
    // a document may come twice in one corpus: only its first copy is stored
    const held = await store.storedIds(list.map((a) => a.doc.id));
    const fresh: Analysis[] = [];
    for (const a of list) {
      if (held.has(a.doc.id)) continue;
      held.add(a.doc.id);
      fresh.push(a);
    }
    summary.unchanged += list.length - fresh.length;
    await store.saveAnalyses(fresh, made);
    summary.stored += fresh.length;
    for (const a of fresh) { summary.events += a.events.length; summary.quotes += a.quotes.length; }
  };

  const account = async (r: Result): Promise<void> => {
    hooks.tick?.();
    if ('refused' in r) {
      summary.failed++;
      hooks.log(`error: ${r.refused.source}: ${r.refused.reason}`);
    } else if ('unchanged' in r) {
      summary.read++;
      summary.unchanged++;
    } else if ('failed' in r) {
      if (r.failed === 'analysis') summary.read++;
      summary.failed++;
      hooks.log(`error: ${r.source}: ${r.reason}`);
    } else {
      summary.read++;
      batch.push(r.analysis);
      if (!digests.has(r.analysis.doc.id)) digests.set(r.analysis.doc.id, r.digest);
      if (batch.length >= BATCH) await flush();
    }
  };

  // results in input order; each is settled by an analyser or already known
  const pending: Promise<Result>[] = [];
  let seq = 0;
  let ahead: RawItem[] = [];
  const lookup = async (last: boolean): Promise<void> => {
    analyzer ??= analyzers(last);
    const ids = ahead.flatMap((it) => ('raw' in it ? [it.raw.id] : []));
    const held = ids.length ? await store.storedIds(ids) : new Set<string>();
    for (const it of ahead) {
      if ('error' in it) pending.push(Promise.resolve({ refused: { source: it.error.source, reason: it.error.reason } }));
      else if (held.has(it.raw.id)) pending.push(Promise.resolve({ unchanged: true }));
      else {
        const run = analyzer.run({ seq: seq++, raw: it.raw });
        run.catch(() => {});   // handled where it is awaited, in order
        pending.push(run);
      }
      while (pending.length > window) await account(await pending.shift()!);
    }
    ahead = [];
  };
  // an analyser's rejection (workers that cannot start) ends the batch; the others are awaited then
  try {
    for await (const item of readRawSources(inputs, hooks.read)) {
      ahead.push(item);
      if (ahead.length >= LOOKUP) await lookup(false);
    }
    await lookup(true);
    while (pending.length) await account(await pending.shift()!);
    await flush();
  } finally {
    await Promise.allSettled(pending);
    await analyzer?.close();
  }
  return summary;
}
