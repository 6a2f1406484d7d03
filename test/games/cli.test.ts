// sitrep game, as a user runs it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const bin = join(root, 'bin', 'sitrep.js');
const example = join(root, 'examples', 'games', 'base-offer.yaml');
const dir = mkdtempSync(join(tmpdir(), 'sitrep-game-'));

function sitrep(args: string[]) {
  const r = spawnSync(process.execPath, [bin, ...args], { cwd: root, encoding: 'utf8', timeout: 120_000 });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

test('game solve --json gives exact probabilities in Gambit\'s order', () => {
  const file = join(dir, 'sexes.nfg');
  writeFileSync(file, 'NFG 1 R "sexes" { "A" "B" } { 2 2 }\n\n2 1 0 0 0 0 1 2\n');
  const r = sitrep(['game', 'solve', file, '--method', 'extreme', '--json']);
  assert.equal(r.code, 0, r.err);
  const out = JSON.parse(r.out);
  assert.deepEqual(out.equilibria.map((e: string[]) => e.join(',')).sort(), ['0,1,0,1', '1,0,1,0', '2/3,1/3,1/3,2/3']);
  assert.deepEqual(out.order, ['A / 1', 'A / 2', 'B / 1', 'B / 2']);
});

test('game convert turns a scenario into Gambit files that solve the same way', () => {
  const efg = join(dir, 'base.efg');
  const nfg = join(dir, 'base.nfg');
  assert.equal(sitrep(['game', 'convert', example, efg]).code, 0);
  assert.equal(sitrep(['game', 'convert', efg, nfg]).code, 0);
  assert.match(readFileSync(efg, 'utf8'), /^EFG 2 R "Poland's offer/);
  const fromYaml = JSON.parse(sitrep(['game', 'solve', example, '--method', 'pure', '--json']).out);
  const fromEfg = JSON.parse(sitrep(['game', 'solve', efg, '--method', 'pure', '--json']).out);
  assert.deepEqual(fromEfg.equilibria, fromYaml.equilibria);
  const fromNfg = JSON.parse(sitrep(['game', 'solve', nfg, '--method', 'pure', '--json']).out);
  assert.equal(fromNfg.equilibria.length, fromYaml.equilibria.length);
});

test('game explain and game robust read as text; a method that does not apply says why', () => {
  const explain = sitrep(['game', 'explain', example, '--db', join(dir, 'none.db')]);
  assert.equal(explain.code, 0, explain.err);
  assert.match(explain.out, /The equilibrium path:/);
  const robust = sitrep(['game', 'robust', example, '--samples', '200', '--seed', '3']);
  assert.equal(robust.code, 0, robust.err);
  assert.match(robust.out, /Across 200 samples \(seed 3/);
  assert.match(robust.out, /Single assumptions that flip it/);
  const file = join(dir, 'sexes.nfg');
  const bad = sitrep(['game', 'solve', file, '--method', 'spe']);
  assert.equal(bad.code, 1);
  assert.match(bad.err, /subgame perfection needs a game tree/);
});

const seeds = join(root, '..', 'shared', 'corpus', 'seeds');

test('every record the base-offer example cites is in a store of the seed corpus, told with its sentence', { skip: !existsSync(seeds) && '../shared/corpus/seeds is absent' }, () => {
  const db = join(dir, 'seeds.db');
  assert.equal(sitrep(['analyze', seeds, '--db', db]).code, 0);
  const explain = sitrep(['game', 'explain', example, '--db', db]);
  assert.equal(explain.code, 0, explain.err);
  // record numbers follow the pipeline's order: if it finds records in a new order, the example needs updating
  assert.doesNotMatch(explain.out, /\(not in the store\)/, 'examples/games/base-offer.yaml cites a record the store lacks');
  const cited = [...explain.out.matchAll(/^ {2}evidence (\S+): "/gm)].map((m) => m[1]);
  assert.ok(cited.length >= 8, `${cited.length} cited records told with their sentence`);
});
