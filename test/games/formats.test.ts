import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readEfg, writeEfg } from '../../src/games/efg.ts';
import { readNfg, writeNfg } from '../../src/games/nfg.ts';
import { reducedForm } from '../../src/games/reduced.ts';
import { terminalPayoffs } from '../../src/games/tree.ts';

// A small entry game with a chance move and an outcome on a non-terminal node (payoffs add up).
const ENTRY = `EFG 2 R "Entry with a coin" { "Firm" "Rival" }
"a test tree"

c "coin" 1 "nature" { "strong" 1/3 "weak" 2/3 } 0
p "" 1 1 "firm strong" { "enter" "stay out" } 1 "fee" { -1, 0 }
p "" 2 1 "rival" { "fight" "share" } 0
t "" 2 "war" { -2, -1 }
t "" 3 "peace" { 2, 1 }
t "" 4 "home" { 0, 3 }
p "" 1 2 "firm weak" { "enter" "stay out" } 0
p "" 2 1 "rival" { "fight" "share" } 0
t "" 2
t "" 3
t "" 4
`;

test('an .efg tree is read with chance probabilities, information sets and outcomes that add up', () => {
  const g = readEfg(ENTRY);
  assert.deepEqual(g.players, ['Firm', 'Rival']);
  assert.equal(g.infosets[0]![0]!.probs!.map(String).join(' '), '1/3 2/3');
  assert.equal(g.infosets[1]!.length, 2);
  assert.equal(g.infosets[2]!.length, 1);
  assert.equal(g.infosets[2]![0]!.members.length, 2, 'the rival cannot tell the firm types apart');
  const pays = [...terminalPayoffs(g).values()].map((p) => p.map(String).join(','));
  assert.deepEqual(pays, ['-3,-1', '1,1', '-1,3', '-2,-1', '2,1', '0,3'], 'the fee of -1 is added under the strong firm');
});

test('.efg writes and reads back to the same game', () => {
  const g = readEfg(ENTRY);
  const again = readEfg(writeEfg(g));
  assert.equal(writeEfg(again), writeEfg(g));
  assert.deepEqual(reducedForm(again).game.payoffs.map((r) => r.map(String)), reducedForm(g).game.payoffs.map((r) => r.map(String)));
});

test('.nfg in payoff form and in outcome form give the same game; writing keeps it', () => {
  const payoff = readNfg(`NFG 1 R "Chicken" { "Row" "Col" } { 2 2 }

0 0 1 -1 -1 1 -10 -10
`);
  const outcome = readNfg(`NFG 1 R "Chicken" { "Row" "Col" }
{ { "swerve" "straight" } { "swerve" "straight" } }
""
{
{ "tie" 0, 0 }
{ "row wins" 1, -1 }
{ "col wins" -1, 1 }
{ "crash" -10, -10 }
}
1 2 3 4
`);
  assert.deepEqual(payoff.payoffs.map((r) => r.map(String)), outcome.payoffs.map((r) => r.map(String)));
  assert.deepEqual(outcome.strategies, [['swerve', 'straight'], ['swerve', 'straight']]);
  for (const form of ['payoff', 'outcome'] as const) {
    const text = writeNfg(outcome, { form });
    const back = readNfg(text);
    assert.deepEqual(back.payoffs.map((r) => r.map(String)), outcome.payoffs.map((r) => r.map(String)), form);
    assert.deepEqual(back.strategies, outcome.strategies);
    if (form === 'outcome') assert.match(text, /\{ "o4" -10, -10 \}\n\}\n1 2 3 4\n$/);
  }
});

test('decimal payoffs stay exact', () => {
  const g = readNfg('NFG 1 D "d" { "a" "b" } { 1 1 }\n\n0.1 -2.50\n');
  assert.deepEqual(g.payoffs[0]!.map(String), ['1/10', '-5/2']);
});

test('bad files are refused with the line that is wrong', () => {
  assert.throws(() => readNfg('NFG 1 R "x" { "a" "b" } { 2 2 }\n\n1 2 3\n4 5 six\n', 'bad.nfg'), /bad\.nfg:4: payoff: not a number: "six"/);
  assert.throws(() => readNfg('NFG 1 R "x" { "a" "b" } { 1 1 }\n\n1\n', 'short.nfg'), /short\.nfg.*end of file/);
  assert.throws(() => readEfg('EFG 2 R "x" { "a" }\n""\np "" 1 1 "s" { "l" "r" } 0\nt "" 0\nq "" 0\n', 'bad.efg'), /bad\.efg:5: unknown node type "q"/);
  assert.throws(() => readEfg('NFG 1 R "x"', 'wrong.efg'), /not an \.efg file/);
});
