// sitrep eval GOLD.yaml [--json]: score the pipeline against a gold file (../shared/gold/FORMAT.md).
import { Command } from 'commander';
import { evaluateGold, renderEval } from '../eval/index.ts';
import { withKb } from './options.ts';

export function evalCommand(): Command {
  const cmd = new Command('eval')
    .description('score the pipeline against a gold annotation file and list every miss and false alarm')
    .argument('<gold>', 'a gold YAML file')
    .option('--json', 'print one JSON object with every score, the errors and what was found per document');
  withKb(cmd);
  return cmd.action(async (gold: string, opts: { json?: boolean; kb: string[] }) => {
    const result = await evaluateGold(gold, { kbFiles: opts.kb });
    process.stdout.write((opts.json ? JSON.stringify(result, null, 2) : renderEval(result)) + '\n');
  });
}
