import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { readScenario, readScenarioFile, ScenarioError } from '../../src/games/scenario.ts';
import { solve } from '../../src/games/solve.ts';
import { explainScenario } from '../../src/games/explain.ts';
import { robustness, renderRobustness } from '../../src/games/robustness.ts';
import { readEfg, writeEfg } from '../../src/games/efg.ts';
import { isPerfectInformation } from '../../src/games/tree.ts';

const EXAMPLE = fileURLToPath(new URL('../../examples/games/base-offer.yaml', import.meta.url));

// A made-up crisis: a capital decides whether to hold drills; a neighbour, not knowing whether the
// drills are real or a bluff (chance), protests or stays silent.
const DRILLS = `game: Border drills
payoffs: cardinal
players:
  - {id: A, actor: Ruritania}
  - {id: B, actor: Borduria}
tree:
  chance: true
  label: are the drills a cover for a build-up?
  moves:
    real:
      prob: 1/4
      player: A
      label: A, with a real build-up
      moves:
        drill: {player: B, infoset: B-sees-drills, moves: {protest: {outcome: standoff}, stay silent: {outcome: creeping}}}
        hold back: {outcome: calm}
    bluff:
      prob: 3/4
      player: A
      label: A, bluffing
      moves:
        drill: {player: B, infoset: B-sees-drills, moves: {protest: {outcome: embarrassed}, stay silent: {outcome: shown-force}}}
        hold back: {outcome: calm}
outcomes:
  standoff: {text: a tense standoff, payoffs: {A: -1, B: 0}}
  creeping: {text: the build-up goes unanswered, payoffs: {A: 3, B: -3}}
  calm: {text: nothing happens, payoffs: {A: 0, B: 0}}
  embarrassed: {text: B protests at a bluff, payoffs: {A: 1, B: -1}}
  shown-force: {text: A shows force cheaply, payoffs: {A: 1, B: 0}}
`;

test('a scenario with a chance move and an information set becomes a tree with both', () => {
  const s = readScenario(DRILLS, 'drills.yaml');
  assert.equal(s.tree.infosets[0]!.length, 1);
  assert.deepEqual(s.tree.infosets[0]![0]!.probs!.map(String), ['1/4', '3/4']);
  assert.equal(s.tree.infosets[2]!.length, 1, 'B has one information set with two nodes');
  assert.equal(s.tree.infosets[2]![0]!.members.length, 2);
  assert.equal(isPerfectInformation(s.tree), false);
  assert.match(explainScenario(s), /Borduria cannot tell this position from 1 other in "B-sees-drills"/);
  const eq = solve(s.tree, 'sequence');
  assert.equal(eq.equilibria.length, 1);
  // the tree survives a trip through Gambit's format
  const again = readEfg(writeEfg(s.tree));
  assert.equal(writeEfg(again), writeEfg(s.tree));
});

test('mistakes are reported with the file, the line and the field', () => {
  const bad = DRILLS
    .replace('prob: 3/4', 'prob: 2/4')
    .replace('{A: -1, B: 0}', '{A: -1, C: 0}')
    .replace('stay silent: {outcome: creeping}', 'stay silent: {outcome: creep}');
  let err: unknown;
  try { readScenario(bad, 'drills.yaml'); } catch (e) { err = e; }
  assert.ok(err instanceof ScenarioError);
  const text = (err as ScenarioError).problems.join('\n');
  assert.match(text, /drills\.yaml:\d+: outcomes\.standoff\.payoffs\.C: unknown player "C"/);
  assert.match(text, /drills\.yaml:\d+: outcomes\.standoff\.payoffs: no payoff for B/);
  assert.match(text, /drills\.yaml:10: tree\.moves: the chance probabilities do not add up to 1/);
  assert.match(text, /drills\.yaml:\d+: tree\.moves\.real\.moves\.drill\.moves\.stay silent\.outcome: unknown outcome "creep"/);
  assert.match(text, /outcomes\.creeping: never reached/);
  assert.throws(() => readScenario(DRILLS.replace('hold back: {outcome: calm}\n    bluff', 'hold back: {outcome: calm}\n    bluff').replace(/moves: \{protest: \{outcome: standoff\}, stay silent: \{outcome: creeping\}\}/, 'moves: [protest, stay silent]'), 'drills.yaml'),
    /drills\.yaml:15: tree\.moves\.real\.moves\.drill\.moves: moves is a mapping/);
});

