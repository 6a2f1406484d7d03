// The `sitrep` command: one file per subcommand; each parses its flags, calls the library, prints.
import { Command } from 'commander';
import { analyzeCommand } from './analyze.ts';
import { reportCommand } from './report.ts';
import { showCommand } from './show.ts';
import { exportCommand } from './export.ts';
import { evalCommand } from './eval.ts';
import { gameCommand } from './game.ts';
import { achCommand } from './ach.ts';
import { serveCommand } from './serve.ts';
import { kbCommand } from './kb.ts';
import { actorsCommand } from './actors.ts';
import { compareCommand } from './compare.ts';
import { quotesCommand } from './quotes.ts';
import { outletsCommand } from './outlets.ts';
import { watchCommand } from './watch.ts';
import { enqueueCommand } from './enqueue.ts';
import { workerCommand } from './worker.ts';
import { queueCommand } from './queue.ts';

const program = new Command()
  .name('sitrep')
  .description('Reads reporting on international security and builds an evidence-linked model of the situation.')
  .version('0.1.0')
  .showHelpAfterError();

for (const make of [analyzeCommand, reportCommand, showCommand, exportCommand, evalCommand, kbCommand, actorsCommand, compareCommand, quotesCommand, outletsCommand, serveCommand, gameCommand, achCommand, watchCommand, enqueueCommand, workerCommand, queueCommand]) program.addCommand(make());

try {
  await program.parseAsync(process.argv);
} catch (err) {
  process.stderr.write(`sitrep: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exitCode = 1;
}
