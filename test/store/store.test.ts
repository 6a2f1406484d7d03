import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { collect, openStore } from '../../src/store/index.ts';
import { corpus, docA, docB, makeAnalysis } from './fixture.ts';

function tempPath(): { path: string; done: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'sitrep-store-'));
  return { path: join(dir, 'store.db'), done: () => rmSync(dir, { recursive: true, force: true }) };
}

test('an analysis reads back equal to the one saved', async () => {
  const { path, done } = tempPath();
  try {
    const store = await openStore(path);
    const list = corpus();
    assert.equal((await store.saveAnalyses(list)), 3);
    for (const a of list) {
      const back = (await store.getAnalysis(a.doc.id));
      assert.ok(back, 'stored analysis found');
      assert.deepEqual(back, a);
    }
    assert.equal((await store.getAnalysis('nope')), undefined);
    await store.close();
  } finally { done(); }
});

test('saving the same documents again changes nothing', async () => {
  const { path, done } = tempPath();
  try {
    const store = await openStore(path);
    await store.saveAnalyses([docA()]);
    const before = (await store.counts());
    assert.equal((await store.saveAnalyses([docA(), docA()])), 0);
    assert.deepEqual((await store.counts()), before);
    assert.equal((await store.saveAnalyses([docA(), docB()])), 1);
    assert.equal((await store.counts()).documents, 2);
    await store.close();
    const again = await openStore(path);
    assert.ok((await again.hasDocument(docA().doc.id)));
    assert.equal((await again.hasDocument('0000000000000000')), false);
    assert.deepEqual((await collect(again.documents())).map((d) => d.source), ['a.txt', 'feed.jsonl:2']);
    await again.close();
  } finally { done(); }
});

test('counts, actors, events and streamed analyses', async () => {
  const store = await openStore(':memory:');
  const list = corpus();
  await store.saveAnalyses(list);
  assert.deepEqual((await store.counts()), { documents: 3, actors: 10, events: 7, quotes: 4, frames: 3 });
  assert.equal((await store.actor('state:POL'))?.name, 'Poland');
  assert.deepEqual((await store.findActors('warsaw')).map((a) => a.id), ['state:POL']);
  assert.deepEqual((await store.findActors('POL')).map((a) => a.id), ['state:POL']);
  assert.deepEqual((await store.findActors('ivan marchenko')).map((a) => a.id), ['new:person:ivan-marchenko']);
  const ev = list[1].events[1];
  assert.deepEqual((await store.event(ev.id)), { event: ev, doc: list[1].doc.id });
  assert.equal((await store.event('x:e1')), undefined);
  assert.deepEqual((await store.actorDocuments(['new:person:ivan-marchenka', 'new:person:ivan-marchenko'])), [list[0].doc.id, list[1].doc.id]);
  assert.deepEqual((await store.actorDocuments(['state:JPN'])), [list[2].doc.id]);
  assert.deepEqual((await store.findActors('Ivan Marchenka')).map((a) => a.id), ['new:person:ivan-marchenka'], 'an exact name wins');
  assert.deepEqual((await store.findActors('Marczenko')).map((a) => a.id).sort(), ['new:person:ivan-marchenka', 'new:person:ivan-marchenko'], 'a surname in another spelling');
  assert.deepEqual((await collect(store.analyses())).map((a) => a.doc.id), list.map((a) => a.doc.id));
  await store.close();
});

test('links are replaced as a whole and read back', async () => {
  const store = await openStore(':memory:');
  const links = {
    sameActor: { 'new:person:b': 'new:person:a' },
    sameEvent: [{ id: 'g1', events: [{ doc: 'd1', event: 'd1:e1' }, { doc: 'd2', event: 'd2:e4' }] }],
    storylines: [{ id: 's1', label: 'base: Poland, United States', events: [{ doc: 'd1', event: 'd1:e1' }], actors: ['state:POL'] }],
  };
  await store.saveLinks({ sameActor: {}, sameEvent: [], storylines: [] });
  await store.saveLinks(links);
  assert.deepEqual((await store.links()), links);
  await store.close();
});

test('a store written by a newer sitrep is refused with a clear message', async () => {
  const { path, done } = tempPath();
  try {
    await (await openStore(path)).close();
    const db = new Database(path);
    db.prepare('INSERT INTO schema_version (version) VALUES (?)').run(99);
    db.close();
    await assert.rejects(() => openStore(path), /schema version 99.*newer sitrep/);
  } finally { done(); }
});

test('a file that is not a store is refused with a clear message', async () => {
  const { path, done } = tempPath();
  try {
    writeFileSync(path, 'These are my notes, not a database.\n'.repeat(200));
    await assert.rejects(() => openStore(path), /is not a sitrep store/);
  } finally { done(); }
});

test('analyses() streams past one page of documents, in stored order; the file is in WAL mode', async () => {
  const { path, done } = tempPath();
  try {
    const store = await openStore(path);
    const many = Array.from({ length: 205 }, (_, i) => makeAnalysis({
      body: `Report number ${i} says nothing new.`, source: `n${i}.txt`, meta: {}, actors: [], mentions: [], events: [], quotes: [], frames: [],
    }));
    await store.saveAnalyses(many);
    assert.deepEqual((await collect(store.analyses())).map((a) => a.doc.source), many.map((a) => a.doc.source));
    assert.equal((await collect(store.documents())).length, 205);
    await store.close();
    const db = new Database(path);
    assert.equal(db.pragma('journal_mode', { simple: true }), 'wal');
    db.close();
  } finally { done(); }
});
