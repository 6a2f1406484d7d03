// Reading and writing games by file extension: .efg, .nfg, and sitrep's YAML scenarios.
import { readFileSync, writeFileSync } from 'node:fs';
import { extname } from 'node:path';
import { readEfg, writeEfg } from './efg.ts';
import { readNfg, writeNfg } from './nfg.ts';
import { reducedForm } from './reduced.ts';
import type { Game } from './solve.ts';

export function readGameText(text: string, name: string): Game {
  const ext = extname(name).toLowerCase();
  if (ext === '.efg') return readEfg(text, name);
  if (ext === '.nfg') return readNfg(text, name);
  throw new Error(`${name}: unknown game format (use .efg, .nfg, .yaml or .yml)`);
}

export interface WriteOptions { nfgForm?: 'payoff' | 'outcome' }

export function writeGameText(game: Game, name: string, options: WriteOptions = {}): string {
  const ext = extname(name).toLowerCase();
  if (ext === '.efg') {
    if (game.kind !== 'tree') throw new Error('a strategic game cannot be written as a tree (.efg); write .nfg');
    return writeEfg(game);
  }
  if (ext === '.nfg') return writeNfg(game.kind === 'tree' ? reducedForm(game).game : game, { form: options.nfgForm });
  throw new Error(`${name}: cannot write this format (use .efg or .nfg)`);
}

export function writeGameFile(game: Game, path: string, options: WriteOptions = {}): void {
  writeFileSync(path, writeGameText(game, path, options));
}

export function readGameFileRaw(path: string): Game {
  return readGameText(readFileSync(path, 'utf8'), path);
}
