// Atomic batches and readers beside a writer, on every database: a batch that fails midway
// leaves nothing behind, a reader sees a batch whole or not at all, pages do not shift when
// documents arrive between them, and two writers at once lose nothing.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isDeepStrictEqual } from 'node:util';
import type { Analysis } from '../../src/model/types.ts';
import { openStore, type StoreCounts } from '../../src/store/index.ts';
import type { DocumentQuery, EventQuery, Page } from '../../src/store/queries.ts';
import { ACTORS, docA, docB, makeAnalysis } from './fixture.ts';
import { eachBackend } from './backends.ts';

/** A short report with one event and one quote, numbered so that every one is a new document. */
function report(n: number, tag = 'r'): Analysis {
  return makeAnalysis({
    body: `Report ${tag}${n}: Poland criticised Russia over exercise ${n}. "We watch closely," an official said.`,
    source: `${tag}${n}.txt`, meta: { outlet: 'Wire', published: '2025-04-01' },
    actors: [ACTORS.POL, ACTORS.RUS],
    mentions: [{ text: 'Poland', actor: 'state:POL', kind: 'state' }, { text: 'Russia', actor: 'state:RUS', kind: 'state' }],
    events: [{ type: 'ACCUSE', trigger: 'criticised', source: { text: 'Poland', code: 'POL', actor: 'state:POL' }, target: { text: 'Russia', code: 'RUS', actor: 'state:RUS' } }],
    quotes: [{ text: 'We watch closely,' }],
    frames: [],
  });
}

async function everything<T, Q>(list: (q: Q & { cursor?: string; limit?: number }) => Promise<Page<T>>, q: Q, limit: number, between?: () => Promise<void>): Promise<T[]> {
  const out: T[] = [];
  let cursor: string | undefined;
  for (;;) {
    const page = await list({ ...q, cursor, limit });
    out.push(...page.items);
    if (!page.next) return out;
    cursor = page.next;
    if (between) await between();
  }
}