test('ranks, ranges and evidence are read; ranks in a cardinal game are refused', () => {
  const text = `game: g
payoffs: ordinal
players: [X, Y]
tree: {player: X, moves: {a: {outcome: o1}, b: {outcome: o2}}}
outcomes:
  o1: {payoffs: {X: {rank: [1, 3], reason: unsure, evidence: ['d1:e2']}, Y: 2}}
  o2: {payoffs: {X: 2, Y: 1}}
`;
  const s = readScenario(text, 'g.yaml');
  const a = s.assumptions.find((x) => x.outcome === 'o1' && x.player === 0)!;
  assert.equal(a.kind, 'rank');
  assert.equal(String(a.nominal), '2');
  assert.deepEqual(a.evidence, ['d1:e2']);
  assert.equal(a.line, 6);
  assert.throws(() => readScenario(text.replace('ordinal', 'cardinal'), 'g.yaml'), /g\.yaml:6: outcomes\.o1\.payoffs\.X: a rank in a game whose payoffs are cardinal/);
  assert.throws(() => readScenario(text.replace("['d1:e2']", "['just words']"), 'g.yaml'), /evidence\[0\]: "just words": expected DOCUMENT-ID:RECORD-ID/);
});

test('robustness: sampling counts outcomes, and the single assumption that flips the result is named', () => {
  // X picks a or b. X ranks o1 somewhere between 1 and 4, o2 at 3: the middle (2.5) picks b,
  // the high end of the range picks a.
  const s = readScenario(`game: g
payoffs: ordinal
players: [X]
tree: {player: X, moves: {a: {outcome: o1}, b: {outcome: o2}}}
outcomes:
  o1: {payoffs: {X: {rank: [1, 4]}}}
  o2: {payoffs: {X: 3}}
`, 'g.yaml');
  const r = robustness(s, 400, 7);
  assert.equal(r.nominal, 'o2');
  const share = Object.fromEntries(r.frequencies.map((f) => [f.outcome, f.share]));
  assert.ok(share.o1! > 0.2 && share.o1! < 0.5, `o1 in ${share.o1} of samples (a third expected)`);
  assert.ok(share.o2! > 0.5);
  assert.equal(r.flips.length, 2, 'the range at its high end, and o2 ranked below o1');
  assert.deepEqual(r.flips.map((f) => f.outcome), ['o1', 'o1']);
  assert.match(renderRobustness(s, r), /X's payoff for o1 at the high end \(4\): the outcome becomes o1/);
  const segments = r.flips[0]!.segments!.map((g) => `${g.from}-${g.to}:${g.outcome}`);
  assert.deepEqual(segments, ['1-3:o2', '3-3:o1 | o2', '3-4:o1'], 'the break point is where o1 meets o2\'s rank');
});

test('robustness: a range whose end only equals another payoff of the mover is reported as a tie, not a flip', () => {
  // X values o1 between 2 and 4 (middle 3) and o2 at 2: at the low end X is indifferent.
  const s = readScenario(`game: g
payoffs: cardinal
players: [X]
tree: {player: X, moves: {a: {outcome: o1}, b: {outcome: o2}}}
outcomes:
  o1: {text: the first, payoffs: {X: {value: [2, 4]}}}
  o2: {text: the second, payoffs: {X: 2}}
`, 'g.yaml');
  const r = robustness(s, 50, 1);
  assert.equal(r.nominal, 'o1');
  assert.deepEqual(r.flips.map((f) => [f.change, f.outcome]), [['at the low end (2)', 'o1 | o2']]);
  const text = renderRobustness(s, r);
  assert.match(text, /No single assumption, changed alone, flips the outcome\./);
  assert.match(text, /only tie it[^]*X's payoff for o1 at the low end \(2\): o1 or o2 \(the second\)/);
});

test('the base-offer example solves, explains itself and reports its robustness', () => {
  const s = readScenarioFile(EXAMPLE);
  assert.equal(s.players.length, 4);
  const spe = solve(s.tree, 'spe');
  assert.equal(spe.equilibria.length, 1);
  const text = explainScenario(s);
  assert.match(text, /Russia chooses "aim missiles at the base"/);
  assert.match(text, /Off the path[^]*Belarus chooses "refuse and lean West"/);
  assert.match(text, /evidence daaa9452517d31e3:e12/);
  const r = robustness(s, 300, 1);
  assert.equal(r.nominal, 'missiles');
  assert.ok(r.flips.some((f) => s.players[f.assumption.player]!.id === 'BY' && f.outcome === 'airbase'), 'Belarus agreeing to host flips the outcome');
});
