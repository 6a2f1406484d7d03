// sitrep outlets: per outlet, whom it quotes, how much is sourced, its claims and framing markers.
import { Command, Option } from 'commander';
import { openStore } from '../store/index.ts';
import { outletProfiles, renderOutletProfiles } from '../analysis/outlets.ts';
import { withDb } from './options.ts';

export function outletsCommand(): Command {
  const cmd = new Command('outlets')
    .description('print outlet profiles: quotes, sourced share, author claims, scare quotes, loaded words, hedges')
    .option('--documents', 'one profile per document instead of per outlet')
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'markdown', 'json']).default('text'));
  withDb(cmd);
  return cmd.action(async (opts: { db: string; format: 'text' | 'markdown' | 'json'; documents?: boolean }) => {
    const store = await openStore(opts.db);
    try {
      process.stdout.write(renderOutletProfiles(await outletProfiles(store, opts.documents), opts.format, opts.documents));
    } finally {
      await store.close();
    }
  });
}
