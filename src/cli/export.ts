// sitrep export --format FORMAT [--out FILE]: the store in formats the field already uses.
import { Command, Option } from 'commander';
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { openStore } from '../store/index.ts';
import { exportStore } from '../export/index.ts';
import { withDb } from './options.ts';

type Format = 'plover-json' | 'events-tsv' | 'csv' | 'graphml';

export function exportCommand(): Command {
  const cmd = new Command('export')
    .description('write the store as PLOVER JSON, a GDELT-like event table, CSV, or GraphML for Gephi')
    .addOption(new Option('--format <format>', 'export format').choices(['plover-json', 'events-tsv', 'csv', 'graphml']).makeOptionMandatory())
    .option('--out <file>', 'write to this file instead of standard output');
  withDb(cmd);
  return cmd.action(async (opts: { db: string; format: Format; out?: string }) => {
    const store = await openStore(opts.db);
    const out = opts.out ? createWriteStream(opts.out) : process.stdout;
    try {
      await exportStore(store, opts.format, (chunk) => { out.write(chunk); });
    } finally {
      await store.close();
    }
    if (opts.out) {
      const file = out as ReturnType<typeof createWriteStream>;
      file.end();
      await once(file, 'finish');
    }
  });
}
