// Incremental linking through the store: each run reads only the documents stored since the
// last snapshot (and the carried chunk's), saves final links a chunk at a time, and the links in
// the store are always those of one pass over what it holds; a run stopped between saves, or
// beaten to its save by another linker, leaves the store linkable to the same result.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Store } from '../../src/store/index.ts';
import { CorpusLinker } from '../../src/link/index.ts';
import { linkIfBehind } from '../../src/run/link.ts';
import { corpus, OPTIONS, sameOrder } from '../link/incremental-corpus.ts';
import { eachBackend } from '../store/backends.ts';

const list = corpus();
const whole = new CorpusLinker(OPTIONS);
for (const a of list) whole.add(a);
const expected = sameOrder(whole.links());

/** The store, counting the documents the linker reads. */
function counting(store: Store): Store & { read: number } {
  const out = { ...store, read: 0 };
  out.linkInputs = async function* (from?: number) {
    for await (const input of store.linkInputs(from)) { out.read++; yield input; }
  };
  return out;
}

eachBackend((b) => {
  test('a store linked after each batch goes on from its snapshot and holds the links of one pass', async () => {
    const store = await b.open();
    const c = counting(store);
    const reads: number[] = [];
    for (const [from, to] of [[0, 12], [12, 25], [25, 26], [26, 32], [32, list.length]]) {
      await store.saveAnalyses(list.slice(from, to));
      c.read = 0;
      assert.equal(await linkIfBehind(c, OPTIONS), true, `documents ${from}-${to} are linked`);
      reads.push(c.read);
    }
    assert.equal(await linkIfBehind(c, OPTIONS), false, 'nothing new: no pass');
    assert.deepEqual(sameOrder(await store.links()), expected);
    assert.equal(reads[0], 12, 'the first run reads its documents');
    // later runs read the carried chunk and the open one (a chunk of 60 events is a few documents), not the store
    assert.ok(reads[2] <= 12, `one new document: ${reads[2]} documents read, not ${26}`);
    assert.ok(reads[4] < list.length - 20, `the last batch: ${reads[4]} documents read of ${list.length}`);
    const state = await store.linkState();
    assert.ok(state.snapshot, 'a snapshot is kept');
    await store.close();
  });

  test('a run stopped after a checkpoint, or beaten to its save, leaves the store linkable to the same links', async () => {
    const store = await b.open();
    await store.saveAnalyses(list.slice(0, 10));
    await linkIfBehind(store, OPTIONS);
    await store.saveAnalyses(list.slice(10));
    // stopped before its last save: the checkpoints it saved stand, the next run goes on from them
    const stopped = { ...store, saveOpenLinks: async () => { throw new Error('killed'); } };
    await assert.rejects(linkIfBehind(stopped, OPTIONS), /killed/);
    const state = await store.linkState();
    assert.ok(state.position > 10 && state.position < list.length, `the checkpoints reach document ${state.position}`);
    assert.equal(await store.linksBehind(), true);
    // another linker saves while this one links: this one's save is refused, and it starts again from that
    let raced = false;
    const racing = {
      ...store,
      async linkState() {
        const s = await store.linkState();
        if (!raced) { raced = true; assert.equal(await linkIfBehind(store, OPTIONS), true); }
        return s;
      },
    };
    assert.equal(await linkIfBehind(racing, OPTIONS), false, 'after the other linker, nothing is left to link');
    assert.ok(raced);
    assert.deepEqual(sameOrder(await store.links()), expected);
    await store.close();
  });

  test('links saved whole (saveLinks) make the next incremental link start over', async () => {
    const store = await b.open();
    await store.saveAnalyses(list.slice(0, 20));
    await linkIfBehind(store, OPTIONS);
    await store.saveLinks({ sameActor: {}, sameEvent: [{ id: 'same:x', events: [{ doc: 'd', event: 'e' }] }], storylines: [] });
    assert.equal((await store.linkState()).snapshot, undefined);
    await store.saveAnalyses(list.slice(20));
    await linkIfBehind(store, OPTIONS);
    assert.deepEqual(sameOrder(await store.links()), expected);
    await store.close();
  });
});
