// What a resumed batch asks the store: which documents it holds, and whether its links are behind.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { linkAnalyses } from '../../src/link/index.ts';
import { corpus, docA, docB } from './fixture.ts';
import { eachBackend } from './backends.ts';
import { LinkConflictError } from '../../src/store/errors.ts';

eachBackend((b) => {
  test('storedIds names the stored documents among the ids asked, in one call for many', async () => {
    const store = await b.open();
    assert.deepEqual(await store.storedIds([docA().doc.id]), new Set());
    await store.saveAnalyses([docA(), docB()]);
    const many = [docA().doc.id, 'ffffffffffffffff', docB().doc.id, docA().doc.id, ...Array.from({ length: 1200 }, (_, i) => `x${i}`)];
    assert.deepEqual(await store.storedIds(many), new Set([docA().doc.id, docB().doc.id]));
    assert.deepEqual(await store.storedIds([]), new Set());
    await store.close();
  });

  test('links are behind until saved over the last stored document, and again after new documents', async () => {
    const store = await b.open();
    assert.equal(await store.linksBehind(), false, 'an empty store has nothing to link');
    assert.equal(await store.lastPosition(), 0);
    const list = corpus();
    await store.saveAnalyses(list.slice(0, 2));
    assert.equal(await store.linksBehind(), true);
    const position = await store.lastPosition();
    assert.equal(position, 2);
    await store.saveLinks(linkAnalyses(list.slice(0, 2)));
    assert.equal(await store.linksBehind(), true, 'links saved without saying how far they reach');
    await store.saveOpenLinks((await store.linkState()).epoch, linkAnalyses(list.slice(0, 2)), position, true);
    assert.equal(await store.linksBehind(), false);
    await store.saveAnalyses(list.slice(2));
    assert.equal(await store.linksBehind(), true);
    const links = linkAnalyses(list);
    const { epoch } = await store.linkState();
    await store.saveOpenLinks(epoch, links, await store.lastPosition(), true);
    assert.equal(await store.linksBehind(), false);
    assert.deepEqual((await store.links()).storylines.map((s) => s.id), links.storylines.map((s) => s.id));
    await assert.rejects(store.saveOpenLinks(epoch, links, await store.lastPosition(), true), LinkConflictError,
      'a linker that read the state before another saved cannot save over it');
    await store.close();
  });
});
