// POST /documents over real HTTP, on each database: the token, JSON and raw text, batches with a
// bad document, documents already stored, a failing batch that stores nothing, and reads that
// see a batch entirely or not at all while it is being ingested.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createPipeline, type Pipeline } from '../../src/pipeline/index.ts';
import type { Event } from '../../src/model/types.ts';
import { collect } from '../../src/store/index.ts';
import { linkAnalyses } from '../../src/link/index.ts';
import { eachDatabase, get, post, startApi, type Api } from './harness.ts';

const examples = new URL('../../examples/', import.meta.url);
const example = (name: string) => readFileSync(new URL(name, examples), 'utf8');
/** The wire briefs, one document per JSONL line. */
const briefs = example('04-wire-briefs.jsonl').trim().split('\n').map((l) => JSON.parse(l) as { text: string; title?: string; outlet?: string; published?: string; url?: string });

const TOKEN = 'test-token-7f3a';
const auth = { authorization: `Bearer ${TOKEN}` };

/** The real pipeline, except that a text asking for it is made to fail (analysis or storage). */
function testPipeline(): Pipeline {
  const real = createPipeline();
  return {
    ctx: real.ctx,
    analyze(doc) {
      if (doc.body.includes('BREAKS THE PIPELINE')) throw new Error('the pipeline broke on purpose');
      const a = real.analyze(doc);
      if (doc.body.includes('BREAKS THE STORE')) {
        // An event with no type: the database refuses it in the middle of the batch's transaction.
        a.events.push({ ...(a.events[0] ?? {}), id: `${doc.id}:bad`, start: 0, end: 1, type: null as unknown as Event['type'], modality: 'asserted', confidence: 1, via: 'test', trigger: { start: 0, end: 1, text: 'x' } });
      }
      return a;
    },
  };
}

