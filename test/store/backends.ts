// Runs one test suite against every database the store supports: SQLite always, PostgreSQL on a
// throw-away server when its binaries are installed. Without them the PostgreSQL variant is
// skipped with a message, or fails when SITREP_REQUIRE_POSTGRES=1 (CI).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { openStore, type Store } from '../../src/store/index.ts';
import { postgresUnavailable, requirePostgres, startPostgres, type PostgresServer } from './postgres.ts';

export interface Backend {
  name: 'sqlite' | 'postgres';
  /** A new, empty store's target: an SQLite file path or a PostgreSQL URL. */
  target(): Promise<string>;
  /** A new, empty store, opened. */
  open(): Promise<Store>;
  /** Runs SQL on a target outside the store (to fake an old or newer store). */
  exec(target: string, statement: string): Promise<void>;
}

export function eachBackend(suite: (b: Backend) => void): void {
  describe('sqlite', () => {
    let dir = '';
    let n = 0;
    before(() => { dir = mkdtempSync(join(tmpdir(), 'sitrep-store-')); });
    after(() => rmSync(dir, { recursive: true, force: true }));
    const b: Backend = {
      name: 'sqlite',
      target: async () => join(dir, `store-${++n}.db`),
      open: async () => openStore(await b.target()),
      async exec(target, statement) {
        const db = new Database(target);
        try { db.exec(statement); } finally { db.close(); }
      },
    };
    suite(b);
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
    const b: Backend = {
      name: 'postgres',
      target: async () => server!.createDatabase(),
      open: async () => openStore(await b.target()),
      async exec(target, statement) {
        const client = new pg.Client({ connectionString: target });
        await client.connect();
        try { await client.query(statement); } finally { await client.end(); }
      },
    };
    suite(b);
  });
}
