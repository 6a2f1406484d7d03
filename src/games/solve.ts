// One entry point for every solver: picks the form the method works on, runs it, and returns the
// equilibria as flat lists of probabilities in Gambit's order (player, then information set or
// strategy, then action), with the structured profiles kept for checks and explanations.
import type { Rational } from './rational.ts';
import type { StrategicGame } from './strategic.ts';
import type { TreeGame } from './tree.ts';
import type { Behaviour } from './behaviour.ts';
import { behaviourFromMixed, reducedForm } from './reduced.ts';
import { pureStrategic, pureTree } from './solvers/pure.ts';
import { agentPure } from './solvers/agent-pure.ts';
import { spe } from './solvers/spe.ts';
import { speBySubgames } from './solvers/spe-subgames.ts';
import { isPerfectInformation } from './tree.ts';
import { extremeEquilibria } from './solvers/extreme.ts';
import { sequenceStrategic, sequenceTree } from './solvers/sequence.ts';
import { zeroSum } from './solvers/zero-sum.ts';
import { approximate } from './solvers/approx.ts';

export type Game = TreeGame | StrategicGame;

export const METHODS = ['pure', 'agent-pure', 'extreme', 'sequence', 'spe', 'zero-sum', 'approx'] as const;
export type Method = (typeof METHODS)[number];

export interface Solution {
  method: Method;
  /** 'behaviour' for trees, 'mixed' for strategic games. */
  form: 'behaviour' | 'mixed';
  equilibria: Rational[][];
  /** The same, structured: Behaviour for trees, Rational[][] (player, strategy) for strategic games. */
  profiles: Array<Behaviour | Rational[][]>;
  /** For approx: the largest gain any player has from deviating. */
  error?: Rational;
  /** For zero-sum: the value of the game to player 1. */
  value?: Rational;
  notes: string[];
}

export interface SolveOptions { epsilon?: number; seed?: number }

export function solve(game: Game, method: Method, options: SolveOptions = {}): Solution {
  const notes: string[] = [];
  const done = (profiles: Array<Behaviour | Rational[][]>, extra: Partial<Solution> = {}): Solution => ({
    method, form: game.kind === 'tree' ? 'behaviour' : 'mixed',
    equilibria: profiles.map((p) => (p as Rational[][][] | Rational[][]).flat(2) as Rational[]), profiles, notes, ...extra,
  });
  const viaReduced = (tree: TreeGame, f: (g: StrategicGame) => Rational[][][]): Behaviour[] => {
    const form = reducedForm(tree);
    notes.push(`solved on the reduced strategic form (${form.game.strategies.map((s) => s.length).join(' x ')} strategies), shown as behaviour`);
    return f(form.game).map((mixed) => behaviourFromMixed(form, mixed));
  };
  switch (method) {
    case 'pure':
      return done(game.kind === 'tree' ? pureTree(game) : pureStrategic(game));
    case 'agent-pure':
      if (game.kind === 'strategic') { notes.push('a strategic game is its own agent form'); return done(pureStrategic(game)); }
      return done(agentPure(game));
    case 'spe': {
      if (game.kind === 'strategic') throw new Error('subgame perfection needs a game tree; this is a strategic game (use --method pure or extreme)');
      if (isPerfectInformation(game)) {
        const r = spe(game);
        if (r.truncated) notes.push('more subgame-perfect equilibria exist than were listed');
        return done(r.equilibria);
      }
      const r = speBySubgames(game);
      notes.push(`hidden moves: solved subgame by subgame (${r.subgames} subgames), keeping every pure Nash equilibrium of each`);
      if (r.truncated) notes.push('more subgame-perfect equilibria exist than were listed');
      if (r.equilibria.length === 0) notes.push('no pure subgame-perfect equilibrium: some subgame has only mixed equilibria (try --method sequence)');
      return done(r.equilibria);
    }
    case 'extreme':
      return done(game.kind === 'tree' ? viaReduced(game, extremeEquilibria) : extremeEquilibria(game));
    case 'sequence':
      return done([game.kind === 'tree' ? sequenceTree(game) : sequenceStrategic(game)]);
    case 'zero-sum': {
      if (game.kind === 'tree') {
        let value: Rational | undefined;
        const profiles = viaReduced(game, (g) => { const r = zeroSum(g); value = r.value; return [r.profile]; });
        return done(profiles, { value });
      }
      const r = zeroSum(game);
      return done([r.profile], { value: r.value });
    }
    case 'approx': {
      let error: Rational | undefined;
      const run = (g: StrategicGame): Rational[][][] => {
        const r = approximate(g, { epsilon: options.epsilon, seed: options.seed });
        error = r.regret;
        notes.push(`approximate: logit response dynamics (${r.iterations} iterations), then Newton on the support found; error = maximum regret ${r.regret.toNumber().toExponential(3)}`);
        return [r.profile];
      };
      const profiles = game.kind === 'tree' ? viaReduced(game, run) : run(game);
      return done(profiles, { error });
    }
  }
}
