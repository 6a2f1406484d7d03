// sitrep quotes --speaker NAME: what one speaker said across the store, with sources.
import { Command, Option } from 'commander';
import { openStore } from '../store/index.ts';
import { renderSpeakerQuotes, speakerQuotes } from '../analysis/quotes.ts';
import { withDb } from './options.ts';

export function quotesCommand(): Command {
  const cmd = new Command('quotes')
    .description('list what a speaker said across the store, each quote with its document and sentence')
    .requiredOption('--speaker <name>', "the speaker's name, alias, code or actor id")
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'markdown', 'json']).default('text'));
  withDb(cmd);
  return cmd.action(async (opts: { db: string; speaker: string; format: 'text' | 'markdown' | 'json' }) => {
    const store = await openStore(opts.db);
    try {
      process.stdout.write(renderSpeakerQuotes(await speakerQuotes(store, opts.speaker), opts.format));
    } finally {
      await store.close();
    }
  });
}
