// Applies the migrations a store file lacks, and refuses a file written by a newer sitrep.
import type Database from 'better-sqlite3';
import { MIGRATIONS, SCHEMA_VERSION } from './schema.ts';
import { StoreSchemaError } from '../errors.ts';

export function migrate(db: Database.Database, path: string): void {
  db.exec('CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)');
  const row = db.prepare('SELECT MAX(version) AS v FROM schema_version').get() as { v: number | null };
  const current = row.v ?? 0;
  if (current > SCHEMA_VERSION) {
    throw new StoreSchemaError(
      `store ${path} has schema version ${current}, but this sitrep knows only up to version ${SCHEMA_VERSION}: ` +
      'open it with a newer sitrep, or start a new store file');
  }
  const apply = db.transaction(() => {
    for (let v = current; v < SCHEMA_VERSION; v++) {
      for (const sql of MIGRATIONS[v]) db.exec(sql);
      db.prepare('INSERT INTO schema_version (version) VALUES (?)').run(v + 1);
    }
  });
  apply();
}
