// The store's schema, as PostgreSQL holds it after every migration, can move to Citus as
// docs/scale.md says: every table is either a reference table or distributed; no triggers;
// foreign keys only to reference tables or, within a colocation group, on the distribution
// column; every unique key of a distributed table includes its distribution column. Fails (not
// skips) without PostgreSQL when SITREP_REQUIRE_POSTGRES=1.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import pg from 'pg';
import { openStore } from '../../src/store/index.ts';
import { citusSetupSql, DISTRIBUTED_TABLES, REFERENCE_TABLES } from '../../src/queue/citus.ts';
import { postgresUnavailable, requirePostgres, startPostgres, type PostgresServer } from '../store/postgres.ts';

const missing = postgresUnavailable();

test('docs/scale.md gives the statements that distribute the store', () => {
  const doc = readFileSync(new URL('../../docs/scale.md', import.meta.url), 'utf8');
  assert.ok(doc.includes(citusSetupSql()), 'docs/scale.md carries citusSetupSql() verbatim');
});

if (missing && requirePostgres) {
  test('citus: a PostgreSQL server is required (SITREP_REQUIRE_POSTGRES=1)', () => assert.fail(missing));
} else {
  describe('the store schema is ready for Citus', { skip: missing ? `skipped: ${missing}` : false }, () => {
    let server: PostgresServer | undefined;
    let client: pg.Client | undefined;
    before(async () => {
      server = await startPostgres();
      const url = await server.createDatabase();
      await (await openStore(url)).close();   // creates and migrates the schema
      client = new pg.Client({ connectionString: url });
      await client.connect();
    }, { timeout: 60_000 });
    after(async () => {
      await client?.end();
      await server?.stop();
    });

    const distribution = new Map(DISTRIBUTED_TABLES.map((d) => [d.table, d]));
    /** The first table of a table's colocation group. */
    const group = (table: string): string => {
      const d = distribution.get(table)!;
      return d.colocateWith === 'none' ? d.table : group(d.colocateWith);
    };

    test('every table is a reference table or distributed, once', async () => {
      const { rows } = await client!.query<{ name: string }>(
        `SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
         WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') ORDER BY 1`);
      const planned = [...REFERENCE_TABLES, ...DISTRIBUTED_TABLES.map((d) => d.table)].sort();
      assert.deepEqual(rows.map((r) => r.name), planned);
    });

    test('no triggers', async () => {
      const { rows } = await client!.query(
        `SELECT c.relname, t.tgname FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid
         JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public' AND NOT t.tgisinternal`);
      assert.deepEqual(rows, []);
    });

    test('foreign keys go to reference tables, or to the same shard on the distribution column', async () => {
      const { rows } = await client!.query<{ from_table: string; to_table: string; from_cols: string[]; to_cols: string[] }>(
        `SELECT f.relname AS from_table, t.relname AS to_table,
           array(SELECT a.attname::text FROM unnest(k.conkey) WITH ORDINALITY u(n, i) JOIN pg_attribute a ON a.attrelid = k.conrelid AND a.attnum = u.n ORDER BY u.i) AS from_cols,
           array(SELECT a.attname::text FROM unnest(k.confkey) WITH ORDINALITY u(n, i) JOIN pg_attribute a ON a.attrelid = k.confrelid AND a.attnum = u.n ORDER BY u.i) AS to_cols
         FROM pg_constraint k JOIN pg_class f ON f.oid = k.conrelid JOIN pg_class t ON t.oid = k.confrelid
         JOIN pg_namespace n ON n.oid = f.relnamespace WHERE k.contype = 'f' AND n.nspname = 'public' ORDER BY 1, 2`);
      assert.ok(rows.length > 0, 'the schema has foreign keys to check');
      for (const fk of rows) {
        const what = `${fk.from_table}(${fk.from_cols}) -> ${fk.to_table}(${fk.to_cols})`;
        if (REFERENCE_TABLES.includes(fk.to_table)) continue;
        assert.ok(distribution.has(fk.from_table), `${what}: a reference table may refer only to reference tables`);
        assert.ok(distribution.has(fk.to_table), `${what}: refers to a table Citus would not know`);
        assert.equal(group(fk.from_table), group(fk.to_table), `${what}: across colocation groups`);
        assert.deepEqual([fk.from_cols, fk.to_cols], [[distribution.get(fk.from_table)!.column], [distribution.get(fk.to_table)!.column]],
          `${what}: not on the distribution column (a cross-document key)`);
      }
    });

    test('unique keys of distributed tables include the distribution column', async () => {
      const { rows } = await client!.query<{ table: string; index: string; cols: string[] }>(
        `SELECT c.relname AS table, i.relname AS index,
           array(SELECT a.attname::text FROM unnest(x.indkey) u(n) JOIN pg_attribute a ON a.attrelid = x.indrelid AND a.attnum = u.n) AS cols
         FROM pg_index x JOIN pg_class c ON c.oid = x.indrelid JOIN pg_class i ON i.oid = x.indexrelid
         JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public' AND x.indisunique`);
      let checked = 0;
      for (const r of rows) {
        const d = distribution.get(r.table);
        if (!d) continue;
        checked++;
        assert.ok(r.cols.includes(d.column), `${r.table}: unique index ${r.index} (${r.cols}) lacks ${d.column}`);
      }
      assert.equal(checked >= DISTRIBUTED_TABLES.length, true, 'every distributed table has its primary key checked');
    });
  });
}
