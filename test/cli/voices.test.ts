// The voices commands as a user runs them: outlets, quotes --speaker, compare.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { WIRE, REVIEW } from '../analysis/voices-fixture.ts';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const bin = join(root, 'bin', 'sitrep.js');
const dir = mkdtempSync(join(tmpdir(), 'sitrep-voices-'));
const db = join(dir, 'store.db');
const input = join(dir, 'two.jsonl');
writeFileSync(input, [
  { text: WIRE, outlet: 'Baltic Wire', published: '2026-03-02', title: 'Germany sends a brigade' },
  { text: REVIEW, outlet: 'Eastern Review', published: '2026-03-04', title: 'A brigade of slogans' },
].map((x) => JSON.stringify(x)).join('\n') + '\n');

function sitrep(args: string[]) {
  const r = spawnSync(process.execPath, [bin, ...args, '--db', db], { cwd: root, encoding: 'utf8', timeout: 120_000 });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

test('analyze, then outlets prints one profile per outlet', () => {
  const a = sitrep(['analyze', input]);
  assert.equal(a.code, 0, a.err);
  const r = sitrep(['outlets']);
  assert.equal(r.code, 0, r.err);
  assert.match(r.out, /Baltic Wire\s+1\s+\d+\s+4\s+3\s+5\s+\d+%/);
  assert.match(r.out, /Eastern Review\s+1\s+\d+\s+0\s+0\s+0\s+0%/);
  assert.equal(JSON.parse(sitrep(['outlets', '--format', 'json']).out).length, 2);
  const docs = sitrep(['outlets', '--documents']);
  assert.match(docs.out, /DOCUMENT PROFILES/);
  assert.match(docs.out, /Eastern Review: A brigade of slogans/);
});

test('quotes --speaker lists what one speaker said, with outlet, day and sentence', () => {
  const r = sitrep(['quotes', '--speaker', 'Pistorius']);
  assert.equal(r.code, 0, r.err);
  assert.match(r.out, /WHAT BORIS PISTORIUS SAID/);
  assert.match(r.out, /2 quotes in 1 document/);
  assert.match(r.out, /“We are here to stay, and we are here to defend\.” — Baltic Wire, 2026-03-02/);
  const none = sitrep(['quotes', '--speaker', 'Nobody Atall']);
  assert.equal(none.code, 0);
  assert.match(none.out, /No speaker named "Nobody Atall"/);
  assert.notEqual(sitrep(['quotes']).code, 0, '--speaker is required');
});

test('compare names an unknown storyline as an error, and compares a stored one', (t) => {
  const bad = sitrep(['compare', 'no such story at all']);
  assert.equal(bad.code, 1);
  assert.match(bad.err, /no storyline matches "no such story at all"/);
  const stories = JSON.parse(sitrep(['report', '--format', 'json']).out).storylines as { id: string; label: string }[];
  if (stories.length === 0) { t.skip('the linker found no storyline across the two reports'); return; }
  const r = sitrep(['compare', stories[0].id]);
  assert.equal(r.code, 0, r.err);
  assert.match(r.out, /IN SHORT/);
  assert.match(r.out, /Baltic Wire tells it mainly through its sources/);
  assert.match(r.out, /Eastern Review tells it mainly in the author's own voice/);
});
