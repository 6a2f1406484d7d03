// An actor's relations: for each counterpart, how many events tie them (either direction), how
// many were asserted, cooperative or conflictual, and the mean Goldstein score of the asserted
// ones, so that a feared attack never weighs as one that happened.
import type { ApiStore } from './context.ts';
import { MAX_PAGE_SIZE } from '../store/queries.ts';

export interface Relation {
  actor: string; name: string; events: number; asserted: number; asSource: number; asTarget: number;
  cooperative: number; conflictual: number; meanGoldstein: number | null;
}

/** Events read at most per actor, so that one request never walks an unbounded corpus. */
export const MAX_RELATION_EVENTS = 2_000;

export async function relationsOf(store: ApiStore, actor: string, same: Record<string, string>, cap = MAX_RELATION_EVENTS): Promise<{ relations: Relation[]; counted: number; truncated: boolean }> {
  const canon = (id?: string) => (id ? (same[id] ?? id) : undefined);
  const tally = new Map<string, Relation & { sum: number; scored: number }>();
  let counted = 0;
  let cursor: string | undefined;
  do {
    const page = await store.listEvents({ actor, limit: Math.min(MAX_PAGE_SIZE, cap), ...(cursor ? { cursor } : {}) });
    for (const { event: e } of page.items) {
      counted++;
      const [s, t] = [canon(e.source?.actor), canon(e.target?.actor)];
      const isSource = s === actor;
      const other = isSource ? t : s;
      if (!other || other === actor) continue;
      let r = tally.get(other);
      if (!r) {
        r = { actor: other, name: other, events: 0, asserted: 0, asSource: 0, asTarget: 0, cooperative: 0, conflictual: 0, meanGoldstein: null, sum: 0, scored: 0 };
        tally.set(other, r);
      }
      r.events++;
      if (isSource) r.asSource++; else r.asTarget++;
      if (e.modality !== 'asserted') continue;
      r.asserted++;
      if (e.quadClass === 1 || e.quadClass === 2) r.cooperative++;
      if (e.quadClass === 3 || e.quadClass === 4) r.conflictual++;
      if (typeof e.goldstein === 'number') { r.sum += e.goldstein; r.scored++; }
    }
    cursor = page.next ?? undefined;
  } while (cursor && counted < cap);
  const relations: Relation[] = [];
  for (const { sum, scored, ...r } of tally.values()) {
    r.name = (await store.actor(r.actor))?.name ?? r.actor;
    r.meanGoldstein = scored ? Math.round((sum / scored) * 100) / 100 : null;
    relations.push(r);
  }
  relations.sort((x, y) => y.events - x.events || x.actor.localeCompare(y.actor));
  return { relations, counted, truncated: Boolean(cursor) };
}
