// On real pipeline output (the shared PLOVER sentences), storylines stay small and specific.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { ingestFile } from '../../src/ingest/index.ts';
import { createPipeline } from '../../src/pipeline/index.ts';
import { linkAnalyses } from '../../src/link/index.ts';

const CORPUS = new URL('../../../shared/corpus/plover-gsr', import.meta.url).pathname;

test('storylines on 300 unrelated news sentences do not collapse into a giant one', (t) => {
  if (!existsSync(CORPUS)) { t.skip(`no shared corpus at ${CORPUS}`); return; }
  const pipeline = createPipeline();
  const files = readdirSync(CORPUS).filter((f) => f.endsWith('.txt')).sort();
  const analyses = files.map((f) => pipeline.analyze(ingestFile(join(CORPUS, f))));
  const events = analyses.reduce((n, a) => n + a.events.length, 0);
  const links = linkAnalyses(analyses);
  assert.ok(events > 100, `the pipeline found events (${events})`);
  const biggest = Math.max(0, ...links.storylines.map((s) => s.events.length));
  assert.ok(biggest <= Math.max(10, events * 0.05), `largest storyline has ${biggest} of ${events} events`);
  const linked = links.storylines.reduce((n, s) => n + s.events.length, 0);
  assert.ok(linked < events * 0.8, `${linked} of ${events} events are in storylines`);
  for (const s of links.storylines) assert.ok(s.label.length > 0 && s.events.length >= 2);
});
