// sitrep show document|actor|event ID: one item with every span it rests on.
import { Command, Argument } from 'commander';
import { openStore } from '../store/index.ts';
import { showDocument, showActor, showEvent } from '../analysis/show.ts';
import { withDb } from './options.ts';

const SHOW = { document: showDocument, actor: showActor, event: showEvent } as const;

export function showCommand(): Command {
  const cmd = new Command('show')
    .description('show one document, actor or event with the spans it rests on (for an event, the rule that coded it)')
    .addArgument(new Argument('<what>', 'what to show').choices(Object.keys(SHOW)))
    .argument('<id>', 'its id (an actor may also be named)');
  withDb(cmd);
  return cmd.action(async (what: keyof typeof SHOW, id: string, opts: { db: string }) => {
    const store = await openStore(opts.db);
    try {
      process.stdout.write((await SHOW[what](store, id)) + '\n');
    } finally {
      await store.close();
    }
  });
}
