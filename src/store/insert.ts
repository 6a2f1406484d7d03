// Rows into a table in multi-row statements (or the dialect's faster way), within the caller's transaction.
import type { Insertable, Kysely } from 'kysely';
import type { DB } from './db.ts';
import type { StoreDialect } from './dialect/dialect.ts';

/** Bound parameters per statement: below SQLite's 32766 and PostgreSQL's 65535. */
export const MAX_PARAMS = 30_000;

export async function insertMany<T extends keyof DB & string>(d: StoreDialect, trx: Kysely<DB>, table: T, list: Insertable<DB[T]>[]): Promise<void> {
  if (list.length === 0) return;
  // rows that hold SQL expressions (PostgreSQL's search vectors) go through Kysely, which writes them
  const plain = Object.values(list[0]).every((v) => v === null || typeof v !== 'object');
  if (d.insertRows && plain) return d.insertRows(trx, table, list as Record<string, unknown>[]);
  const per = Math.max(1, Math.floor(MAX_PARAMS / Object.keys(list[0]).length));
  for (let i = 0; i < list.length; i += per) {
    // Kysely cannot type an insert into a table chosen by a type parameter; the rows are typed above
    await (trx.insertInto(table) as unknown as { values(v: unknown[]): { execute(): Promise<unknown> } }).values(list.slice(i, i + per)).execute();
  }
}
