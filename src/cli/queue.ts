// sitrep queue status --db postgres://...: the job queue's progress, from any host, and the dead
// letters (documents that failed every attempt) with their reasons.
import { Command } from 'commander';
import { formatStatus, queueStatus } from '../queue/index.ts';
import { withDb } from './options.ts';

export function queueCommand(): Command {
  const queue = new Command('queue').description('the job queue of sitrep worker processes (PostgreSQL store)');
  const status = new Command('status')
    .description('counts of queued, retrying, active, done, failed and dead documents, and the dead letters with their reasons')
    .option('--json', 'one JSON object')
    .option('--limit <n>', 'dead letters listed at most', (v) => Math.max(0, Math.floor(Number(v)) || 0), 100);
  withDb(status);
  status.action(async (opts: { db: string; json?: boolean; limit: number }) => {
    const s = await queueStatus(opts.db, opts.limit);
    if (opts.json) { process.stdout.write(JSON.stringify(s) + '\n'); return; }
    process.stdout.write(formatStatus(s));
  });
  return queue.addCommand(status);
}
