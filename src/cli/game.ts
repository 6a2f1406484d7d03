// sitrep game solve|convert|explain|robust: strategic games written as Gambit files or sitrep
// scenarios (docs/games.md), solved exactly, told in words, and tested for robustness.
import { Command, Option } from 'commander';
import { existsSync } from 'node:fs';
import { loadGame, profileLabels } from '../games/load.ts';
import { METHODS, solve, type Method } from '../games/solve.ts';
import { writeGameFile } from '../games/files.ts';
import { explainScenario, type EvidenceLookup } from '../games/explain.ts';
import { scenarioFromTree } from '../games/adapt.ts';
import { robustness, renderRobustness } from '../games/robustness.ts';
import { unknownActors } from '../games/actors.ts';
import { evidenceTexts } from '../games/evidence.ts';
import { loadKnowledgeBase } from '../kb/knowledge-base.ts';
import type { Scenario } from '../games/scenario.ts';
import { withDb } from './options.ts';

export function gameCommand(): Command {
  const cmd = new Command('game').description('strategic games: solve, convert, explain and test the robustness of a game (.efg, .nfg or a YAML scenario)');

  cmd.command('solve')
    .description('equilibria, exact: every pure one, the agent form, subgame-perfect, every extreme one (2 players), one by the sequence form (2 players), zero-sum by LP, or approximate')
    .argument('<file>', 'a .efg, .nfg or .yaml game')
    .addOption(new Option('--method <method>', 'the solver').choices([...METHODS]).default('pure'))
    .option('--json', 'one JSON object: equilibria as lists of exact probabilities in Gambit\'s order')
    .option('--epsilon <x>', 'approx: stop when the regret is below this share of the largest payoff', '1e-6')
    .option('--seed <n>', 'approx: seed of the random starting points', '1')
    .action((file: string, opts: { method: Method; json?: boolean; epsilon: string; seed: string }) => {
      const { game, scenario } = loadGame(file);
      const sol = solve(game, opts.method, { epsilon: Number(opts.epsilon), seed: Number(opts.seed) });
      if (scenario?.payoffKind === 'ordinal' && ['extreme', 'sequence', 'zero-sum', 'approx'].includes(opts.method)) {
        sol.notes.push('the payoffs are ordinal ranks, read here as numbers: mixed equilibria depend on distances an ordinal model does not give');
      }
      const labels = profileLabels(game);
      if (opts.json) {
        process.stdout.write(JSON.stringify({
          file, method: sol.method, players: game.players, form: sol.form, order: labels,
          equilibria: sol.equilibria.map((p) => p.map(String)),
          ...(sol.error ? { error: sol.error.toNumber() } : {}),
          ...(sol.value ? { value: String(sol.value) } : {}),
          notes: sol.notes,
        }, null, 2) + '\n');
        return;
      }
      const lines = [`${game.title || file}: ${sol.equilibria.length} equilibri${sol.equilibria.length === 1 ? 'um' : 'a'} (${sol.method}, ${sol.form} profiles)`];
      for (const n of sol.notes) lines.push(`  note: ${n}`);
      if (sol.value) lines.push(`  value of the game to ${game.players[0]}: ${sol.value}`);
      sol.equilibria.forEach((eq, k) => {
        lines.push(`  ${k + 1}. ${eq.map(String).join(',')}`);
        eq.forEach((x, i) => { if (x.sign() > 0) lines.push(`       ${labels[i]}: ${x}`); });
      });
      process.stdout.write(lines.join('\n') + '\n');
    });

  cmd.command('convert')
    .description('convert between .efg, .nfg and .yaml (a scenario becomes a tree; a tree written as .nfg is its reduced strategic form)')
    .argument('<in>').argument('<out>')
    .addOption(new Option('--nfg-form <form>', 'how an .nfg is written: a flat list of payoffs, or outcomes and one outcome number per profile').choices(['payoff', 'outcome']).default('payoff'))
    .action((input: string, output: string, opts: { nfgForm: 'payoff' | 'outcome' }) => {
      writeGameFile(loadGame(input).game, output, { nfgForm: opts.nfgForm });
    });

  withDb(cmd.command('explain')
    .description('the equilibrium path in words, with the reason and the evidence cited for each payoff (sentences from the store when --db holds them)')
    .argument('<file>', 'a .yaml scenario or an .efg tree'))
    .option('--kb <file>', 'an extra knowledge file, to check the players\' actors')
    .action(async (file: string, opts: { db: string; kb?: string }) => {
      const scenario = scenarioOf(file);
      if (/\.ya?ml$/i.test(file)) {
        try {
          for (const w of unknownActors(scenario, loadKnowledgeBase({ kbFiles: opts.kb ? [opts.kb] : [] }))) process.stderr.write(`warning: ${w}\n`);
        } catch (e) { process.stderr.write(`warning: actors not checked: ${e instanceof Error ? e.message : String(e)}\n`); }
      }
      let lookup: EvidenceLookup | undefined;
      const ids = scenario.assumptions.flatMap((a) => a.evidence);
      if (ids.length && existsSync(opts.db)) {
        const texts = await evidenceTexts(opts.db, ids);
        lookup = (id) => texts.get(id);
      }
      process.stdout.write(explainScenario(scenario, lookup) + '\n');
    });

  cmd.command('robust')
    .description('sample the payoffs given as ranges or ranks; how often each equilibrium outcome holds, and which single assumption flips it')
    .argument('<file>', 'a .yaml scenario (or an .efg tree, whose payoffs are then fixed)')
    .option('--samples <n>', 'how many samples', '1000')
    .option('--seed <n>', 'the random seed', '1')
    .option('--json', 'the report as JSON')
    .action((file: string, opts: { samples: string; seed: string; json?: boolean }) => {
      const scenario = scenarioOf(file);
      const r = robustness(scenario, Number(opts.samples), Number(opts.seed));
      if (opts.json) {
        const a = (x: Scenario['assumptions'][number]) => ({ player: scenario.players[x.player]!.id, outcome: x.outcome, kind: x.kind, low: String(x.low), high: String(x.high), line: x.line, evidence: x.evidence });
        process.stdout.write(JSON.stringify({
          method: r.method, samples: r.samples, seed: r.seed, nominal: r.nominal, frequencies: r.frequencies,
          flips: r.flips.map((f) => ({
            assumption: a(f.assumption), change: f.change, value: String(f.value), outcome: f.outcome,
            ...(f.segments ? { segments: f.segments.map((g) => ({ from: String(g.from), to: String(g.to), outcome: g.outcome })) } : {}),
          })),
          stable: r.stable.map(a),
        }, null, 2) + '\n');
        return;
      }
      process.stdout.write(renderRobustness(scenario, r) + '\n');
    });
  return cmd;
}

function scenarioOf(file: string): Scenario {
  const { game, scenario } = loadGame(file);
  if (scenario) return scenario;
  if (game.kind !== 'tree') throw new Error(`${file}: explain and robust work on game trees (.efg or .yaml); this is a strategic game`);
  return scenarioFromTree(game, file);
}
