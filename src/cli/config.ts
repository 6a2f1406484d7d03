// The project config file: `sitrep.config.yaml` in the working folder, or the file given with
// `--config FILE`. It names the store and the user's own knowledge files, so that a project's
// commands need no repeated flags:
//
//   db: data/belarus.db          # default store (a flag or $SITREP_DB still wins)
//   kb: [kb/people.yaml, kb/]    # knowledge files or folders, added before any --kb
//
// Paths are relative to the config file. Read once, before the flags are parsed (the defaults
// of --db and --kb come from it), so `--config` is found by scanning the arguments.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { Command } from 'commander';
import { parse } from 'yaml';
import { yamlFiles } from '../kb/files.ts';

export const CONFIG_NAMES = ['sitrep.config.yaml', 'sitrep.config.yml'];

export interface ProjectConfig {
  file?: string;            // the config file read, if any
  db?: string;
  kb: string[];             // knowledge files (folders expanded)
}

/** The value of --config in the arguments, if given. */
export function configFlag(argv: readonly string[]): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--config') return argv[i + 1];
    if (argv[i].startsWith('--config=')) return argv[i].slice('--config='.length);
  }
  return undefined;
}

/** Reads the config: the --config file (which must exist), else sitrep.config.yaml in `cwd`, else none. */
export function loadConfig(argv: readonly string[] = process.argv, cwd = process.cwd()): ProjectConfig {
  const given = configFlag(argv);
  const file = given !== undefined ? resolve(cwd, given) : CONFIG_NAMES.map((n) => resolve(cwd, n)).find((p) => existsSync(p));
  if (!file) return { kb: [] };
  let raw: unknown;
  try { raw = parse(readFileSync(file, 'utf8')); } catch (e) {
    throw new Error(`${file}: ${(e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such config file' : `not valid YAML: ${(e as Error).message.split('\n')[0]}`}`);
  }
  if (raw === null || raw === undefined) return { file, kb: [] };
  if (typeof raw !== 'object' || Array.isArray(raw)) throw new Error(`${file}: expected a mapping with "db" and "kb"`);
  const o = raw as Record<string, unknown>;
  for (const k of Object.keys(o)) if (k !== 'db' && k !== 'kb') throw new Error(`${file}: unknown key "${k}" (expected db, kb)`);
  if (o.db !== undefined && typeof o.db !== 'string') throw new Error(`${file}: "db" must be a file name`);
  const kbList = o.kb === undefined ? [] : typeof o.kb === 'string' ? [o.kb] : o.kb;
  if (!Array.isArray(kbList) || !kbList.every((x) => typeof x === 'string')) throw new Error(`${file}: "kb" must be a file name or a list of them`);
  const base = dirname(file);
  const kb: string[] = [];
  for (const k of kbList as string[]) {
    const p = resolve(base, k);
    if (!existsSync(p)) throw new Error(`${file}: kb "${k}": no such file or folder`);
    if (statSync(p).isDirectory()) kb.push(...yamlFiles(p)); else kb.push(p);
  }
  return { file, ...(typeof o.db === 'string' ? { db: resolve(base, o.db) } : {}), kb };
}

let cached: ProjectConfig | undefined;

/** The config of this run, read once. */
export function projectConfig(): ProjectConfig {
  if (!cached) {
    try { cached = loadConfig(); } catch (e) {
      // read while the commands are built, before main's error handling: report and stop here
      process.stderr.write(`sitrep: ${(e as Error).message}\n`);
      process.exit(1);
    }
  }
  return cached;
}

/** --config FILE on a command (once, whichever shared flag adds it first). */
export function withConfig(cmd: Command): Command {
  if (cmd.options.some((o) => o.long === '--config')) return cmd;
  return cmd.option('--config <file>', `the project config file (default: ./${CONFIG_NAMES[0]} when present)`);
}
