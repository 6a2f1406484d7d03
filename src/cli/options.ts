// Flags shared by several commands.
import type { Command } from 'commander';

export const DEFAULT_DB = 'sitrep.db';

export function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

/** --db FILE (default ./sitrep.db, or $SITREP_DB). */
export function withDb(cmd: Command): Command {
  return cmd.option('--db <file>', 'the store file', process.env.SITREP_DB ?? DEFAULT_DB);
}

/** --kb FILE, repeatable: the user's own knowledge files. */
export function withKb(cmd: Command): Command {
  return cmd.option('--kb <file>', 'an extra knowledge file (repeatable)', collect, [] as string[]);
}
