// The store's contract for whole records, on every database (see backends.ts).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { collect, openStore } from '../../src/store/index.ts';
import { corpus, docA, docB, makeAnalysis } from './fixture.ts';
import { eachBackend } from './backends.ts';

eachBackend((b) => {
  test('an analysis reads back equal to the one saved', async () => {
    const store = await b.open();
    const list = corpus();
    assert.equal(await store.saveAnalyses(list), 3);
    for (const a of list) {
      const back = await store.getAnalysis(a.doc.id);
      assert.ok(back, 'stored analysis found');
      assert.deepEqual(back, a);
    }
    assert.equal(await store.getAnalysis('nope'), undefined);
    assert.equal(store.dialect, b.name);
    await store.close();
  });

  test('saving the same documents again changes nothing; a reopened store keeps them', async () => {
    const target = await b.target();
    const store = await openStore(target);
    await store.saveAnalyses([docA()]);
    const before = await store.counts();
    assert.equal(await store.saveAnalyses([docA(), docA()]), 0);
    assert.deepEqual(await store.counts(), before);
    assert.equal(await store.saveAnalyses([docA(), docB(), docB()]), 1);
    assert.equal((await store.counts()).documents, 2);
    await store.close();
    const again = await openStore(target);
    assert.ok(await again.hasDocument(docA().doc.id));
    assert.equal(await again.hasDocument('0000000000000000'), false);
    assert.deepEqual((await collect(again.documents())).map((d) => d.source), ['a.txt', 'feed.jsonl:2']);
    await again.close();
  });

  test('counts, actors, events and streamed analyses', async () => {
    const store = await b.open();
    const list = corpus();
    await store.saveAnalyses(list);
    assert.deepEqual(await store.counts(), { documents: 3, actors: 10, events: 7, quotes: 4, frames: 3 });
    assert.equal((await store.actor('state:POL'))?.name, 'Poland');
    assert.equal(await store.actor('state:XXX'), undefined);
    assert.deepEqual((await store.findActors('warsaw')).map((a) => a.id), ['state:POL']);
    assert.deepEqual((await store.findActors('POL')).map((a) => a.id), ['state:POL']);
    assert.deepEqual((await store.findActors('pol')).map((a) => a.id), ['state:POL'], 'codes in any case');
    assert.deepEqual((await store.findActors('ivan marchenko')).map((a) => a.id), ['new:person:ivan-marchenko']);
    const ev = list[1].events[1];
    assert.deepEqual(await store.event(ev.id), { event: ev, doc: list[1].doc.id });
    assert.equal(await store.event('x:e1'), undefined);
    assert.deepEqual(await store.actorDocuments(['new:person:ivan-marchenka', 'new:person:ivan-marchenko']), [list[0].doc.id, list[1].doc.id]);
    assert.deepEqual(await store.actorDocuments(['state:JPN']), [list[2].doc.id]);
    assert.deepEqual(await store.actorDocuments([]), []);
    assert.deepEqual((await store.findActors('Ivan Marchenka')).map((a) => a.id), ['new:person:ivan-marchenka'], 'an exact name wins');
    assert.deepEqual((await store.findActors('Marczenko')).map((a) => a.id).sort(), ['new:person:ivan-marchenka', 'new:person:ivan-marchenko'], 'a surname in another spelling');
    assert.deepEqual((await collect(store.analyses())).map((a) => a.doc.id), list.map((a) => a.doc.id));
    await store.close();
  });

  test('an actor seen again keeps every alias and takes the latest fields', async () => {
    const store = await b.open();
    const first = makeAnalysis({
      body: 'Kyiv spoke first.', source: 'k1.txt', meta: {}, mentions: [], events: [], quotes: [], frames: [],
      actors: [{ id: 'state:UKR', name: 'Ukraine', kind: 'state', code: 'UKR', aliases: ['Kyiv'] }],
    });
    const second = makeAnalysis({
      body: 'Kiev spoke again.', source: 'k2.txt', meta: {}, mentions: [], events: [], quotes: [], frames: [],
      actors: [{ id: 'state:UKR', name: 'Ukraine', kind: 'state', code: 'UKR', aliases: ['Kiev'], country: 'UKR' }],
    });
    await store.saveAnalyses([first]);
    await store.saveAnalyses([second]);
    const ukr = await store.actor('state:UKR');
    assert.deepEqual(ukr?.aliases, ['Kyiv', 'Kiev']);
    assert.equal(ukr?.country, 'UKR');
    assert.deepEqual((await store.findActors('kiev')).map((a) => a.id), ['state:UKR']);
    assert.deepEqual((await store.findActors('Kyiv')).map((a) => a.id), ['state:UKR']);
    await store.close();
  });

  test('links are replaced as a whole and read back', async () => {
    const store = await b.open();
    const links = {
      sameActor: { 'new:person:b': 'new:person:a' },
      sameEvent: [{ id: 'g1', events: [{ doc: 'd1', event: 'd1:e1' }, { doc: 'd2', event: 'd2:e4' }] }],
      storylines: [{ id: 's1', label: 'base: Poland, United States', events: [{ doc: 'd1', event: 'd1:e1' }], actors: ['state:POL'] }],
    };
    await store.saveLinks({ sameActor: { x: 'y' }, sameEvent: [], storylines: [{ id: 's0', label: 'old', events: [], actors: [] }] });
    await store.saveLinks(links);
    assert.deepEqual(await store.links(), links);
    assert.deepEqual(await store.storylines(), links.storylines);
    await store.close();
  });

  test('a store written by a newer sitrep is refused with a clear message', async () => {
    const target = await b.target();
    await (await openStore(target)).close();
    await b.exec(target, 'INSERT INTO schema_version (version) VALUES (99)');
    await assert.rejects(() => openStore(target), /schema version 99.*newer sitrep/);
  });

  test('search columns generated by PostgreSQL in older stores become written ones, and stored texts stay searchable', { skip: b.name !== 'postgres' && 'PostgreSQL only' }, async () => {
    const target = await b.target();
    const store = await openStore(target);
    await store.saveAnalyses([makeAnalysis({
      body: 'Alaksandr Łukašenka met the visitors in Minsk. "We keep our word," he said.', source: 'old.txt', meta: { title: 'Talks in Minsk' },
      actors: [], mentions: [], events: [], quotes: [{ text: 'We keep our word,' }], frames: [],
    })]);
    await store.close();
    // the store as migration 14 left it: generated columns that fold with translate()
    const { MIGRATIONS } = await import('../../src/store/schema.ts');
    const { foldSql } = await import('../../src/store/dialect/fold.ts');
    await b.exec(target, `ALTER TABLE documents DROP COLUMN search_tsv;
      ALTER TABLE documents ADD COLUMN search_tsv tsvector GENERATED ALWAYS AS (to_tsvector('english'::regconfig, ${foldSql(`COALESCE(title, '') || ' ' || body`)})) STORED;
      ALTER TABLE quotes DROP COLUMN search_tsv;
      ALTER TABLE quotes ADD COLUMN search_tsv tsvector GENERATED ALWAYS AS (to_tsvector('english'::regconfig, ${foldSql('text')})) STORED;
      DELETE FROM schema_version WHERE version = ${MIGRATIONS.length};`);
    const again = await openStore(target);
    await again.saveAnalyses([makeAnalysis({
      body: 'Lukasenka spoke again on Friday.', source: 'new.txt', meta: {}, actors: [], mentions: [], events: [], quotes: [], frames: [],
    })]);
    const docs = (await again.search('Łukašenka', { kinds: ['document'] })).map((h) => h.doc ?? h.id);
    assert.equal(new Set(docs).size, 2, 'the document stored before the upgrade and the one after are both found');
    assert.equal((await again.search('keep word', { kinds: ['quote'] })).length, 1, 'the quote stored before is found');
    await again.close();
  });

  test('analyses() streams past one page of documents, in stored order', async () => {
    const store = await b.open();
    const many = Array.from({ length: 205 }, (_, i) => makeAnalysis({
      body: `Report number ${i} says nothing new.`, source: `n${i}.txt`, meta: {}, actors: [], mentions: [], events: [], quotes: [], frames: [],
    }));
    await store.saveAnalyses(many);
    assert.deepEqual((await collect(store.analyses())).map((a) => a.doc.source), many.map((a) => a.doc.source));
    assert.equal((await collect(store.documents())).length, 205);
    await store.close();
  });
});

