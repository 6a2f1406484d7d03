// The worker pool gives the outcomes the pipeline gives in this thread, in the order asked; a
// knowledge file that cannot load stops the batch with its reason instead of failing each document.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inProcessAnalyzer, workerPool } from '../../src/run/pool.ts';
import type { Outcome } from '../../src/run/analyze-one.ts';
import type { RawDocument } from '../../src/ingest/index.ts';

const raws: RawDocument[] = [
  'Poland and Lithuania held talks in Vilnius on Monday about the border.',
  'Russia accused Estonia of provocations and summoned its ambassador on Friday.',
  '<html><body><nav>Home</nav></body></html>',   // no article text once built
  'Finland said it would send two patrol boats to the Gulf of Finland.',
  'Belarus denied the charge and proposed talks with Latvia on border security.',
].map((text, i) => ({ source: `doc-${i}.txt`, id: `id-${i}`, text, options: {} }));

const summary = (o: Outcome) => ('analysis' in o ? { seq: o.seq, events: o.analysis.events, mentions: o.analysis.mentions, body: o.analysis.doc.body } : o);

test('two worker threads give the outcomes of the pipeline in this thread, in order', { timeout: 300_000 }, async () => {
  const local = inProcessAnalyzer([]);
  const expected = await Promise.all(raws.map((raw, seq) => local.run({ seq, raw })));
  assert.ok('failed' in expected[2] && expected[2].failed === 'ingest' && /no article text/.test(expected[2].reason));
  assert.ok(expected.filter((o) => 'analysis' in o && o.analysis.events.length > 0).length >= 2, 'the documents give events');
  const pool = workerPool(2, []);
  try {
    const got = await Promise.all(raws.map((raw, seq) => pool.run({ seq, raw })));
    assert.deepEqual(got.map(summary), expected.map(summary));
  } finally {
    await pool.close();
  }
});

test('a knowledge file that cannot load stops the pool with its reason', { timeout: 300_000 }, async () => {
  const dir = mkdtempSync(join(tmpdir(), 'sitrep-pool-'));
  const bad = join(dir, 'bad.yaml');
  writeFileSync(bad, 'actors: [unclosed\n');
  const pool = workerPool(2, [bad]);
  try {
    await assert.rejects(pool.run({ seq: 0, raw: raws[0] }), (err: Error) => /could not start/.test(err.message) && err.message.includes('bad.yaml'));
    await assert.rejects(pool.run({ seq: 1, raw: raws[1] }), /could not start/);
  } finally {
    await pool.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a document that holds its worker past the time limit fails with that reason; the others are analysed', { timeout: 300_000 }, async () => {
  const pool = workerPool(2, [], { timeLimitSeconds: 3, workerModule: new URL('../fixtures/workers/hanging-worker.ts', import.meta.url) });
  const batch = [...raws.slice(0, 2), { source: 'stuck.txt', id: 'stuck', text: 'Poland HANG and Lithuania held talks in Vilnius on Monday.', options: {} }, ...raws.slice(3)];
  try {
    const got = await Promise.all(batch.map((raw, seq) => pool.run({ seq, raw })));
    const stuck = got[2];
    assert.ok('failed' in stuck && stuck.failed === 'analysis' && stuck.source === 'stuck.txt', 'the stuck document fails');
    assert.match((stuck as { reason: string }).reason, /took longer than 3 s/);
    for (const i of [0, 1, 3, 4]) assert.equal(got[i].seq, i);
    assert.ok([0, 1, 3, 4].every((i) => 'analysis' in got[i]), 'every other document is analysed, those queued behind the stuck one too');
  } finally {
    await pool.close();
  }
});
