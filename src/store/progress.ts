// How far a batch has got, for resuming it: which documents are stored already, and whether the
// saved links cover every stored document.
import type { Kysely } from 'kysely';
import type { DB } from './db.ts';

const PER_QUERY = 500;

export async function storedIds(db: Kysely<DB>, ids: string[]): Promise<Set<string>> {
  const out = new Set<string>();
  const distinct = [...new Set(ids)];
  for (let i = 0; i < distinct.length; i += PER_QUERY) {
    for (const r of await db.selectFrom('documents').select('id').where('id', 'in', distinct.slice(i, i + PER_QUERY)).execute()) out.add(r.id);
  }
  return out;
}

export async function lastPosition(db: Kysely<DB>): Promise<number> {
  const top = await db.selectFrom('documents').select((eb) => eb.fn.max('position').as('p')).executeTakeFirst();
  return top?.p == null ? 0 : Number(top.p);
}

export async function linksBehind(db: Kysely<DB>): Promise<boolean> {
  const last = await lastPosition(db);
  const state = await db.selectFrom('links_state').select('position').where('id', '=', 1).executeTakeFirst();
  return last > (state ? Number(state.position) : 0);
}