eachBackend((b) => {
  test('a batch that fails midway leaves no half-stored document', async () => {
    const store = await b.open();
    try {
      await store.saveAnalyses([docA()]);
      const before = await store.counts();
      const broken = docB();
      // a quote without its words breaks a NOT NULL column after the document row went in
      broken.quotes[0] = { ...broken.quotes[0], text: null as unknown as string };
      await assert.rejects(() => store.saveAnalyses([report(1), broken, report(2)]));
      assert.deepEqual(await store.counts(), before);
      assert.equal(await store.hasDocument(report(1).doc.id), false);
      assert.equal(await store.hasDocument(broken.doc.id), false);
      assert.deepEqual((await store.search('criticised')), [], 'nothing of the batch was indexed');
      assert.equal(await store.saveAnalyses([report(1), docB()]), 2, 'the store still takes writes');
    } finally { await store.close(); }
  });

  test('readers during an ingest see the batch whole or not at all', async () => {
    const target = await b.target();
    const writer = await openStore(target);
    const reader = await openStore(target);
    try {
      await writer.saveAnalyses([docA()]);
      const before = await reader.counts();
      const batch = Array.from({ length: 150 }, (_, i) => report(i));
      let done = false;
      const seen: StoreCounts[] = [];
      const listed: number[] = [];
      const writing = writer.saveAnalyses(batch).finally(() => { done = true; });
      while (!done) {
        seen.push(await reader.counts());
        listed.push((await reader.listEvents({ actor: 'state:POL', limit: 500 })).items.length);
        await new Promise((r) => setImmediate(r));
      }
      assert.equal(await writing, 150);
      const after = await reader.counts();
      assert.equal(after.documents, before.documents + 150);
      assert.ok(seen.length > 0);
      for (const c of seen) assert.ok(JSON.stringify(c) === JSON.stringify(before) || JSON.stringify(c) === JSON.stringify(after), `a half-written state: ${JSON.stringify(c)}`);
      for (const n of listed) assert.ok(n === 1 || n === 151, `a half-written list: ${n} events`);
    } finally {
      await writer.close();
      await reader.close();
    }
  });

  test('one store answers reads while it writes a batch, from the last commit', async () => {
    const store = await b.open();
    try {
      await store.saveAnalyses([docA()]);
      const before = await store.counts();
      let done = false;
      const writing = store.saveAnalyses(Array.from({ length: 150 }, (_, i) => report(i))).finally(() => { done = true; });
      const during: StoreCounts[] = [];
      while (!done) {
        const c = await store.counts();
        if (!done) during.push(c);
      }
      await writing;
      const after = await store.counts();
      assert.equal(after.documents, before.documents + 150, 'the commit is seen at once');
      assert.ok(during.length > 0, 'a read finished while the batch was being written');
      // a read sees the last commit: the state before the batch, or (when it ran between the
      // commit and the writer's promise settling) the state after it, never part of the batch
      for (const c of during) assert.ok(isDeepStrictEqual(c, before) || isDeepStrictEqual(c, after), `a partial batch was read: ${JSON.stringify(c)}`);
      assert.ok(isDeepStrictEqual(during[0], before), 'the first read, made as the batch began, saw the state before it');
    } finally { await store.close(); }
  });

  test('pages do not shift when documents are added between them', async () => {
    const target = await b.target();
    const store = await openStore(target);
    const other = await openStore(target);
    try {
      await store.saveAnalyses(Array.from({ length: 10 }, (_, i) => report(i)));
      let added = 0;
      const more = async () => { await other.saveAnalyses([report(++added, 'late')]); };
      const docs = await everything((q: DocumentQuery) => store.listDocuments(q), {}, 3, more);
      const ids = docs.map((d) => d.source);
      assert.equal(new Set(ids).size, ids.length, 'no document twice');
      assert.deepEqual(ids.slice(0, 10), Array.from({ length: 10 }, (_, i) => `r${i}.txt`), 'every earlier document, in order');
      assert.ok(ids.slice(10).every((s) => s.startsWith('late')), 'later ones only after them');
      const events = await everything((q: EventQuery) => store.listEvents(q), { actor: 'state:RUS' }, 4, more);
      const eventIds = events.map((e) => e.event.id);
      assert.equal(new Set(eventIds).size, eventIds.length);
      assert.ok(eventIds.length >= 10 + 4);
    } finally {
      await store.close();
      await other.close();
    }
  });

  test('two writers at once lose nothing and keep positions apart', async () => {
    const target = await b.target();
    const one = await openStore(target);
    const two = await openStore(target);
    try {
      const [x, y] = await Promise.all([
        one.saveAnalyses(Array.from({ length: 40 }, (_, i) => report(i, 'x'))),
        two.saveAnalyses(Array.from({ length: 40 }, (_, i) => report(i, 'y'))),
      ]);
      assert.equal(x + y, 80);
      const docs = await everything((q: DocumentQuery) => one.listDocuments(q), {}, 7);
      assert.equal(docs.length, 80);
      assert.equal(new Set(docs.map((d) => d.id)).size, 80);
      assert.deepEqual(await one.counts(), await two.counts());
    } finally {
      await one.close();
      await two.close();
    }
  });

  test('writers storing the same documents at once store each once, numbered in commit order', async () => {
    const target = await b.target();
    const stores = await Promise.all([0, 1, 2, 3].map(() => openStore(target)));
    try {
      // four writers, each one document per transaction as a queue worker writes, overlapping by half
      const got = await Promise.all(stores.map(async (store, w) => {
        let n = 0;
        for (let i = w * 10; i < w * 10 + 20; i++) n += await store.saveAnalyses([report(i, 'shared')]);
        return n;
      }));
      const ids = new Set(Array.from({ length: 50 }, (_, i) => report(i, 'shared').doc.id));
      assert.equal(got.reduce((x, y) => x + y, 0), ids.size, 'every document is stored exactly once');
      const docs = await everything((q: DocumentQuery) => stores[0].listDocuments(q), {}, 9);
      assert.deepEqual(new Set(docs.map((d) => d.id)), ids);
      assert.equal((await stores[0].counts()).events, ids.size, 'no layer written twice');
      // positions are numbered one writer at a time: 1..N, none twice, none skipped
      assert.equal(await stores[0].lastPosition(), ids.size);
    } finally {
      await Promise.all(stores.map((s) => s.close()));
    }
  });
});
