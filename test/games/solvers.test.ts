import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readNfg } from '../../src/games/nfg.ts';
import { readEfg } from '../../src/games/efg.ts';
import { solve } from '../../src/games/solve.ts';
import { q } from '../../src/games/rational.ts';
import { isAgentEquilibrium, isBehaviourEquilibrium, isStrategicEquilibrium, strategicRegret } from '../../src/games/check.ts';
import type { Behaviour } from '../../src/games/behaviour.ts';

const nfg = (title: string, counts: number[], payoffs: string): ReturnType<typeof readNfg> =>
  readNfg(`NFG 1 R "${title}" { ${counts.map((_, i) => `"P${i + 1}"`).join(' ')} } { ${counts.join(' ')} }\n\n${payoffs}\n`);
const flat = (eqs: { equilibria: { toString(): string }[][] }): string[] => eqs.equilibria.map((e) => e.map(String).join(',')).sort();

const PENNIES = nfg('pennies', [2, 2], '1 -1 -1 1 -1 1 1 -1');
const SEXES = nfg('battle of the sexes', [2, 2], '2 1 0 0 0 0 1 2');
// Row's T strictly dominates; against T the column player is indifferent: a segment of equilibria.
const DEGENERATE = nfg('degenerate', [2, 2], '1 1 0 0 1 1 0 1');
const COORD3 = nfg('three-way coordination', [2, 2, 2], '1 1 1 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 1 1 1');

test('pure equilibria of strategic games', () => {
  assert.deepEqual(flat(solve(PENNIES, 'pure')), []);
  assert.deepEqual(flat(solve(SEXES, 'pure')), ['0,1,0,1', '1,0,1,0']);
  assert.deepEqual(flat(solve(COORD3, 'pure')), ['0,1,0,1,0,1', '1,0,1,0,1,0']);
});

test('extreme equilibria of two-player games, degenerate ones included', () => {
  assert.deepEqual(flat(solve(PENNIES, 'extreme')), ['1/2,1/2,1/2,1/2']);
  assert.deepEqual(flat(solve(SEXES, 'extreme')), ['0,1,0,1', '1,0,1,0', '2/3,1/3,1/3,2/3']);
  assert.deepEqual(flat(solve(DEGENERATE, 'extreme')), ['1,0,0,1', '1,0,1,0'], 'both ends of the segment, nothing else');
  assert.throws(() => solve(COORD3, 'extreme'), /two players/);
});

test('the sequence form finds an equilibrium of a strategic game and of a tree with hidden moves', () => {
  const s = solve(PENNIES, 'sequence');
  assert.deepEqual(flat(s), ['1/2,1/2,1/2,1/2']);
  const sexes = solve(SEXES, 'sequence');
  assert.ok(isStrategicEquilibrium(SEXES, sexes.profiles[0] as never));
  // pennies as a tree: the second mover does not see the first
  const tree = readEfg(`EFG 2 R "hidden pennies" { "A" "B" } ""
p "" 1 1 "a" { "H" "T" } 0
p "" 2 1 "b" { "H" "T" } 0
t "" 1 "AH" { 1, -1 }
t "" 2 "AT" { -1, 1 }
p "" 2 1 "b" { "H" "T" } 0
t "" 3 "BH" { -1, 1 }
t "" 4 "BT" { 1, -1 }
`);
  const t = solve(tree, 'sequence');
  assert.deepEqual(flat(t), ['1/2,1/2,1/2,1/2']);
  assert.ok(isBehaviourEquilibrium(tree, t.profiles[0] as Behaviour));
});

test('zero-sum games by linear programming: the value and both optimal strategies', () => {
  const g = nfg('zero-sum', [2, 2], '3 -3 -2 2 -1 1 1 -1');
  const s = solve(g, 'zero-sum');
  assert.equal(String(s.value), '1/7');
  assert.deepEqual(flat(s), ['3/7,4/7,2/7,5/7']);
  const rps = nfg('rock paper scissors', [3, 3], '0 0 1 -1 -1 1 -1 1 0 0 1 -1 1 -1 -1 1 0 0');
  assert.deepEqual(flat(solve(rps, 'zero-sum')), ['1/3,1/3,1/3,1/3,1/3,1/3']);
  assert.throws(() => solve(SEXES, 'zero-sum'), /not constant-sum/);
});

// Entry game: the entrant stays out (0, 2) or enters; the incumbent fights (-1, -1) or accommodates (1, 1).
const ENTRY = readEfg(`EFG 2 R "entry" { "Entrant" "Incumbent" } ""
p "" 1 1 "enter?" { "in" "out" } 0
p "" 2 1 "answer" { "fight" "accommodate" } 0
t "" 1 "war" { -1, -1 }
t "" 2 "share" { 1, 1 }
t "" 3 "home" { 0, 2 }
`);

