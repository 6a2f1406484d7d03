// The `sitrep` command: one file per subcommand; each parses its flags, calls the library, prints.
import { Command } from 'commander';
import type { Command as CommandType } from 'commander';

// Each subcommand's module, loaded only when needed: a run loads the one it names (the heavy
// libraries behind the others cost seconds), help and unknown names load them all.
const COMMANDS: Record<string, () => Promise<CommandType>> = {
  analyze: async () => (await import('./analyze.ts')).analyzeCommand(),
  report: async () => (await import('./report.ts')).reportCommand(),
  show: async () => (await import('./show.ts')).showCommand(),
  export: async () => (await import('./export.ts')).exportCommand(),
  eval: async () => (await import('./eval.ts')).evalCommand(),
  kb: async () => (await import('./kb.ts')).kbCommand(),
  actors: async () => (await import('./actors.ts')).actorsCommand(),
  compare: async () => (await import('./compare.ts')).compareCommand(),
  quotes: async () => (await import('./quotes.ts')).quotesCommand(),
  outlets: async () => (await import('./outlets.ts')).outletsCommand(),
  serve: async () => (await import('./serve.ts')).serveCommand(),
  game: async () => (await import('./game.ts')).gameCommand(),
  ach: async () => (await import('./ach.ts')).achCommand(),
  watch: async () => (await import('./watch.ts')).watchCommand(),
  enqueue: async () => (await import('./enqueue.ts')).enqueueCommand(),
  worker: async () => (await import('./worker.ts')).workerCommand(),
  queue: async () => (await import('./queue.ts')).queueCommand(),
};

const program = new Command()
  .name('sitrep')
  .description('Reads reporting on international security and builds an evidence-linked model of the situation.')
  .version('0.1.0')
  .showHelpAfterError();

const named = process.argv[2];
const wanted = named !== undefined && Object.hasOwn(COMMANDS, named) ? [named] : Object.keys(COMMANDS);
for (const command of await Promise.all(wanted.map((name) => COMMANDS[name]()))) program.addCommand(command);

try {
  await program.parseAsync(process.argv);
} catch (err) {
  process.stderr.write(`sitrep: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exitCode = 1;
}
