// The streaming linker gives the links linkAnalyses gives over the same analyses in memory.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { linkAnalyses } from '../../src/link/index.ts';
import { openStore } from '../../src/store/index.ts';
import { linkIfBehind, linkStream } from '../../src/run/link.ts';
import { corpus } from '../store/fixture.ts';

async function* stream<T>(items: T[]): AsyncGenerator<T> { yield* items; }

test('linkStream equals linkAnalyses on the same analyses', async () => {
  const list = corpus();
  const expected = linkAnalyses(list);
  assert.ok(expected.sameEvent.length + expected.storylines.length > 0, 'the fixture has links to find');
  assert.deepEqual(await linkStream(stream(list)), expected);
});

test('linkIfBehind links a store whose links are behind, once', async () => {
  const store = await openStore(':memory:');
  await store.saveAnalyses(corpus());
  assert.equal(await linkIfBehind(store), true);
  const saved = await store.links();
  assert.deepEqual({ ...saved, nearDuplicates: saved.nearDuplicates ?? [] }, linkAnalyses(corpus()));
  assert.equal(await linkIfBehind(store), false, 'nothing new: no second pass');
  await store.close();
});
