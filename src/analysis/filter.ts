// The report's filters: an actor (name, code or id) and a span of ISO days.
import type { Store } from '../store/index.ts';
import type { EventLine } from './event-lines.ts';
import { countryPart } from '../link/features.ts';

export interface ReportFilter { actor?: string; since?: string; until?: string }

export interface ResolvedFilter {
  actorIds: Set<string> | undefined;      // undefined: no actor filter
  code: string | undefined;               // the filter taken as a code
  countries: Set<string>;                 // a state asked for stands for all its parts: BLR takes in BLRMIL, BLRGOV
  since?: string;
  until?: string;
}

export async function resolveFilter(store: Store, filter: ReportFilter = {}, sameActor: Record<string, string> = {}): Promise<ResolvedFilter> {
  for (const day of [filter.since, filter.until]) {
    if (day !== undefined && !/^\d{4}(-\d{2}(-\d{2})?)?$/.test(day)) throw new Error(`not an ISO day: "${day}" (use YYYY-MM-DD)`);
  }
  let actorIds: Set<string> | undefined;
  let code: string | undefined;
  const countries = new Set<string>();
  if (filter.actor) {
    const q = filter.actor.trim();
    const actors = await store.findActors(q);
    for (const a of actors) if (a.kind === 'state' && a.code) countries.add(a.code.toUpperCase());
    const found = actors.map((a) => a.id);
    const canon = new Set([q, ...found].map((id) => sameActor[id] ?? id));
    // every id that merges into one of these stands for the same actor
    for (const [id, to] of Object.entries(sameActor)) if (canon.has(to)) canon.add(id);
    for (const id of [q, ...found]) canon.add(id);
    actorIds = canon;
    if (/^[A-Za-z]{3,12}$/.test(q)) code = q.toUpperCase();
  }
  return { actorIds, code, countries, since: filter.since, until: filter.until };
}

export function inDays(f: ResolvedFilter, day: string | undefined): boolean {
  if (!f.since && !f.until) return true;
  if (!day) return false;
  if (f.since && day.slice(0, f.since.length) < f.since) return false;
  if (f.until && day.slice(0, f.until.length) > f.until) return false;
  return true;
}

export function involves(f: ResolvedFilter, l: EventLine): boolean {
  if (!f.actorIds) return true;
  return [l.source, l.target].some((r) => r !== undefined &&
    ((r.actor !== undefined && f.actorIds!.has(r.actor)) || (f.code !== undefined && r.code.toUpperCase() === f.code) ||
      f.countries.has(countryPart(r.code) ?? '')));
}

export function keepEvent(f: ResolvedFilter, l: EventLine): boolean {
  return involves(f, l) && inDays(f, l.date);
}
