// The routes the web app adds to the API: the actor network under the event filters, one
// storyline compared across outlets, and the app's own page and files.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Fastify from 'fastify';
import { openStore } from '../../src/store/index.ts';
import { webRoutes } from '../../src/server/routes/web.ts';
import { eachDatabase, fillStore, get, startApi, type Api } from './harness.ts';

eachDatabase((db) => {
  let api: Api;
  before(async () => { api = await startApi(await fillStore(await db.open())); });
  after(async () => { await api.close(); await api.store.close(); });

  test('the network: one edge per pair in either direction, scored on asserted events only', async () => {
    const r = await get(api.url, '/network');
    assert.equal(r.status, 200, r.text);
    const ids = r.json.nodes.map((n: { id: string }) => n.id);
    for (const id of ['state:POL', 'state:USA', 'state:RUS', 'state:LTU', 'state:JPN', 'state:AUS']) assert.ok(ids.includes(id), id);
    const edge = (a: string, b: string) => r.json.edges.find((e: { a: string; b: string }) => e.a === a && e.b === b);
    assert.deepEqual(edge('state:LTU', 'state:RUS'), { a: 'state:LTU', b: 'state:RUS', events: 1, asserted: 1, cooperative: 0, conflictual: 1, meanGoldstein: -4 });
    const pacific = edge('state:AUS', 'state:JPN');
    assert.equal(pacific.events, 2);
    assert.equal(pacific.asserted, 1, 'the predicted exercise has not happened');
    assert.equal(pacific.meanGoldstein, 1);
    assert.equal(edge('state:POL', 'state:USA').events, 2, 'Warsaw offered, Poland negotiates: both directions of one pair');
    assert.equal(r.json.eventsCounted, 7);
    assert.equal(r.json.eventsTruncated, false);
    assert.equal(r.json.nodes.find((n: { id: string }) => n.id === 'state:POL').name, 'Poland');
  });

  test('the network follows the event filters and keeps the busiest actors', async () => {
    const predicted = await get(api.url, '/network?modality=predicted');
    assert.deepEqual(predicted.json.edges.map((e: { a: string; b: string; meanGoldstein: number | null }) => [e.a, e.b, e.meanGoldstein]), [['state:AUS', 'state:JPN', null]]);
    const march = await get(api.url, '/network?since=2025-03&outlet=Eastern%20Flank%20Review');
    assert.deepEqual(march.json.edges.map((e: { a: string; b: string }) => `${e.a}-${e.b}`).sort(), ['state:LTU-state:RUS', 'state:POL-state:USA']);
    const two = await get(api.url, '/network?nodes=2');
    assert.equal(two.json.nodes.length, 2);
    for (const e of two.json.edges) assert.ok(two.json.nodes.some((n: { id: string }) => n.id === e.a) && two.json.nodes.some((n: { id: string }) => n.id === e.b));
    const bad = await get(api.url, '/network?modality=rumoured');
    assert.equal(bad.status, 400);
    assert.match(bad.json.error, /modality/);
  });

  test('a storyline compared across the outlets that tell it', async () => {
    const stories = await get(api.url, '/storylines');
    const told = stories.json.items.find((s: { documents: number }) => s.documents > 1);
    assert.ok(told, 'the fixture has a storyline told by two documents');
    const r = await get(api.url, `/storylines/${encodeURIComponent(told.id)}/compare`);
    assert.equal(r.status, 200, r.text);
    assert.equal(r.json.storyline.id, told.id);
    assert.deepEqual(r.json.outlets.map((o: { outlet: string }) => o.outlet), ['Baltic Monitor', 'Eastern Flank Review']);
    for (const o of r.json.outlets) {
      assert.ok(o.events.length >= 1);
      assert.equal(typeof o.voice.sourcedShare, 'number');
    }
    assert.ok(r.json.summary.some((s: string) => s.startsWith('In contrast')));
    const missing = await get(api.url, '/storylines/story%3Anone/compare');
    assert.equal(missing.status, 404);
    assert.match(missing.json.error, /story:none/);
  });
});

test('the web app: its page with a strict content policy, its files, and nothing beside them', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'sitrep-web-route-'));
  try {
    const dist = join(dir, 'dist') + '/';
    mkdirSync(dist);
    writeFileSync(join(dist, 'index.html'), '<!doctype html><title>app</title>');
    writeFileSync(join(dist, 'app.js'), 'export {};');
    writeFileSync(join(dir, 'secret.txt'), 'not to be served');
    const app = Fastify();
    await webRoutes(app, dist);
    const page = await app.inject('/');
    assert.equal(page.statusCode, 200);
    assert.match(page.headers['content-type'] as string, /text\/html/);
    assert.match(page.headers['content-security-policy'] as string, /script-src 'self'/);
    assert.equal(page.body, '<!doctype html><title>app</title>');
    assert.equal((await app.inject('/app/app.js')).body, 'export {};');
    for (const path of ['/app/../secret.txt', '/app/%2e%2e/secret.txt', '/secret.txt']) assert.notEqual((await app.inject(path)).body, 'not to be served', path);
    await app.close();
    // Not built: the page says how to build it.
    const bare = Fastify();
    await webRoutes(bare, join(dir, 'none') + '/');
    const r = await bare.inject('/');
    assert.equal(r.statusCode, 503);
    assert.match(r.body, /npm install/);
    await bare.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('sitrep serve serves the built app at /', async () => {
  const store = await openStore(':memory:');
  const api = await startApi(store);
  try {
    const page = await get(api.url, '/');
    assert.equal(page.status, 200, 'npm install builds the app (npm run build:web)');
    assert.match(page.text, /<script type="module" src="\/app\/app.js">/);
    assert.equal((await get(api.url, '/app/app.js')).status, 200);
    assert.equal((await get(api.url, '/health')).status, 200, 'the API is still there');
  } finally {
    await api.close();
    await store.close();
  }
});
