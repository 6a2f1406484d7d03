// Documents, mentions, events and quotes of a page of actors, each counting the ids merged into
// it (links.sameActor). Grouped queries over the actor-id indexes, a handful per page, rather
// than one correlated count per actor and table (which PostgreSQL answers by scanning).
import type { Kysely } from 'kysely';
import type { DB } from './db.ts';

export interface ActorCounts { documents: number; mentions: number; events: number; quotes: number }

export async function actorCounts(db: Kysely<DB>, actors: string[]): Promise<Map<string, ActorCounts>> {
  const out = new Map<string, ActorCounts>(actors.map((id) => [id, { documents: 0, mentions: 0, events: 0, quotes: 0 }]));
  if (actors.length === 0) return out;
  const canon = new Map<string, string>(actors.map((id) => [id, id]));
  for (const r of await db.selectFrom('same_actor').selectAll().where('same_as', 'in', actors).execute()) canon.set(r.actor_id, r.same_as);
  const ids = [...canon.keys()];
  const add = (id: string | null, field: keyof ActorCounts, n: unknown) => {
    const c = id === null ? undefined : out.get(canon.get(id) ?? '');
    if (c) c[field] += Number(n);
  };

  for (const r of await db.selectFrom('mentions').select((eb) => ['actor_id', eb.fn.countAll().as('n')]).where('actor_id', 'in', ids).groupBy('actor_id').execute()) add(r.actor_id, 'mentions', r.n);
  for (const r of await db.selectFrom('quotes').select((eb) => ['speaker_actor', eb.fn.countAll().as('n')]).where('speaker_actor', 'in', ids).groupBy('speaker_actor').execute()) add(r.speaker_actor, 'quotes', r.n);
  for (const r of await db.selectFrom('events').select((eb) => ['source_actor', eb.fn.countAll().as('n')]).where('source_actor', 'in', ids).groupBy('source_actor').execute()) add(r.source_actor, 'events', r.n);
  for (const r of await db.selectFrom('events').select((eb) => ['target_actor', eb.fn.countAll().as('n')]).where('target_actor', 'in', ids).groupBy('target_actor').execute()) add(r.target_actor, 'events', r.n);
  // an event whose source and target are one actor (or merge into one) was counted twice
  const groups = new Map<string, string[]>();
  for (const [id, c] of canon) groups.set(c, [...(groups.get(c) ?? []), id]);
  for (const r of await db.selectFrom('events').select((eb) => ['source_actor', eb.fn.countAll().as('n')])
    .where('source_actor', 'in', ids).whereRef('target_actor', '=', 'source_actor').groupBy('source_actor').execute()) add(r.source_actor, 'events', -Number(r.n));
  for (const [c, g] of groups) {
    if (g.length === 1) continue;
    const r = await db.selectFrom('events').select((eb) => eb.fn.countAll().as('n'))
      .where('source_actor', 'in', g).where('target_actor', 'in', g).whereRef('target_actor', '<>', 'source_actor').executeTakeFirst();
    add(c, 'events', -Number(r?.n ?? 0));
  }

  // documents: an actor is listed once per document, so a lone id's rows are its documents;
  // a merged group is counted distinct, so that a document naming two of its ids counts once
  const single = [...groups.values()].filter((g) => g.length === 1).map((g) => g[0]);
  if (single.length) {
    for (const r of await db.selectFrom('document_actors').select((eb) => ['actor_id', eb.fn.countAll().as('n')]).where('actor_id', 'in', single).groupBy('actor_id').execute()) add(r.actor_id, 'documents', r.n);
  }
  for (const [c, g] of groups) {
    if (g.length === 1) continue;
    const r = await db.selectFrom('document_actors').select((eb) => eb.fn.count('doc_id').distinct().as('n')).where('actor_id', 'in', g).executeTakeFirst();
    add(c, 'documents', r?.n ?? 0);
  }
  return out;
}
