// The whole path from files to report, through the command as a user runs it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const bin = join(root, 'bin', 'sitrep.js');

function sitrep(args: string[], input?: string) {
  const r = spawnSync(process.execPath, [bin, ...args], { cwd: root, input, encoding: 'utf8', timeout: 120_000 });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

const dir = mkdtempSync(join(tmpdir(), 'sitrep-cli-'));
const db = join(dir, 'store.db');

test('analyze stores the examples and a second run changes nothing', () => {
  const first = sitrep(['analyze', 'examples', '--db', db]);
  assert.equal(first.code, 0, first.err);
  assert.match(first.out, /7 documents read: 7 stored, 0 unchanged, 0 failed/);
  const second = sitrep(['analyze', 'examples', '--db', db]);
  assert.equal(second.code, 0, second.err);
  assert.match(second.out, /7 documents read: 0 stored, 7 unchanged, 0 failed/);
});

test('report prints every section, in each format', () => {
  const text = sitrep(['report', '--db', db]);
  assert.equal(text.code, 0, text.err);
  assert.match(text.out, /Lithuania/);
  const json = sitrep(['report', '--db', db, '--format', 'json']);
  assert.equal(json.code, 0, json.err);
  const parsed = JSON.parse(json.out);
  assert.ok(typeof parsed === 'object' && parsed !== null);
  const md = sitrep(['report', '--db', db, '--format', 'markdown']);
  assert.match(md.out, /^#/m);
  const bad = sitrep(['report', '--db', db, '--since', 'last week']);
  assert.notEqual(bad.code, 0);
  assert.match(bad.err, /not a day/);
});

test('show follows an exported event back to the rule that coded it', () => {
  const tsv = sitrep(['export', '--db', db, '--format', 'plover-json']);
  assert.equal(tsv.code, 0, tsv.err);
  const records = tsv.out.trim().split('\n').filter(Boolean).map((l) => JSON.parse(l));
  assert.ok(records.length > 0, 'the examples give events');
  const id = records[0].id as string;
  const shown = sitrep(['show', 'event', id, '--db', db]);
  assert.equal(shown.code, 0, shown.err);
  assert.match(shown.out, /pattern|rule|via/i);
  const missing = sitrep(['show', 'event', 'no-such-event', '--db', db]);
  assert.notEqual(missing.code, 0);
});

test('every export format writes something parseable', () => {
  for (const format of ['events-tsv', 'csv', 'graphml']) {
    const out = join(dir, `out.${format}`);
    const r = sitrep(['export', '--db', db, '--format', format, '--out', out]);
    assert.equal(r.code, 0, r.err);
    const body = readFileSync(out, 'utf8');
    assert.ok(body.length > 0, format);
    if (format === 'graphml') assert.match(body, /<graphml[\s>]/);
    else assert.ok(body.split('\n')[0].includes(format === 'csv' ? ',' : '\t'));
  }
});

test('a bad file is reported by name, the rest of the batch is stored, and the exit code says so', () => {
  const batch = join(dir, 'batch');
  spawnSync('mkdir', ['-p', batch]);
  writeFileSync(join(batch, 'good.txt'), 'Poland and Lithuania held talks in Vilnius on Monday.\n\nThe ministers agreed to meet again.');
  writeFileSync(join(batch, 'binary.txt'), Buffer.from([0, 1, 2, 3, 0, 255, 254]));
  writeFileSync(join(batch, 'empty.md'), '   \n');
  writeFileSync(join(batch, 'lines.jsonl'), '{"text": "Russia deployed troops to the border."}\n{not json\n');
  const db2 = join(dir, 'batch.db');
  const r = sitrep(['analyze', batch, '--db', db2]);
  assert.equal(r.code, 1);
  assert.match(r.err, /binary\.txt/);
  assert.match(r.err, /empty\.md/);
  assert.match(r.err, /lines\.jsonl:2/);
  assert.match(r.out, /2 stored/);
});

test('standard input is read with -', () => {
  const db3 = join(dir, 'stdin.db');
  const r = sitrep(['analyze', '-', '--db', db3], 'Belarus accused Poland of provocations on Friday.');
  assert.equal(r.code, 0, r.err);
  assert.match(r.out, /1 stored/);
});
