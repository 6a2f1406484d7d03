import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { evaluateGold, renderEval, type EvalResult } from '../../src/eval/index.ts';

const SHARED = resolve(dirname(fileURLToPath(import.meta.url)), '../../../shared');
const KEYS = ['meta', 'body', 'actors', 'events', 'quotes', 'frames', 'links', 'errors', 'documents'];

function checkShape(r: EvalResult): void {
  for (const k of KEYS) assert.ok(k in r, `missing key ${k}`);
  for (const k of ['meta', 'body', 'links'] as const) assert.deepEqual(Object.keys(r[k]).sort(), ['accuracy', 'right', 'total']);
  for (const k of ['actors', 'events', 'quotes', 'frames'] as const) {
    for (const f of ['precision', 'recall', 'f1', 'tp', 'fp', 'fn']) assert.ok(f in r[k], `${k}.${f}`);
  }
  assert.deepEqual(Object.keys(r.events.dates).sort(), ['accuracy', 'right', 'total']);
  assert.ok('attribution' in r.quotes);
  for (const e of r.errors) {
    assert.ok(KEYS.slice(0, 7).includes(e.kind), `error kind ${e.kind}`);
    assert.ok(['miss', 'false-alarm', 'wrong'].includes(e.type));
    assert.equal(typeof e.file, 'string');
    assert.equal(typeof e.sentence, 'string');
    assert.ok('item' in e);
  }
  for (const d of r.documents) {
    for (const f of ['file', 'meta', 'body', 'actors', 'events', 'quotes', 'frames', 'storylines']) assert.ok(f in d, `documents.${f}`);
  }
}

test('evaluateGold runs the pipeline on a small invented corpus, and a missing file is reported, not fatal', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'sitrep-eval-'));
  try {
    mkdirSync(join(dir, 'docs'));
    writeFileSync(join(dir, 'docs', 'one.txt'),
      'Ruritania and Poland hold talks\n\nThe Ruritanian defence minister met his Polish counterpart in Gdansk on Monday to discuss border patrols.\n');
    writeFileSync(join(dir, 'gold.yaml'), `format: 1
corpus: docs
documents:
  - file: one.txt
    body: {keep: [met his Polish counterpart], drop: []}
    events: []
    frames: {scare_quotes: []}
  - file: missing.txt
    meta: {title: Nothing here}
    events:
      - {type: CONSULT, source: POL, target: LTU, text: talks}
`);
    const r = await evaluateGold(join(dir, 'gold.yaml'));
    checkShape(r);
    assert.deepEqual(r.documents.map((d) => d.file), ['one.txt', 'missing.txt']);
    assert.deepEqual(r.body, { accuracy: 1, right: 1, total: 1 });
    assert.deepEqual(r.meta, { accuracy: 0, right: 0, total: 1 });
    assert.ok(r.events.fn >= 1, 'the event of the missing document is missed');
    const failure = r.errors.find((e) => e.file === 'missing.txt' && e.kind === 'body');
    assert.match(JSON.stringify(failure?.item), /ingest failed/);
    assert.equal(r.links.accuracy, null);
    assert.match(renderEval(r), /^events /m);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('evaluateGold on the seed gold gives every FORMAT key', async (t) => {
  const gold = join(SHARED, 'gold', 'seeds.yaml');
  if (!existsSync(gold)) { t.skip(`no ${gold}: the shared folder is absent`); return; }
  const r = await evaluateGold(gold);
  checkShape(r);
  assert.equal(r.documents.length, 2);
  assert.ok(r.body.total > 0 && r.actors.tp + r.actors.fn > 0 && r.events.tp + r.events.fn > 0 && r.links.total === 3);
});
