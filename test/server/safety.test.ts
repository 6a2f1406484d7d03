// What the server refuses and what it never does: writing without a configured token, bodies
// and batches over the limits, input that fails its schema (the error names the field), reading
// the server's disk through a path or a file: URL, CORS unless configured. And its description.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { openStore } from '../../src/store/index.ts';
import { fillStore, get, post, rawGet, startApi, type Api } from './harness.ts';

const TOKEN = 's3cret-token';
const auth = { authorization: `Bearer ${TOKEN}` };
const NEWS = 'Latvia and Estonia agreed on Monday to build a joint ammunition depot near Valga, officials said.';

describe('a server with no token configured', () => {
  let api: Api;
  before(async () => { api = await startApi(await fillStore(await openStore(':memory:'))); });
  after(async () => { await api.close(); await api.store.close(); });

  test('refuses every write, saying how to allow it', async () => {
    for (const headers of [{}, auth]) {
      const r = await post(api.url, '/documents', { text: NEWS }, headers);
      assert.equal(r.status, 403);
      assert.match(r.json.error, /SITREP_TOKEN/);
    }
    assert.equal((await get(api.url, '/health')).json.counts.documents, 3);
  });

  test('sends no CORS headers, and answers no preflight', async () => {
    const r = await get(api.url, '/events', { origin: 'https://evil.example' });
    assert.equal(r.status, 200);
    assert.equal(r.headers.get('access-control-allow-origin'), null);
    const pre = await fetch(`${api.url}/events`, { method: 'OPTIONS', headers: { origin: 'https://evil.example', 'access-control-request-method': 'GET' } });
    assert.equal(pre.headers.get('access-control-allow-origin'), null);
  });

  test('no path reads the server disk', async () => {
    for (const path of [
      '/documents/../../etc/passwd', '/documents/..%2F..%2F..%2Fetc%2Fpasswd', '/documents/%2e%2e%2f%2e%2e%2fetc%2fpasswd',
      '/documents/file:%2F%2F%2Fetc%2Fpasswd', '/docs/static/../../../../../../etc/passwd', '/docs/static/..%2F..%2F..%2F..%2F..%2Fetc%2Fpasswd',
      '/../../../etc/passwd', '/events/..%2F..%2Fpackage.json', '/docs/static/%2e%2e/%2e%2e/%2e%2e/package.json',
    ]) {
      const r = await rawGet(api.port, path);
      assert.ok(r.status >= 400, `${path}: ${r.status}`);
      assert.doesNotMatch(r.text, /root:|"name": ?"sitrep"|"dependencies"/, path);
    }
  });

  test('publishes OpenAPI 3 with every resource, and browsable docs', async () => {
    const r = await get(api.url, '/openapi.json');
    assert.equal(r.status, 200);
    assert.match(r.json.openapi, /^3\./);
    for (const p of ['/documents', '/documents/{id}', '/actors', '/actors/{id}', '/events', '/events/{id}', '/quotes', '/claims',
      '/storylines', '/storylines/{id}', '/outlets', '/dyads/{a}/{b}/series', '/search', '/health']) {
      assert.ok(r.json.paths[p]?.get, `GET ${p} described`);
    }
    const postDoc = r.json.paths['/documents'].post;
    assert.ok(postDoc.requestBody.content['application/json'] && postDoc.requestBody.content['text/plain']);
    assert.deepEqual(postDoc.security, [{ bearer: [] }]);
    assert.ok(r.json.paths['/events'].get.parameters.some((p: { name: string }) => p.name === 'dyad'));
    assert.ok(r.json.components.schemas.Event || JSON.stringify(r.json).includes('"trigger"'));
    const docs = await get(api.url, '/docs');
    assert.equal(docs.status, 200);
    assert.match(docs.text, /swagger/i);
  });
});

