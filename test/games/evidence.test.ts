import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore } from '../../src/store/index.ts';
import { emptyAnalysis, type Analysis, type Document } from '../../src/model/types.ts';
import { evidenceTexts } from '../../src/games/evidence.ts';
import { readScenario } from '../../src/games/scenario.ts';
import { explainScenario } from '../../src/games/explain.ts';

test('evidence ids cited by a scenario come back as their sentences from the store', async () => {
  const path = join(mkdtempSync(join(tmpdir(), 'sitrep-evidence-')), 'store.db');
  const body = 'Ruritania massed troops on the border. Borduria protested loudly.';
  const a: Analysis = emptyAnalysis({ id: 'doc1', source: 'x.txt', body, meta: {}, dropped: [] } as unknown as Document);
  a.sentences = [{ start: 0, end: 38, tokens: [0, 0], paragraph: 0 }, { start: 39, end: body.length, tokens: [0, 0], paragraph: 0 }];
  a.events = [{ id: 'doc1:e1', type: 'PROTEST', start: 48, end: 57, modality: 'asserted', confidence: 1, via: 'test', trigger: { start: 48, end: 57, text: 'protested' } }] as unknown as Analysis['events'];
  a.claims = [{ start: 0, end: 38, text: 'Ruritania massed troops on the border.', holder: 'author', about: [], hedge: 0, cues: [] }];
  const store = await openStore(path);
  await store.saveAnalyses([a]);
  await store.close();

  const texts = await evidenceTexts(path, ['doc1:e1', 'doc1:c1', 'doc1:e9', 'other:e1']);
  assert.equal(texts.get('doc1:e1'), 'Borduria protested loudly.');
  assert.equal(texts.get('doc1:c1'), 'Ruritania massed troops on the border.');
  assert.equal(texts.has('doc1:e9'), false);
  assert.equal(texts.has('other:e1'), false);

  const s = readScenario(`game: g
players: [R, B]
tree: {player: R, moves: {mass: {player: B, moves: {protest: {outcome: row}, accept: {outcome: quiet}}}, wait: {outcome: calm}}}
outcomes:
  row: {payoffs: {R: 1, B: {value: 1, evidence: ['doc1:e1', 'doc1:e9']}}}
  quiet: {payoffs: {R: 2, B: 0}}
  calm: {payoffs: {R: 0, B: 2}}
`, 'g.yaml');
  const text = explainScenario(s, (id) => texts.get(id));
  assert.match(text, /evidence doc1:e1: "Borduria protested loudly\."/);
  assert.match(text, /evidence doc1:e9 \(not in the store\)/);
});
