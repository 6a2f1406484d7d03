// sitrep enqueue PATH... --db postgres://...: read as `analyze` does and put each document on the
// job queue for `sitrep worker` processes on any host.
import { Command } from 'commander';
import { enqueuePaths, type QueueSettings } from '../queue/index.ts';
import { withDb } from './options.ts';

const seconds = (name: string) => (v: string): number => {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 0) throw new Error(`--${name} takes a whole number of seconds or attempts, not "${v}"`);
  return n;
};

export function enqueueCommand(): Command {
  const cmd = new Command('enqueue')
    .description('read files, folders, .jsonl or - (standard input) and queue each document for sitrep worker processes (PostgreSQL store)')
    .argument('<paths...>', 'files or folders (.txt .md .html .jsonl), or - for standard input')
    .option('--retries <n>', 'attempts after the first before a document goes to the dead letters (default 3)', seconds('retries'))
    .option('--retry-delay <seconds>', 'wait before the first retry, doubled on each further one (default 5)', seconds('retry-delay'))
    .option('--lease <seconds>', 'how long a worker may hold a document before it is given to another (default 300)', seconds('lease'));
  withDb(cmd);
  return cmd.action(async (paths: string[], opts: { db: string; retries?: number; retryDelay?: number; lease?: number }) => {
    const settings: Partial<QueueSettings> = {};
    if (opts.retries !== undefined) settings.retryLimit = opts.retries;
    if (opts.retryDelay !== undefined) settings.retryDelay = opts.retryDelay;
    if (opts.lease !== undefined) settings.expireSeconds = Math.max(1, opts.lease);
    const s = await enqueuePaths(paths, { db: opts.db, settings }, (line) => process.stderr.write(line + '\n'));
    process.stdout.write(`${s.read + s.failed} documents read: ${s.queued} queued, ${s.unchanged} already stored, ${s.failed} failed; ${s.seconds.toFixed(1)} s\n`);
    if (s.failed > 0) process.exitCode = 1;
  });
}
