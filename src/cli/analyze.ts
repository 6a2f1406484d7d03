// sitrep analyze PATH...: read, run the pipeline on every core, store, then link across the whole store.
import { availableParallelism } from 'node:os';
import { Command, InvalidArgumentError } from 'commander';
import { countSources } from '../ingest/index.ts';
import { openStore } from '../store/index.ts';
import { runBatch, BATCH, type BatchSummary } from '../run/batch.ts';
import { inProcessAnalyzer, workerPool, PER_WORKER, DEFAULT_TIME_LIMIT_SECONDS } from '../run/pool.ts';
import { linkIfBehind } from '../run/link.ts';
import { withDb, withKb } from './options.ts';
import { startProgress } from './progress.ts';

/** `seconds` is the whole run; `linkSeconds` the part spent linking after the batch. */
export interface AnalyzeSummary extends BatchSummary { seconds: number; linkSeconds: number }

export interface AnalyzeOptions {
  db: string; kb: string[]; workers?: number; timeLimit?: number;
  /** After each input is accounted for (stored, unchanged or failed): for progress and measurements. */
  tick?: () => void;
}

/** Worker threads by default: one per core. */
export function defaultWorkers(): number {
  return availableParallelism();
}

export async function analyzePaths(inputs: string[], opts: AnalyzeOptions, log: (line: string) => void): Promise<AnalyzeSummary> {
  const started = Date.now();
  const workers = Math.max(1, opts.workers ?? defaultWorkers());
  const store = await openStore(opts.db);
  try {
    // counting walks the inputs once more: only worth it for a progress bar someone watches
    const total = process.stderr.isTTY && !inputs.includes('-') ? await countSources(inputs) : undefined;
    const progress = startProgress(total);
    const analyzers = (few: boolean) => (workers === 1 || few ? inProcessAnalyzer(opts.kb) : workerPool(workers, opts.kb, { timeLimitSeconds: opts.timeLimit }));
    let summary: BatchSummary;
    try {
      summary = await runBatch(inputs, store, analyzers, BATCH + workers * PER_WORKER, { log, tick: opts.tick ? () => { progress.tick(); opts.tick!(); } : progress.tick });
    } finally {
      progress.stop();
    }
    // also links what an interrupted run stored but did not link
    const linking = Date.now();
    await linkIfBehind(store);
    return { ...summary, seconds: (Date.now() - started) / 1000, linkSeconds: (Date.now() - linking) / 1000 };
  } finally {
    await store.close();
  }
}

function seconds(value: string): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0) throw new InvalidArgumentError('a number of seconds above 0');
  return n;
}

function workerCount(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError('a whole number, 1 or more');
  return n;
}

export function analyzeCommand(): Command {
  const cmd = new Command('analyze')
    .description('read files, folders, .jsonl or - (standard input), analyse them and store the results')
    .argument('<paths...>', 'files or folders (.txt .md .html .jsonl), or - for standard input')
    .option('--workers <n>', `analysis threads (1 = in this thread; default: one per core, here ${defaultWorkers()})`, workerCount)
    .option('--time-limit <seconds>', `seconds one document may take in a worker thread before it fails (default ${DEFAULT_TIME_LIMIT_SECONDS})`, seconds);
  withDb(cmd);
  withKb(cmd);
  return cmd.action(async (paths: string[], opts: AnalyzeOptions) => {
    const s = await analyzePaths(paths, opts, (line) => process.stderr.write(line + '\n'));
    process.stdout.write(
      `${s.read + s.failed} documents read: ${s.stored} stored, ${s.unchanged} unchanged, ${s.failed} failed; ` +
      `${s.events} events, ${s.quotes} quotes; ${s.seconds.toFixed(1)} s -> ${opts.db}\n`,
    );
    if (s.failed > 0) process.exitCode = 1;
  });
}