test('backward induction keeps only the credible equilibrium; Nash keeps the threat too', () => {
  assert.deepEqual(flat(solve(ENTRY, 'spe')), ['1,0,0,1']);
  assert.deepEqual(flat(solve(ENTRY, 'pure')), ['0,1,1,0', '1,0,0,1']);
  assert.deepEqual(flat(solve(ENTRY, 'agent-pure')), ['0,1,1,0', '1,0,0,1']);
  const hidden = readEfg(`EFG 2 R "h" { "A" "B" } ""
p "" 1 1 "a" { "x" "y" } 0
p "" 2 1 "b" { "l" "r" } 0
t "" 1 "" { 1, 1 }
t "" 2 "" { 0, 0 }
p "" 2 1 "b" { "l" "r" } 0
t "" 3 "" { 0, 0 }
t "" 4 "" { 1, 1 }
`);
  // a simultaneous coordination game as a tree: the whole game is the only subgame
  assert.deepEqual(flat(solve(hidden, 'spe')), ['0,1,0,1', '1,0,1,0']);
});

test('with hidden moves, subgame perfection keeps a Nash equilibrium in each subgame and drops the rest', () => {
  // The entrant stays out (0, 2) or comes in; then both move at once, the incumbent not seeing x/y.
  const g = readEfg(`EFG 2 R "entry, then a simultaneous game" { "E" "I" } ""
p "" 1 1 "enter?" { "in" "out" } 0
p "" 1 2 "E inside" { "x" "y" } 0
p "" 2 1 "I inside" { "l" "r" } 0
t "" 1 "xl" { 2, 1 }
t "" 2 "xr" { -1, 0 }
p "" 2 1 "I inside" { "l" "r" } 0
t "" 3 "yl" { -1, 0 }
t "" 4 "yr" { -1, 0 }
t "" 5 "home" { 0, 2 }
`);
  const spe = solve(g, 'spe');
  assert.deepEqual(flat(spe), ['0,1,0,1,0,1', '1,0,1,0,1,0'], '(in, x, l) and (out, y, r)');
  assert.match(spe.notes.join(' '), /2 subgames/);
  const nash = flat(solve(g, 'pure'));
  assert.ok(nash.includes('0,1,0,0,0,1'), 'staying out against r is Nash ...');
  assert.ok(!flat(spe).some((k) => k.endsWith('1,0,0,1')), '... but x against r is no equilibrium of the subgame');
  for (const p of spe.profiles) assert.ok(isBehaviourEquilibrium(g, p as Behaviour));
});

test('a player\'s own moves that rule out a later set leave it open (zeros), as in Gambit', () => {
  // A moves twice; after "stop" the second decision never comes.
  const g = readEfg(`EFG 2 R "two moves" { "A" "B" } ""
p "" 1 1 "first" { "stop" "go" } 0
t "" 1 "" { 1, 0 }
p "" 2 1 "b" { "l" "r" } 0
p "" 1 2 "second" { "up" "down" } 0
t "" 2 "" { 0, 1 }
t "" 3 "" { 2, 2 }
t "" 4 "" { 0, 3 }
`);
  const s = solve(g, 'pure');
  assert.ok(flat(s).includes('1,0,0,0,0,1'), 'stop, with the second set empty; B plays r');
  for (const p of s.profiles) assert.ok(isBehaviourEquilibrium(g, p as Behaviour));
});

test('the checks can fail: a profile that is not an equilibrium is caught', () => {
  assert.equal(isStrategicEquilibrium(SEXES, [[q(1), q(0)], [q(0), q(1)]]), false);
  assert.equal(strategicRegret(PENNIES, [[q(1), q(0)], [q(1), q(0)]]).toString(), '2');
  const threat: Behaviour = [[[q(1), q(0)]], [[q(1), q(0)]]];   // enter, fight
  assert.equal(isBehaviourEquilibrium(ENTRY, threat), false);
  assert.equal(isAgentEquilibrium(ENTRY, threat), false);
});

test('the approximate method states its error as the maximum regret, computed exactly', () => {
  // Three players, each wants to match the next one's coin and the last wants to mismatch the first:
  // the only equilibrium is fully mixed.
  const cells: string[] = [];
  for (let c = 0; c < 2; c++) for (let b = 0; b < 2; b++) for (let a = 0; a < 2; a++) {
    cells.push(`${a === b ? 1 : -1} ${b === c ? 1 : -1} ${c !== a ? 1 : -1}`);
  }
  const g = nfg('cyclic pennies', [2, 2, 2], cells.join(' '));
  assert.deepEqual(flat(solve(g, 'pure')), []);
  const s = solve(g, 'approx', { epsilon: 1e-4 });
  assert.ok(s.error, 'an error is reported');
  assert.equal(String(s.error), String(strategicRegret(g, s.profiles[0] as never)));
  assert.ok(s.error!.toNumber() < 0.01, `regret ${s.error!.toNumber()}`);
});
