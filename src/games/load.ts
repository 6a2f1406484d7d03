// Any game file by extension: .efg and .nfg through Gambit's formats, .yaml/.yml as a scenario.
import { extname } from 'node:path';
import { readFileSync } from 'node:fs';
import { readGameText } from './files.ts';
import { readScenario, type Scenario } from './scenario.ts';
import type { Game } from './solve.ts';
import type { TreeGame } from './tree.ts';

export interface LoadedGame { game: Game; scenario?: Scenario }

export function isScenarioPath(path: string): boolean {
  return /^\.ya?ml$/i.test(extname(path));
}

export function loadGame(path: string): LoadedGame {
  const text = readFileSync(path, 'utf8');
  if (isScenarioPath(path)) {
    const scenario = readScenario(text, path);
    return { game: scenario.tree, scenario };
  }
  return { game: readGameText(text, path) };
}

/** Labels for each entry of a flat profile, in Gambit's order, e.g. "Poland / offer? / make no offer". */
export function profileLabels(game: Game): string[] {
  if (game.kind === 'strategic') return game.strategies.flatMap((list, p) => list.map((s) => `${game.players[p]} / ${s}`));
  const tree: TreeGame = game;
  return tree.players.flatMap((name, p) => tree.infosets[p + 1]!.flatMap((set) => set.actions.map((a) => `${name} / ${set.name || `set ${set.index + 1}`} / ${a}`)));
}
