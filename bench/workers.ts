// Documents per second through the job queue with 1, 2 and 4 `sitrep worker` processes against a
// PostgreSQL server this script starts (test/store/postgres.ts), or --db URL (each run then
// needs an empty database: give a server URL whose user may create databases). Each run: a fresh
// database, the workers started and idle, then the synthetic corpus (bench/corpus.ts) enqueued;
// the clock runs from the enqueue to the last document done. Link passes are held off (they
// read the whole store and are not what is measured).
// Usage: npm run bench:workers [-- --docs N] [--words N] [--workers 1,2,4] [--json]
// measureWorkers() is what bench/pipeline.ts calls for its `worker_docs_per_second` key.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { spawn } from 'node:child_process';
import { generateCorpus, loadParagraphs } from './corpus.ts';
import { enqueuePaths } from '../src/queue/enqueue.ts';
import { openBoss } from '../src/queue/boss.ts';
import { queueCounts } from '../src/queue/status.ts';

const here = dirname(fileURLToPath(import.meta.url));
const BIN = join(here, '..', 'bin', 'sitrep.js');

export interface WorkerBenchOptions {
  docs?: number;
  words?: number;
  workers?: number[];
  log?: (line: string) => void;
}

/** Starts one `sitrep worker`; resolves once it is taking documents. Stopping it gives its summary line (time analysing and storing). */
function startWorker(url: string): Promise<{ stop(): Promise<string> }> {
  const child = spawn(process.execPath, [BIN, 'worker', '--db', url, '--poll', '0.5', '--link-delay', '3600'], { stdio: ['ignore', 'pipe', 'pipe'] });
  let err = '';
  let out = '';
  child.stdout!.setEncoding('utf8');
  child.stdout!.on('data', (chunk: string) => { out += chunk; });
  const exited = new Promise<void>((resolve) => child.on('close', () => resolve()));
  const stop = async (): Promise<string> => { child.kill('SIGTERM'); await exited; return out.trim(); };
  return new Promise((resolve, reject) => {
    child.stderr!.setEncoding('utf8');
    child.stderr!.on('data', (chunk: string) => {
      err += chunk;
      if (err.includes('taking documents')) resolve({ stop });
    });
    void exited.then(() => reject(new Error(`a worker stopped before it started: ${err.slice(-500)}`)));
  });
}

/** A fresh database on the server of `url`, or on a throw-away server; with its URL and how to drop the server. */
async function databases(given?: string): Promise<{ create(): Promise<string>; stop(): Promise<void> }> {
  const { startPostgres, postgresUnavailable } = await import('../test/store/postgres.ts');
  if (given) {
    const pg = (await import('pg')).default;
    let n = 0;
    return {
      async create() {
        const name = `sitrep_bench_${process.pid}_${++n}`;
        const client = new pg.Client({ connectionString: given });
        await client.connect();
        try { await client.query(`CREATE DATABASE ${name}`); } finally { await client.end(); }
        const u = new URL(given);
        u.pathname = `/${name}`;
        return u.toString();
      },
      async stop() {},
    };
  }
  const missing = postgresUnavailable();
  if (missing) throw new Error(missing);
  const server = await startPostgres();
  return { create: () => server.createDatabase(), stop: () => server.stop() };
}

/**
 * Documents per run: each worker is a fresh process whose code warms up over its first hundred or
 * so documents, and with 300 shared by four workers that warm-up was most of what was measured
 * (2026-12-06: 1 and 2 workers did 47.6 and 39.6 documents/s on 300, 55.9 and 64.7 on 1,200).
 */
export const WORKER_BENCH_DOCS = 1200;

/** Documents per second with each number of workers: `{1: n, 2: n, 4: n}`. */
export async function measureWorkers(opts: WorkerBenchOptions & { db?: string } = {}): Promise<Record<number, number>> {
  const docs = opts.docs ?? WORKER_BENCH_DOCS;
  const words = opts.words ?? 700;
  const counts = opts.workers ?? [1, 2, 4];
  const log = opts.log ?? (() => {});
  const dir = mkdtempSync(join(tmpdir(), 'sitrep-bench-workers-'));
  const corpus = join(dir, 'corpus.jsonl');
  const paragraphs = loadParagraphs(join(here, '..', 'examples'), join(here, 'fallback.txt'));
  writeFileSync(corpus, [...generateCorpus(paragraphs, docs, words)]
    .map((d) => JSON.stringify({ text: d.raw, title: d.title, published: d.published })).join('\n') + '\n');
  const dbs = await databases(opts.db);
  const out: Record<number, number> = {};
  try {
    for (const n of counts) {
      const url = await dbs.create();
      const workers = await Promise.all(Array.from({ length: n }, () => startWorker(url)));
      const boss = await openBoss(url, { poolSize: 2 });
      try {
        const t0 = performance.now();
        const queued = await enqueuePaths([corpus], { db: url }, log);
        for (;;) {
          const c = await queueCounts(boss);
          if (c.done + c.failed >= queued.queued) break;
          await new Promise((r) => setTimeout(r, 200));
        }
        const seconds = (performance.now() - t0) / 1000;
        out[n] = Math.round((queued.queued / seconds) * 10) / 10;
        log(`${n} worker${n > 1 ? 's' : ' '}  ${out[n]} docs/s (${queued.queued} documents of ~${words} words in ${seconds.toFixed(1)} s)`);
      } finally {
        await boss.stop({ graceful: false });
        for (const line of await Promise.all(workers.map((w) => w.stop()))) log(`  ${line}`);
      }
    }
  } finally {
    await dbs.stop();
    rmSync(dir, { recursive: true, force: true });
  }
  return out;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const arg = (name: string): string | undefined => {
    const i = process.argv.indexOf(`--${name}`);
    return i >= 0 ? process.argv[i + 1] : undefined;
  };
  const num = (name: string): number | undefined => {
    const v = Number(arg(name));
    return Number.isFinite(v) && v > 0 ? v : undefined;
  };
  const json = process.argv.includes('--json');
  const workers = arg('workers')?.split(',').map(Number).filter((x) => Number.isInteger(x) && x > 0);
  const log = (line: string): void => { if (!json) process.stderr.write(line + '\n'); };
  const result = await measureWorkers({ docs: num('docs'), words: num('words'), workers, db: arg('db'), log });
  process.stdout.write(json ? JSON.stringify({ worker_docs_per_second: result }) + '\n'
    : `worker_docs_per_second ${JSON.stringify(result)} (machine: ${(await import('node:os')).availableParallelism()} cores, shared)\n`);
}