describe('a server with a token, small limits and one allowed origin', () => {
  let api: Api;
  before(async () => {
    api = await startApi(await openStore(':memory:'), { token: TOKEN, bodyLimit: 4096, batchLimit: 2, cors: ['https://app.example'] });
  });
  after(async () => { await api.close(); await api.store.close(); });

  test('a body over the limit is refused with 413, as JSON or raw text', async () => {
    const long = NEWS.repeat(60);
    const json = await post(api.url, '/documents', { text: long }, auth);
    assert.equal(json.status, 413);
    assert.match(json.json.error, /too large/);
    const raw = await post(api.url, '/documents', long, auth);
    assert.equal(raw.status, 413);
    assert.equal((await get(api.url, '/health')).json.counts.documents, 0);
  });

  test('a batch over the limit is refused with 413; an empty one with 400', async () => {
    const r = await post(api.url, '/documents', [{ text: NEWS }, { text: NEWS + ' Again.' }, { text: NEWS + ' Thrice.' }], auth);
    assert.equal(r.status, 413);
    assert.equal(r.json.field, 'body');
    assert.match(r.json.error, /at most 2/);
    const empty = await post(api.url, '/documents', [], auth);
    assert.equal(empty.status, 400);
    assert.equal(empty.json.field, 'body');
  });

  test('input that fails the schema is refused with 400 naming the field', async () => {
    const cases: [unknown, string, string?][] = [
      [{ text: '' }, 'text'],
      [{ title: 'No text' }, 'text'],
      [{ text: NEWS, published: 'last Monday' }, 'published'],
      [{ text: NEWS, format: 'pdf' }, 'format'],
      [{ text: NEWS, colour: 'red' }, 'colour'],
      [{ text: 42 }, 'text'],
      [[{ text: NEWS }, { title: 'x' }], '[1].text'],
      [{ text: NEWS, url: 'file:///etc/passwd' }, 'url'],
      [{ text: NEWS }, 'published', '?published=2025-13'],
      ['{"text": ', 'body', ''],
    ];
    for (const [body, field, query] of cases) {
      const raw = typeof body === 'string';
      const r = raw
        ? await fetch(`${api.url}/documents`, { method: 'POST', body, headers: { ...auth, 'content-type': 'application/json' } }).then(async (x) => ({ status: x.status, json: await x.json() }))
        : await post(api.url, `/documents${query ?? ''}`, body, auth);
      assert.equal(r.status, 400, JSON.stringify([body, r.json]));
      if (field !== 'body' || !raw) assert.equal(r.json.field, field, JSON.stringify(r.json));
      assert.equal(typeof r.json.error, 'string');
    }
    const xml = await post(api.url, '/documents', '<doc/>', { ...auth, 'content-type': 'application/xml' });
    assert.equal(xml.status, 415);
    assert.equal((await get(api.url, '/health')).json.counts.documents, 0);
  });

  test('a file: URL or a path given as text is only text: nothing is read from disk', async () => {
    const r = await post(api.url, '/documents', 'file:///etc/passwd', { ...auth, 'content-type': 'text/plain' });
    assert.ok(r.status === 201 || r.status === 422, r.text);
    assert.doesNotMatch(r.text, /root:/);
    if (r.status === 201) {
      const doc = await get(api.url, `/documents/${r.json.documents[0].id}`);
      assert.equal(doc.json.body.trim(), 'file:///etc/passwd');
    }
    const q = await post(api.url, '/documents?url=file:///etc/passwd', NEWS, { ...auth, 'content-type': 'text/plain' });
    assert.equal(q.status, 400);
    assert.equal(q.json.field, 'url');
  });

  test('CORS answers the configured origin only', async () => {
    const ok = await get(api.url, '/events', { origin: 'https://app.example' });
    assert.equal(ok.headers.get('access-control-allow-origin'), 'https://app.example');
    const other = await get(api.url, '/events', { origin: 'https://evil.example' });
    assert.equal(other.headers.get('access-control-allow-origin'), null);
    const pre = await fetch(`${api.url}/documents`, { method: 'OPTIONS', headers: { origin: 'https://app.example', 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization,content-type' } });
    assert.ok(pre.status === 204 || pre.status === 200);
    assert.equal(pre.headers.get('access-control-allow-origin'), 'https://app.example');
    assert.match(pre.headers.get('access-control-allow-methods') ?? '', /POST/);
  });
});
