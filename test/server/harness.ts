// Shared by the API tests: a server over a real store on a random loopback port, the fixture
// corpus stored and linked in it, plain HTTP helpers, and the list of databases to run against
// (SQLite always; PostgreSQL on a throw-away server when its binaries are installed).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { request } from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { collect, openStore, type Store } from '../../src/store/index.ts';
import { linkAnalyses } from '../../src/link/index.ts';
import { createServer, startServer, type ServerOptions } from '../../src/server/index.ts';
import type { Analysis, Claim } from '../../src/model/types.ts';
import { corpus } from '../store/fixture.ts';
import { postgresUnavailable, requirePostgres, startPostgres, type PostgresServer } from '../store/postgres.ts';

export interface Api { url: string; port: number; app: FastifyInstance; store: Store; close(): Promise<void> }

/** Starts the API over this store on 127.0.0.1, on a port the system picks. */
export async function startApi(store: Store, options: Omit<ServerOptions, 'store'> = {}): Promise<Api> {
  const app = await createServer({ store, ...options });
  const url = await startServer(app, '127.0.0.1', 0);
  return { url, port: Number(new URL(url).port), app, store, close: () => app.close() };
}

/** A claim over the sentence that holds `words`, as the claims stage would code it. */
function claim(a: Analysis, words: string, holder: string, about: string[], hedge: number, cues: string[]): Claim {
  const at = a.doc.body.indexOf(words);
  const s = a.sentences.find((x) => x.start <= at && at < x.end)!;
  return { start: s.start, end: s.end, text: a.doc.body.slice(s.start, s.end), holder, about, hedge, cues };
}

/** The store fixture's three reports, with claims added so that the claim filters have something to find. */
export function apiCorpus(): Analysis[] {
  const [a, b, c] = corpus();
  a.claims = [claim(a, 'Such a', 'author', ['state:RUS'], 0.6, ['would'])];
  b.claims = [claim(b, 'Meanwhile Russia', 'author', ['state:RUS'], 0, []), claim(b, 'Lithuania expelled', 'state:LTU', ['state:LTU', 'state:RUS'], 0.2, [])];
  return [a, b, c];
}

/** Stores the corpus and links it, as `sitrep analyze` leaves a store. */
export async function fillStore(store: Store, analyses = apiCorpus()): Promise<Store> {
  await store.saveAnalyses(analyses);
  await store.saveLinks(linkAnalyses(await collect(store.analyses())));
  return store;
}

export interface Reply { status: number; headers: Headers; text: string; json: any }

export async function get(url: string, path: string, headers: Record<string, string> = {}): Promise<Reply> {
  const r = await fetch(url + path, { headers });
  const text = await r.text();
  let json: unknown;
  try { json = JSON.parse(text); } catch { json = undefined; }
  return { status: r.status, headers: r.headers, text, json };
}

export async function post(url: string, path: string, body: unknown, headers: Record<string, string> = {}): Promise<Reply> {
  const raw = typeof body === 'string';
  const r = await fetch(url + path, {
    method: 'POST', body: raw ? body : JSON.stringify(body),
    headers: { 'content-type': raw ? 'text/plain' : 'application/json', ...headers },
  });
  const text = await r.text();
  let json: unknown;
  try { json = JSON.parse(text); } catch { json = undefined; }
  return { status: r.status, headers: r.headers, text, json };
}

/** A GET whose path goes out exactly as written (fetch would resolve '..' first). */
export function rawGet(port: number, path: string): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, method: 'GET' }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (c) => { text += c; });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
    });
    req.on('error', reject);
    req.end();
  });
}

/** Follows `next` from the first page to the last; every item of every page, in order. */
export async function allPages(url: string, path: string, key: (item: any) => string = (x) => x.id): Promise<{ keys: string[]; pages: number }> {
  const keys: string[] = [];
  let pages = 0;
  let next: string | null = null;
  do {
    const sep = path.includes('?') ? '&' : '?';
    const r = await get(url, next ? `${path}${sep}cursor=${encodeURIComponent(next)}` : path);
    assert.equal(r.status, 200, r.text);
    pages++;
    keys.push(...r.json.items.map(key));
    next = r.json.next;
    if (next) assert.match(r.headers.get('link') ?? '', /rel="next"/);
    else assert.equal(r.headers.get('link'), null);
    assert.ok(pages < 1000, 'paging does not end');
  } while (next);
  return { keys, pages };
}

export interface Backend {
  name: 'sqlite' | 'postgres';
  /** A new, empty store's file or URL. */
  target(): Promise<string>;
  /** Opens that store, or a new one. */
  open(target?: string): Promise<Store>;
}

/** Runs the suite on a fresh SQLite file, and on PostgreSQL when it can be started here. */
export function eachDatabase(suite: (b: Backend) => void): void {
  describe('sqlite', () => {
    let dir = '';
    let n = 0;
    before(() => { dir = mkdtempSync(join(tmpdir(), 'sitrep-api-')); });
    after(() => rmSync(dir, { recursive: true, force: true }));
    const target = async () => join(dir, `api-${++n}.db`);
    // A nested suite: its own after hooks (closing stores) run before this one's.
    describe('api', () => suite({ name: 'sqlite', target, open: async (t) => openStore(t ?? await target()) }));
  });
  const missing = postgresUnavailable();
  if (missing && requirePostgres) {
    test('postgres: a PostgreSQL server is required (SITREP_REQUIRE_POSTGRES=1)', () => assert.fail(missing));
    return;
  }
  describe('postgres', { skip: missing ? `skipped: ${missing}` : false }, () => {
    let server: PostgresServer | undefined;
    before(async () => { server = await startPostgres(); }, { timeout: 60_000 });
    after(async () => { await server?.stop(); });
    const target = () => server!.createDatabase();
    describe('api', () => suite({ name: 'postgres', target, open: async (t) => openStore(t ?? await target()) }));
  });
}