eachDatabase((db) => {
  let api: Api;
  before(async () => {
    const target = await db.target();
    // storeTarget: the links are rebuilt in a worker thread over its own connection, as `sitrep serve` does
    api = await startApi(await db.open(target), { token: TOKEN, pipeline: testPipeline, batchLimit: 20, storeTarget: target });
  });
  after(async () => { await api.close(); await api.store.close(); });
  const count = async () => (await get(api.url, '/health')).json.counts.documents as number;

  test(`${db.name}: writing needs the right bearer token; reading does not`, async () => {
    const doc = { text: 'Estonia and Latvia agreed on Friday to share radar data, the two defence ministries said.' };
    assert.equal((await post(api.url, '/documents', doc)).status, 401);
    const wrong = await post(api.url, '/documents', doc, { authorization: 'Bearer not-the-token' });
    assert.equal(wrong.status, 401);
    assert.equal(wrong.json.field, 'authorization');
    assert.equal((await post(api.url, '/documents', doc, { authorization: `Basic ${TOKEN}` })).status, 401);
    assert.equal(await count(), 0, 'nothing stored without the token');
    const right = await post(api.url, '/documents', doc, auth);
    assert.equal(right.status, 201, right.text);
    assert.equal((await get(api.url, '/documents')).status, 200);
  });

  test(`${db.name}: one JSON document: stored, what was extracted returned, then reported unchanged`, async () => {
    const before = await count();
    const r = await post(api.url, '/documents', { ...briefs[0], format: 'txt' }, auth);
    assert.equal(r.status, 201, r.text);
    assert.equal(r.json.stored, 1);
    const d = r.json.documents[0];
    assert.equal(d.status, 'stored');
    assert.equal(d.meta.title, briefs[0].title);
    assert.equal(d.meta.outlet, briefs[0].outlet);
    assert.equal(d.counts.events, d.events.length);
    assert.ok(d.counts.actors > 0 && d.actors.length === d.counts.actors);
    assert.ok(d.events.every((e: Event) => typeof e.via === 'string' && e.type));
    const stored = await get(api.url, `/documents/${d.id}`);
    assert.equal(stored.status, 200);
    assert.equal(stored.json.events.length, d.counts.events);
    assert.equal(stored.json.meta.url, briefs[0].url);
    assert.equal(await count(), before + 1);
    const again = await post(api.url, '/documents', briefs[0], auth);
    assert.equal(again.status, 200);
    assert.deepEqual([again.json.stored, again.json.unchanged], [0, 1]);
    assert.equal(again.json.documents[0].id, d.id);
  });

  test(`${db.name}: raw markdown and HTML with metadata in the query string`, async () => {
    const md = await post(api.url, '/documents?outlet=Test%20Wire&published=2024-03-16', example('01-vilnius-border-talks.md'), { ...auth, 'content-type': 'text/markdown' });
    assert.equal(md.status, 201, md.text);
    const m = md.json.documents[0];
    assert.equal(m.meta.outlet, 'Test Wire', 'query metadata wins over the front matter');
    assert.equal(m.meta.published, '2024-03-16');
    assert.ok(m.counts.quotes > 0, 'the quote in the example is found');
    const html = await post(api.url, '/documents', example('03-brest-consultations.html'), { ...auth, 'content-type': 'text/html; charset=utf-8' });
    assert.equal(html.status, 201, html.text);
    const body = (await get(api.url, `/documents/${html.json.documents[0].id}`)).json.body as string;
    assert.ok(!/<[a-z]+[\s>]/i.test(body), 'markup removed from the body');
  });

  test(`${db.name}: a batch: the bad document reported with its error, the others stored, re-linked`, async () => {
    const before = await count();
    const r = await post(api.url, '/documents', [
      briefs[1], { text: '   \n  ' }, { text: 'Poland BREAKS THE PIPELINE today.' }, { text: example('05-analysis-corridor.md'), format: 'md' },
    ], auth);
    assert.equal(r.status, 201, r.text);
    assert.deepEqual(r.json.documents.map((d: { status: string }) => d.status), ['stored', 'error', 'error', 'stored']);
    assert.match(r.json.documents[1].error, /empty/);
    assert.match(r.json.documents[2].error, /broke on purpose/);
    assert.deepEqual([r.json.stored, r.json.failed], [2, 2]);
    assert.equal(await count(), before + 2);
    assert.equal((await get(api.url, `/documents/${r.json.documents[2].id}`)).status, 404, 'the failed one is not stored');
    const all = await post(api.url, '/documents', [{ text: ' ' }], auth);
    assert.equal(all.status, 422);
    assert.equal(all.json.failed, 1);
  });

  test(`${db.name}: a batch the store refuses midway leaves no document of it stored`, async () => {
    const before = await count();
    const good = { text: 'Norway and Finland signed a border security accord in Oslo on Tuesday.' };
    const bad = { text: 'Finland BREAKS THE STORE when Norway signed a border security accord in Oslo.' };
    const r = await post(api.url, '/documents', [good, bad], auth);
    assert.equal(r.status, 500, r.text);
    assert.deepEqual(Object.keys(r.json), ['error']);
    assert.equal(await count(), before);
    const list = await get(api.url, '/documents?q=Oslo');
    assert.deepEqual(list.json.items, []);
    const retry = await post(api.url, '/documents', [good], auth);
    assert.equal(retry.status, 201, 'the server goes on after a failed batch');
  });

  test(`${db.name}: links are rebuilt after an ingest, in the background or before answering with wait=true`, async () => {
    const first = await post(api.url, '/documents', { text: 'Poland and Germany held talks in Berlin on 3 June 2025 about air defence.', published: '2025-06-04' }, auth);
    assert.equal(first.status, 201, first.text);
    assert.ok(['updating', 'current'].includes(first.json.links));
    const health = await get(api.url, '/health');
    assert.equal(health.status, 200, 'reads are answered while links are rebuilt');
    const r = await post(api.url, '/documents?wait=true', [
      { text: 'Poland and Germany agreed on 5 June 2025 to buy air-defence systems together, the ministers said.', published: '2025-06-05' },
    ], auth);
    assert.equal(r.status, 201, r.text);
    assert.equal(r.json.links, 'current', JSON.stringify((await get(api.url, '/health')).json.links));
    const after = await get(api.url, '/health');
    assert.equal(after.json.links.state, 'current');
    assert.ok(after.json.links.updated);
    // The saved links are those of everything stored, this batch included.
    const expected = linkAnalyses(await collect(api.store.analyses()));
    const stored = await api.store.links();
    assert.deepEqual(stored.sameActor, expected.sameActor);
    assert.deepEqual(stored.storylines.map((x) => x.events.length).sort(), expected.storylines.map((x) => x.events.length).sort());
    assert.equal(stored.sameEvent.length, expected.sameEvent.length);
  });

  test(`${db.name}: reads during a batch ingest see the whole batch or none of it`, async () => {
    const docs = (await get(api.url, '/documents?limit=500')).json.items as { id: string }[];
    const beforeIds = docs.map((d) => d.id).sort();
    const batch = [...briefs.slice(2), { text: example('02-kaliningrad-drills.txt') }, ...[1, 2, 3].map((n) => ({ ...briefs[0], text: `${briefs[0].text}\n\nUpdate ${n}: officials confirmed the talks would continue.` }))];
    let done = false;
    const ingest = post(api.url, '/documents', batch, auth).finally(() => { done = true; });
    const seen = new Set<string>();
    let reads = 0;
    while (!done) {
      const [list, health] = await Promise.all([get(api.url, '/documents?limit=500'), get(api.url, '/health')]);
      reads++;
      const ids = list.json.items.map((d: { id: string }) => d.id).sort() as string[];
      seen.add(ids.join());
      assert.ok(ids.length === beforeIds.length || ids.length === beforeIds.length + batch.length, `a read saw ${ids.length - beforeIds.length} of ${batch.length} new documents`);
      assert.ok([beforeIds.length, beforeIds.length + batch.length].includes(health.json.counts.documents));
      for (const d of list.json.items as { id: string; events: number }[]) {
        if (beforeIds.includes(d.id)) continue;
        const full = await get(api.url, `/documents/${d.id}`);
        assert.equal(full.json.events.length, d.events, 'a listed document is whole');
      }
    }
    const r = await ingest;
    assert.equal(r.status, 201, r.text);
    assert.equal(r.json.stored, batch.length);
    assert.ok(reads >= 1);
    if (process.env.SITREP_TEST_VERBOSE) console.log(`${db.name}: ${reads} reads during the ingest, ${seen.size} states seen`);
    const after = (await get(api.url, '/documents?limit=500')).json.items.length;
    assert.equal(after, beforeIds.length + batch.length);
  });
});
