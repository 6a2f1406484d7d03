// An actor's relations, computed over its events: counterparts in either direction, merged ids
// folded in, only asserted events in the scores, and a cap that says when it cut the count short.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openStore } from '../../src/store/index.ts';
import { relationsOf } from '../../src/server/relations.ts';
import { fillStore } from './harness.ts';

test('relations count both directions, score asserted events only, and say when capped', async () => {
  const store = await fillStore(await openStore(':memory:'));
  try {
    const rus = await relationsOf(store, 'state:RUS', {});
    const ltu = rus.relations.find((r) => r.actor === 'state:LTU')!;
    assert.deepEqual({ events: ltu.events, asSource: ltu.asSource, asTarget: ltu.asTarget, conflictual: ltu.conflictual }, { events: 1, asSource: 0, asTarget: 1, conflictual: 1 });
    assert.equal(ltu.name, 'Lithuania');
    assert.equal(ltu.meanGoldstein, -4);
    assert.equal(rus.truncated, false);
    const jpn = await relationsOf(store, 'state:JPN', {});
    const aus = jpn.relations.find((r) => r.actor === 'state:AUS')!;
    assert.equal(aus.events, 2);
    assert.equal(aus.asserted, 1, 'the predicted exercise is not counted as having happened');
    assert.equal(aus.meanGoldstein, 1);
    const merged = await relationsOf(store, 'state:JPN', { 'state:AUS': 'state:XXX' });
    assert.equal(merged.relations[0].actor, 'state:XXX');
    const capped = await relationsOf(store, 'state:POL', {}, 1);
    assert.equal(capped.counted, 1);
    assert.equal(capped.truncated, true);
  } finally {
    await store.close();
  }
});
