// The server's copy of the corpus links: kept between requests, dropped on invalidation or age.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openStore } from '../../src/store/index.ts';
import { LinksCache } from '../../src/server/links-cache.ts';
import { apiCorpus, fillStore } from './harness.ts';

test('links are kept until invalidated, and re-read once too old', async () => {
  const store = await fillStore(await openStore(':memory:'));
  try {
    const [a, b] = apiCorpus();
    const group = { id: 'g1', events: [{ doc: a.doc.id, event: a.events[1].id }, { doc: b.doc.id, event: b.events[1].id }] };
    await store.saveLinks({ sameActor: { 'state:X': 'state:POL' }, sameEvent: [group], storylines: [] });
    const cache = new LinksCache(store);
    assert.deepEqual(await cache.sameEvent(a.doc.id, a.events[1].id), [group.events[1]]);
    assert.deepEqual(await cache.sameEvent(a.doc.id, a.events[0].id), []);
    await store.saveLinks({ sameActor: {}, sameEvent: [], storylines: [] });
    assert.deepEqual(await cache.sameActor(), { 'state:X': 'state:POL' }, 'kept');
    cache.invalidate();
    assert.deepEqual(await cache.sameActor(), {});
    const young = new LinksCache(store, 0);
    assert.deepEqual(await young.sameActor(), {});
    await store.saveLinks({ sameActor: { 'state:Y': 'state:USA' }, sameEvent: [], storylines: [] });
    await new Promise((r) => setTimeout(r, 5));
    assert.deepEqual(await young.sameActor(), { 'state:Y': 'state:USA' }, 're-read when older than its time to live');
  } finally {
    await store.close();
  }
});
