// sitrep compare STORYLINE: how each outlet told one storyline, side by side.
import { Command, Option } from 'commander';
import { openStore } from '../store/index.ts';
import { compareStoryline, renderComparison } from '../analysis/compare.ts';
import { withDb } from './options.ts';

export function compareCommand(): Command {
  const cmd = new Command('compare')
    .description('compare how each outlet tells one storyline: events, speakers quoted, sourced share, claims, framing markers')
    .argument('<storyline>', "the storyline's id, or its label or part of it")
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'markdown', 'json']).default('text'));
  withDb(cmd);
  return cmd.action(async (storyline: string, opts: { db: string; format: 'text' | 'markdown' | 'json' }) => {
    const store = await openStore(opts.db);
    try {
      process.stdout.write(renderComparison(await compareStoryline(store, storyline), opts.format));
    } finally {
      await store.close();
    }
  });
}
