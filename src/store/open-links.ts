// The provisional links an incremental link pass ends with (src/run/link.ts), written as changes
// to those the last pass saved: a pass that adds a few documents finds most open groups and
// storylines as they were, or with a few events more at their end, and rewriting them all was
// most of such a pass's time on a large store.
import { sql, type Kysely } from 'kysely';
import type { CorpusLinks } from '../model/types.ts';
import type { DB } from './db.ts';
import type { StoreDialect } from './dialect/dialect.ts';
import { insertMany, MAX_PARAMS } from './insert.ts';
import * as rows from './rows.ts';

type Member = { doc: string; event: string };
type MemberTable = 'event_groups' | 'storyline_events';

/**
 * Stored provisional members of `table`: per group, how many and their event ids in order, joined
 * by spaces (event ids hold their document's id and no space). Joined by the database, so that a
 * pass reads one row per group, not one per member (hundreds of thousands on a large store).
 */
async function storedMembers(trx: Kysely<DB>, table: MemberTable): Promise<Map<string, { n: number; joined: string }>> {
  const group = table === 'event_groups' ? 'group_id' : 'storyline_id';
  const { rows } = await sql<{ id: string; n: number | string; joined: string }>`
    SELECT ${sql.ref(group)} AS id, COUNT(*) AS n, string_agg(event_id, ' ' ORDER BY idx) AS joined
    FROM ${sql.table(table)} WHERE provisional = 1 GROUP BY ${sql.ref(group)}`.execute(trx);
  return new Map(rows.map((r) => [r.id, { n: Number(r.n), joined: r.joined }]));
}

/**
 * Writes these groups' members as changes to the stored provisional ones: a group stored with
 * the same first members gets only its new ones, a group that changed otherwise is written
 * again, and a stored group no longer found goes.
 */
async function writeMembers(d: StoreDialect, trx: Kysely<DB>, table: MemberTable, groups: { id: string; events: Member[] }[]): Promise<void> {
  const stored = await storedMembers(trx, table);
  const gone: string[] = [];
  const fresh: { id: string; idx: number; m: Member }[] = [];
  for (const g of groups) {
    const old = stored.get(g.id);
    stored.delete(g.id);
    let keep = 0;
    if (old) {
      const joined = g.events.map((e) => e.event).join(' ');
      if (joined === old.joined || joined.startsWith(`${old.joined} `)) keep = old.n;
      else gone.push(g.id);
    }
    for (let i = keep; i < g.events.length; i++) fresh.push({ id: g.id, idx: i, m: g.events[i] });
  }
  gone.push(...stored.keys());
  for (let i = 0; i < gone.length; i += 500) {
    const part = gone.slice(i, i + 500);
    if (table === 'event_groups') await trx.deleteFrom('event_groups').where('provisional', '=', 1).where('group_id', 'in', part).execute();
    else await trx.deleteFrom('storyline_events').where('provisional', '=', 1).where('storyline_id', 'in', part).execute();
  }
  if (table === 'event_groups') await insertMany(d, trx, 'event_groups', fresh.map((r) => rows.eventGroupRow(r.id, r.idx, r.m, 1)));
  else await insertMany(d, trx, 'storyline_events', fresh.map((r) => rows.storylineEventRow(r.id, r.idx, r.m, 1)));
}

/** Replaces the stored provisional links with these, writing only what changed. */
export async function writeProvisionalLinks(d: StoreDialect, trx: Kysely<DB>, links: Omit<CorpusLinks, 'sameActor'>): Promise<void> {
  await writeMembers(d, trx, 'event_groups', links.sameEvent);

  // storylines' rows before their members (which reference them): a row whose label, main
  // actors or counts changed is updated in place, since deleting it would take its members along
  const shown = (r: { label: string; actors: string; doc_count: unknown; event_count: unknown }) =>
    `${r.label}\0${r.actors}\0${Number(r.doc_count)}\0${Number(r.event_count)}`;
  const stored = new Map((await trx.selectFrom('storylines').select(['id', 'label', 'actors', 'doc_count', 'event_count']).where('provisional', '=', 1).execute())
    .map((r) => [r.id, shown(r)]));
  const changed = links.storylines.map((s) => rows.storylineRow(s, 1)).filter((r) => {
    const before = stored.get(r.id);
    stored.delete(r.id);
    return before !== shown(r);
  });
  const gone = [...stored.keys()];
  for (let i = 0; i < gone.length; i += 500) {
    await trx.deleteFrom('storylines').where('provisional', '=', 1).where('id', 'in', gone.slice(i, i + 500)).execute();
  }
  const per = Math.floor(MAX_PARAMS / 6);
  for (let i = 0; i < changed.length; i += per) {
    await trx.insertInto('storylines').values(changed.slice(i, i + per))
      .onConflict((oc) => oc.column('id').doUpdateSet((eb) => ({
        label: eb.ref('excluded.label'), actors: eb.ref('excluded.actors'),
        doc_count: eb.ref('excluded.doc_count'), event_count: eb.ref('excluded.event_count'),
      })))
      .execute();
  }
  await writeMembers(d, trx, 'storyline_events', links.storylines);

  // near-duplicate pairs are few: written again whole
  await trx.deleteFrom('near_duplicates').where('provisional', '=', 1).execute();
  await insertMany(d, trx, 'near_duplicates', (links.nearDuplicates ?? []).map((n) => rows.nearDuplicateRow(n, 1)));
}