// What only an SQLite file can show.

function tempPath(): { path: string; done: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'sitrep-store-'));
  return { path: join(dir, 'store.db'), done: () => rmSync(dir, { recursive: true, force: true }) };
}

test('sqlite: a file that is not a store is refused with a clear message', async () => {
  const { path, done } = tempPath();
  try {
    writeFileSync(path, 'These are my notes, not a database.\n'.repeat(200));
    await assert.rejects(() => openStore(path), /is not a sitrep store/);
  } finally { done(); }
});

test('sqlite: the file is in WAL mode, so readers never wait for the writer', async () => {
  const { path, done } = tempPath();
  try {
    await (await openStore(path)).close();
    const db = new Database(path);
    assert.equal(db.pragma('journal_mode', { simple: true }), 'wal');
    db.close();
  } finally { done(); }
});

test('sqlite: a store file of schema version 2 is upgraded, its documents searchable', async () => {
  const { path, done } = tempPath();
  try {
    // schema 2 as sitrep wrote it before full-text search: the first two migrations, one document
    const { MIGRATIONS, SCHEMA_VERSION } = await import('../../src/store/schema.ts');
    const db = new Database(path);
    db.exec('CREATE TABLE schema_version (version INTEGER NOT NULL)');
    for (const m of MIGRATIONS.slice(0, 2)) for (const s of m.common) db.exec(s);
    db.exec('INSERT INTO schema_version VALUES (1), (2)');
    db.prepare(`INSERT INTO documents (id, source, body, meta, dropped, title, position) VALUES ('d1', 'old.txt', ?, '{}', '[]', 'Old news', 1)`)
      .run('Estonia and Finland signed a pact on undersea cables.');
    db.prepare(`INSERT INTO quotes (doc_id, idx, span_start, span_end, text, kind) VALUES ('d1', 0, 0, 8, 'cables matter', 'direct')`).run();
    db.close();
    const store = await openStore(path);
    assert.deepEqual((await store.search('undersea cable')).map((h) => [h.kind, h.id]), [['document', 'd1']]);
    assert.deepEqual((await store.search('matters', { kinds: ['quote'] })).map((h) => [h.kind, h.id]), [['quote', 'd1:q0']]);
    await store.close();
    const raw = new Database(path);
    assert.equal((raw.prepare('SELECT MAX(version) AS v FROM schema_version').get() as { v: number }).v, SCHEMA_VERSION);
    raw.close();
  } finally { done(); }
});

test('a store that cannot be opened is named in the error, a password never', async () => {
  await assert.rejects(() => openStore('postgresql://analyst:hunter2@127.0.0.1:1/sitrep'),
    (err: Error) => /cannot open the store postgresql:\/\/analyst:\*\*\*@127\.0\.0\.1:1\/sitrep/.test(err.message) && !err.message.includes('hunter2'));
  await assert.rejects(() => openStore(join(tmpdir(), 'no-such-folder-for-sitrep', 'x.db')), /cannot open the store .*no-such-folder-for-sitrep/);
});
