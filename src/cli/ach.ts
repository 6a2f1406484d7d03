// sitrep ach FILE | sitrep ach pending FILE: an analysis of competing hypotheses (docs/ach.md),
// the analyst's matrix file read against the evidence in the store.
import { Command, Option } from 'commander';
import { writeFileSync } from 'node:fs';
import { openStore } from '../store/index.ts';
import { readMatrixFile } from '../ach/matrix.ts';
import { buildMatrix, type AchResult } from '../ach/build.ts';
import { renderMatrix, renderPending, type AchFormat, type PendingFormat } from '../ach/render.ts';
import { withDb } from './options.ts';

async function build(file: string, db: string): Promise<AchResult> {
  const matrix = readMatrixFile(file);
  const store = await openStore(db);
  try {
    return await buildMatrix(store, matrix);
  } finally {
    await store.close();
  }
}

export function achCommand(): Command {
  const cmd = new Command('ach').description('analysis of competing hypotheses: a matrix of hypotheses against evidence from the store, scored three ways');

  withDb(cmd.command('matrix', { isDefault: true })
    .description('the matrix with its scores (Heuer\'s count, PARC\'s weighted score, likelihoods), and the records not yet rated')
    .argument('<file>', 'the matrix file (.yaml)')
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'markdown', 'csv', 'json']).default('text'))
    .option('--out <file>', 'write to this file instead of standard output'))
    .action(async (file: string, opts: { db: string; format: AchFormat; out?: string }) => {
      const text = renderMatrix(await build(file, opts.db), opts.format);
      if (opts.out) writeFileSync(opts.out, text); else process.stdout.write(text);
    });

  withDb(cmd.command('pending')
    .description('stored records the matrix selects that are neither rated nor ignored: offered for rating (--format yaml: entries to paste under evidence:)')
    .argument('<file>', 'the matrix file (.yaml)')
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'yaml', 'json']).default('text')))
    .action(async (file: string, opts: { db: string; format: PendingFormat }) => {
      process.stdout.write(renderPending(await build(file, opts.db), opts.format));
    });
  return cmd;
}
