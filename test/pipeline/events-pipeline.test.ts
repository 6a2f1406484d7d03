// The events stage inside the whole pipeline (real tokenizer, knowledge base, actors, time and
// quotes stages) on an invented report, and on the shared seed gold when it is there.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createPipeline } from '../../src/pipeline/index.ts';
import type { Document, Event } from '../../src/model/types.ts';

const BODY = [
  'Lithuania and Poland held talks in Vilnius on Tuesday about the border.',
  'Russia deployed more troops to Belarus last week, and Minsk did not object.',
  'NATO should reinforce its eastern flank, the analyst argued.',
  'Poland will host a summit of NATO defence ministers next month.',
  'Lithuania accused Belarus of sending migrants across the border.',
].join(' ');

/** A code stands for `want` when it is that code or starts with it as its country part (BLRGOV for BLR). */
const is = (code: string | undefined, want: string) => code === want || (want.length === 3 && code?.slice(0, 3) === want);

function has(events: Event[], type: string, source: string, target: string | undefined, modality: string): boolean {
  return events.some((e) => e.type === type && is(e.source?.code, source)
    && (target === undefined || is(e.target?.code, target)) && e.modality === modality);
}

test('events in the pipeline: an invented report', () => {
  const doc: Document = { id: 'inv', source: 'test', body: BODY, meta: { published: '2024-05-17' }, dropped: [] };
  const a = createPipeline().analyze(doc);
  const got = a.events.map((e) => `${e.type} ${e.source?.code} ${e.target?.code ?? '-'} ${e.modality}`).join('; ');
  assert.ok(has(a.events, 'CONSULT', 'LTU', 'POL', 'asserted'), got);
  assert.ok(has(a.events, 'MOBILIZE', 'RUS', undefined, 'asserted'), got);
  assert.ok(has(a.events, 'MOBILIZE', 'NATO', undefined, 'recommended'), got);
  assert.ok(has(a.events, 'CONSULT', 'POL', 'NATO', 'predicted'), got);
  assert.ok(has(a.events, 'ACCUSE', 'LTU', 'BLR', 'asserted'), got);
  const talks = a.events.find((e) => e.type === 'CONSULT');
  assert.equal(talks?.when?.start, '2024-05-14');
  assert.equal(talks?.place?.text, 'Vilnius');
});

// ../shared beside the clone, as CI lays it out.
const SEEDS = fileURLToPath(new URL('../../../shared/gold/seeds.yaml', import.meta.url));

test('events in the pipeline: seed gold events F1', { skip: existsSync(SEEDS) ? false : `${SEEDS} is not here` }, async () => {
  const { evaluateGold } = await import('../../src/eval/index.ts');
  const result = await evaluateGold(SEEDS);
  const f1 = result.events.f1 ?? 0;
  assert.ok(f1 >= 0.55, `events F1 on the seeds fell to ${f1}`);
});
