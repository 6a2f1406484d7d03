// sitrep report: the situation report of everything stored.
import { Command, Option } from 'commander';
import { openStore } from '../store/index.ts';
import { buildReport, renderReport } from '../analysis/report.ts';
import { withDb } from './options.ts';

export function reportCommand(): Command {
  const cmd = new Command('report')
    .description('print the situation report: actors, relations, timeline, quotes, storylines, framing')
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'markdown', 'json']).default('text'))
    .option('--actor <name>', 'only events and relations involving this actor (name, code or id)')
    .option('--since <date>', 'only events on or after this day (YYYY-MM-DD)')
    .option('--until <date>', 'only events on or before this day (YYYY-MM-DD)');
  withDb(cmd);
  return cmd.action(async (opts: { db: string; format: 'text' | 'markdown' | 'json'; actor?: string; since?: string; until?: string }) => {
    for (const d of [opts.since, opts.until]) {
      if (d !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(d)) throw new Error(`not a day (YYYY-MM-DD): ${d}`);
    }
    const store = await openStore(opts.db);
    try {
      const report = await buildReport(store, { actor: opts.actor, since: opts.since, until: opts.until });
      process.stdout.write(renderReport(report, opts.format) + '\n');
    } finally {
      await store.close();
    }
  });
}
