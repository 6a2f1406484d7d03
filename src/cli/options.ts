// Flags shared by several commands. Their defaults come from the project config file when there
// is one (src/cli/config.ts).
import type { Command } from 'commander';
import { projectConfig, withConfig } from './config.ts';

export const DEFAULT_DB = 'sitrep.db';

export function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

/** --db FILE (default ./sitrep.db, or $SITREP_DB, or the config's db). */
export function withDb(cmd: Command): Command {
  return withConfig(cmd).option('--db <file>', 'the store file', process.env.SITREP_DB ?? projectConfig().db ?? DEFAULT_DB);
}

/** --kb FILE, repeatable: the user's own knowledge files, after those of the config. */
export function withKb(cmd: Command): Command {
  return withConfig(cmd).option('--kb <file>', 'an extra knowledge file (repeatable)', collect, [...projectConfig().kb]);
}
