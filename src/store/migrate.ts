// Applies the migrations a store lacks, in one transaction, and refuses a store written by a
// newer sitrep. The same list serves both databases (schema.ts).
import { sql } from 'kysely';
import { MIGRATIONS, SCHEMA_VERSION } from './schema.ts';
import { StoreSchemaError } from './errors.ts';
import type { StoreDialect } from './dialect/dialect.ts';

export async function migrate(d: StoreDialect): Promise<void> {
  // in the writers' transaction: two clients opening one new store migrate it once
  await d.writeTransaction(async (trx) => {
    await sql`CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)`.execute(trx);
    const row = await trx.selectFrom('schema_version').select((eb) => eb.fn.max('version').as('v')).executeTakeFirst();
    const current = row?.v == null ? 0 : Number(row.v);
    if (current > SCHEMA_VERSION) {
      throw new StoreSchemaError(
        `store ${d.label} has schema version ${current}, but this sitrep knows only up to version ${SCHEMA_VERSION}: ` +
        'open it with a newer sitrep, or start a new store');
    }
    for (let v = current; v < SCHEMA_VERSION; v++) {
      const m = MIGRATIONS[v];
      for (const stmt of [...m.common, ...(m[d.name] ?? [])]) await sql.raw(stmt).execute(trx);
      await trx.insertInto('schema_version').values({ version: v + 1 }).execute();
    }
  });
}
