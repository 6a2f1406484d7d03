// Relations between pairs of actors (by country part of their codes): how many cooperative
// (quad class 1-2) and conflictual (3-4) events, and the mean Goldstein score. Only asserted
// events count; the others are tallied apart so that a feared attack is never counted as one.
import { countryPart } from '../link/features.ts';
import type { Modality } from '../model/types.ts';
import type { EventLine } from './event-lines.ts';

export interface Relation {
  a: { part: string; name: string };
  b: { part: string; name: string };
  cooperative: number;
  conflictual: number;
  meanGoldstein: number | null;
  asserted: number;
  other: Partial<Record<Exclude<Modality, 'asserted'>, number>>;
  otherEvents: string[];     // ids of the events not asserted
}

export class DyadTally {
  private pairs = new Map<string, Relation & { sum: number; scored: number }>();

  constructor(private names: (part: string) => string) {}

  add(l: EventLine): void {
    const [pa, pb] = [countryPart(l.source?.code), countryPart(l.target?.code)];
    if (!pa || !pb || pa === pb) return;
    const [x, y] = pa < pb ? [pa, pb] : [pb, pa];
    const key = `${x}|${y}`;
    let r = this.pairs.get(key);
    if (!r) {
      r = { a: { part: x, name: this.names(x) }, b: { part: y, name: this.names(y) }, cooperative: 0, conflictual: 0,
        meanGoldstein: null, asserted: 0, other: {}, otherEvents: [], sum: 0, scored: 0 };
      this.pairs.set(key, r);
    }
    if (l.modality !== 'asserted') {
      r.other[l.modality] = (r.other[l.modality] ?? 0) + 1;
      r.otherEvents.push(l.id);
      return;
    }
    r.asserted++;
    if (l.quadClass === 1 || l.quadClass === 2) r.cooperative++;
    if (l.quadClass === 3 || l.quadClass === 4) r.conflictual++;
    if (l.goldstein !== undefined) { r.sum += l.goldstein; r.scored++; }
  }

  relations(): Relation[] {
    return [...this.pairs.values()].map(({ sum, scored, ...r }) => ({
      ...r, meanGoldstein: scored ? Math.round((sum / scored) * 100) / 100 : null,
    })).sort((p, q) => (q.asserted - p.asserted) || (q.otherEvents.length - p.otherEvents.length) || `${p.a.part}${p.b.part}`.localeCompare(`${q.a.part}${q.b.part}`));
  }
}
