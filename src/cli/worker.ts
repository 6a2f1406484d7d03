// sitrep worker --db postgres://...: take documents from the job queue until stopped (SIGTERM or
// SIGINT: the documents in hand are finished first), analyse and store them.
import { Command } from 'commander';
import { startWorker } from '../queue/index.ts';
import { BATCH } from '../queue/worker.ts';
import { withDb, withKb } from './options.ts';

const positive = (name: string, min: number) => (v: string): number => {
  const n = Number(v);
  if (!Number.isFinite(n) || n < min) throw new Error(`--${name} takes a number of at least ${min}, not "${v}"`);
  return n;
};

export function workerCommand(): Command {
  const cmd = new Command('worker')
    .description('take documents from the job queue in PostgreSQL, analyse and store them, until stopped (SIGTERM)')
    // two: one batch is analysed while the other is being stored
    .option('--concurrency <n>', 'batches in hand at once (one analysed while another is stored)', positive('concurrency', 1), 2)
    .option('--batch <n>', 'documents taken at once and stored in one transaction', positive('batch', 1), BATCH)
    .option('--poll <seconds>', 'how often an empty queue is polled', positive('poll', 0.5), 2)
    .option('--lease-check <seconds>', 'how often to look for documents whose worker died (lease expired)', positive('lease-check', 1), 30)
    .option('--link-delay <seconds>', 'wait after the last stored document before links are rebuilt', positive('link-delay', 0), 10)
    .option('--verbose', 'one line per document taken and stored');
  withDb(cmd);
  withKb(cmd);
  return cmd.action(async (opts: { db: string; kb: string[]; concurrency: number; batch: number; poll: number; leaseCheck: number; linkDelay: number; verbose?: boolean }) => {
    const log = (line: string): void => { process.stderr.write(line + '\n'); };
    const worker = await startWorker({
      db: opts.db, kb: opts.kb, concurrency: Math.floor(opts.concurrency), batch: Math.floor(opts.batch), pollSeconds: opts.poll,
      leaseCheckSeconds: Math.ceil(opts.leaseCheck), linkDelaySeconds: Math.round(opts.linkDelay), verbose: !!opts.verbose, log,
    });
    log(`worker ${process.pid}: taking documents (concurrency ${Math.floor(opts.concurrency)}, batches of ${Math.floor(opts.batch)}); SIGTERM stops it`);
    await new Promise<void>((resolve) => {
      const stop = (signal: string) => {
        log(`worker ${process.pid}: ${signal}: finishing the documents in hand`);
        void worker.stop().then(resolve, (err) => { log(`worker ${process.pid}: ${(err as Error).message}`); resolve(); });
      };
      process.once('SIGTERM', () => stop('SIGTERM'));
      process.once('SIGINT', () => stop('SIGINT'));
    });
    const s = worker.stats;
    process.stdout.write(`worker ${process.pid}: ${s.stored} stored, ${s.unchanged} already stored, ${s.failed} failed attempts, ${s.links} link passes; ` +
      `${(s.analyseMs / 1000).toFixed(1)} s analysing, ${(s.storeMs / 1000).toFixed(1)} s storing\n`);
  });
}
