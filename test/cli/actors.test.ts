// `sitrep actors --new`: new actors found in stored documents, for review, and their promotion
// into a knowledge file; the store comes from the project config when no --db is given.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const bin = join(root, 'bin', 'sitrep.js');

function sitrep(args: string[], cwd: string) {
  const r = spawnSync(process.execPath, [bin, ...args], { cwd, encoding: 'utf8', timeout: 120_000 });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

// invented reports: one new expert named in two documents, in two spellings of one given name
const dir = mkdtempSync(join(tmpdir(), 'sitrep-actors-'));
writeFileSync(join(dir, 'one.txt'), 'Published: 2024-03-02\n\nBelarusian military expert Alyaksandr Invented-Zubrov said the drills were routine. Invented-Zubrov added that Minsk wanted calm.\n');
writeFileSync(join(dir, 'two.txt'), 'Published: 2024-04-11\n\nThe exercises near Grodno worried Vilnius, Belarusian analyst Aleksandr Invented-Zubrov told reporters.\n');
writeFileSync(join(dir, 'sitrep.config.yaml'), 'db: project.db\n');

test('actors --new lists the new expert once, typed and coded from context, with counts and an example', () => {
  const a = sitrep(['analyze', 'one.txt', 'two.txt'], dir);
  assert.equal(a.code, 0, a.err);
  assert.match(a.out, /-> .*project\.db/);          // the config's store
  const r = sitrep(['actors', '--new', '--json'], dir);
  assert.equal(r.code, 0, r.err);
  const list = JSON.parse(r.out) as { name: string; kind: string; code: string; country?: string; documents: number; mentions: number; roles: string[]; example?: { sentence: string } }[];
  const expert = list.filter((x) => /Invented-Zubrov/.test(x.name));
  assert.equal(expert.length, 1, JSON.stringify(list));
  assert.equal(expert[0].kind, 'person');
  assert.equal(expert[0].code, 'BLRELI');
  assert.equal(expert[0].country, 'BLR');
  assert.equal(expert[0].documents, 2);
  assert.ok(expert[0].mentions >= 3, JSON.stringify(expert[0]));
  assert.ok(expert[0].roles.some((t) => /expert/.test(t)));
  assert.match(expert[0].example?.sentence ?? '', /Invented-Zubrov/);
  const text = sitrep(['actors', '--new'], dir);
  assert.match(text.out, /person +BLRELI +(Alyaksandr|Aleksandr) Invented-Zubrov \(BLR\)/);
  assert.match(text.out, /also written: (Alyaksandr|Aleksandr) Invented-Zubrov/);
  assert.match(text.out, /To promote them/);
});

test('--yaml writes a knowledge file that checks clean and makes the actor known', () => {
  const y = sitrep(['actors', '--new', '--yaml'], dir);
  assert.equal(y.code, 0, y.err);
  writeFileSync(join(dir, 'promoted.yaml'), y.out);
  const check = sitrep(['kb', 'check', 'promoted.yaml'], dir);
  assert.equal(check.code, 0, check.out + check.err);
  assert.match(y.out, /variants:\s+- (Alyaksandr|Aleksandr) Invented-Zubrov/);
  const find = JSON.parse(sitrep(['kb', 'find', 'Alyaksandr Invented-Zubrov', '--json', '--kb', 'promoted.yaml'], dir).out);
  assert.match(find.mentions[0].actor, /^person:(alyaksandr|aleksandr)-invented-zubrov$/);
  assert.equal(find.mentions[0].code, 'BLRELI');
});
