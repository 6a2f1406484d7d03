// `sitrep kb check` and `sitrep kb find`, and the project config file's kb list, run as a user runs them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadConfig } from '../../src/cli/config.ts';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const bin = join(root, 'bin', 'sitrep.js');
const fixtures = join(root, 'test', 'kb', 'fixtures');

function sitrep(args: string[], cwd = root) {
  const r = spawnSync(process.execPath, [bin, ...args], { cwd, encoding: 'utf8', timeout: 120_000 });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

test('kb check: the shipped files pass; a bad file gives file:line: reason lines and exit 1', () => {
  const ok = sitrep(['kb', 'check']);
  assert.equal(ok.code, 0, ok.err + ok.out);
  assert.match(ok.out, /files checked: 0 errors/);
  const bad = sitrep(['kb', 'check', join(fixtures, 'check', 'problems.yaml')]);
  assert.equal(bad.code, 1, bad.err);
  assert.match(bad.out, /problems\.yaml:12: error: people\[0\] \(Jan Invented\): unknown field "alias"/);
  assert.match(bad.out, /problems\.yaml:14: error: .*ends \(2030-01-01\) before it begins/);
  const json = JSON.parse(sitrep(['kb', 'check', '--json', join(fixtures, 'check', 'syntax.yaml')]).out);
  assert.equal(json.errors, 1);
  assert.equal(json.problems[0].line, 3);
});

test('kb find: a transliterated surname, the rule that made it, and the actor the stage gives', () => {
  const r = sitrep(['kb', 'find', 'Lukashenka', '--json']);
  assert.equal(r.code, 0, r.err);
  const x = JSON.parse(r.out);
  const reading = x.matches[0].readings[0];
  assert.equal(reading.actor, 'person:alexander-lukashenko');
  assert.ok(reading.how.some((h: string) => /variant .*by rule/.test(h)), JSON.stringify(reading.how));
  assert.equal(x.mentions[0].code, 'BLRGOV');
});

test('kb find: a misspelt name gets the closest kb names', () => {
  const x = JSON.parse(sitrep(['kb', 'find', 'Lukashenkka', '--json']).out);
  assert.equal(x.matches.length, 0);
  assert.equal(x.similar[0]?.actor, 'person:alexander-lukashenko');
});

test('kb find: a title resolves by date, and says so when no date is given', () => {
  const dated = JSON.parse(sitrep(['kb', 'find', 'the Polish president', '--date', '2018-05-01', '--json']).out);
  assert.equal(dated.mentions[0].actor, 'person:andrzej-duda');
  assert.equal(dated.matches[0].readings[0].office.holder.name, 'Andrzej Duda');
  const later = JSON.parse(sitrep(['kb', 'find', 'the Polish president', '--date', '2026-01-10', '--json']).out);
  assert.notEqual(later.mentions[0].actor, 'person:andrzej-duda');
  const text = sitrep(['kb', 'find', 'the Polish president']);
  assert.match(text.out, /no date given/);
  assert.match(text.out, /via kb:office\+undated/);
  assert.equal(sitrep(['kb', 'find', 'x', '--date', 'spring']).code, 1);
});

test('the config file adds its kb files to every command, relative to where it lies', () => {
  const dir = mkdtempSync(join(tmpdir(), 'sitrep-config-'));
  writeFileSync(join(dir, 'mine.yaml'), 'people:\n  - {name: Zoryana Inventedova, country: UKR, roles: [{title: Spokeswoman, org: "state:UKR", code: UKRGOV}]}\n');
  writeFileSync(join(dir, 'sitrep.config.yaml'), 'db: project.db\nkb: [mine.yaml]\n');
  const c = loadConfig([], dir);
  assert.equal(c.db, join(dir, 'project.db'));
  assert.deepEqual(c.kb, [join(dir, 'mine.yaml')]);
  const found = JSON.parse(sitrep(['kb', 'find', 'Zoryana Inventedova', '--json'], dir).out);
  assert.equal(found.matches[0]?.readings[0]?.actor, 'person:zoryana-inventedova');
  // elsewhere, --config names it
  const other = JSON.parse(sitrep(['kb', 'find', 'Zoryana Inventedova', '--json', '--config', join(dir, 'sitrep.config.yaml')]).out);
  assert.equal(other.matches[0]?.readings[0]?.actor, 'person:zoryana-inventedova');
  writeFileSync(join(dir, 'broken.yaml'), 'dbx: 1\n');
  assert.throws(() => loadConfig(['--config', 'broken.yaml'], dir), /unknown key "dbx"/);
  const bad = sitrep(['kb', 'check', '--config', join(dir, 'broken.yaml')]);
  assert.equal(bad.code, 1);
  assert.match(bad.err, /unknown key "dbx"/);
});
