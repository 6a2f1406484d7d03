// Links from the stored digests equal the links linkAnalyses finds over the same analyses in memory.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { linkAnalyses } from '../../src/link/index.ts';
import { openStore } from '../../src/store/index.ts';
import { openSqlite } from '../../src/store/dialect/sqlite.ts';
import { openSqlStore } from '../../src/store/sql-store.ts';
import { linkIfBehind, linkStored } from '../../src/run/link.ts';
import { corpus } from '../store/fixture.ts';

const withNear = (l: Awaited<ReturnType<typeof linkStored>>) => ({ ...l, nearDuplicates: l.nearDuplicates ?? [] });

test('links from stored digests equal linkAnalyses on the same analyses', async () => {
  const expected = linkAnalyses(corpus());
  assert.ok(expected.sameEvent.length + expected.storylines.length > 0, 'the fixture has links to find');
  const store = await openStore(':memory:');
  await store.saveAnalyses(corpus());
  assert.deepEqual(withNear(await linkStored(store)), withNear(expected));
  await store.close();
});

test('documents stored without a digest (an older store) are read whole and give the same links', async () => {
  const expected = linkAnalyses(corpus());
  const d = openSqlite(':memory:');
  const store = await openSqlStore(d);
  await store.saveAnalyses(corpus());
  const digests = Number((await d.db.selectFrom('link_digests').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
  assert.equal(digests, corpus().length, 'one digest per stored document');
  await d.writeTransaction(async (trx) => { await trx.deleteFrom('link_digests').execute(); });
  assert.deepEqual(withNear(await linkStored(store)), withNear(expected));
  await store.close();
});

test('linkIfBehind links a store whose links are behind, once', async () => {
  const store = await openStore(':memory:');
  await store.saveAnalyses(corpus());
  assert.equal(await linkIfBehind(store), true);
  assert.deepEqual(withNear(await store.links()), withNear(linkAnalyses(corpus())));
  assert.equal(await linkIfBehind(store), false, 'nothing new: no second pass');
  await store.close();
});
