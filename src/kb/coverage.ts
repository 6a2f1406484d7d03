// How complete the knowledge is for the states that matter most (the `focus-states` lexicon):
// the stretches since 2000 when no one holds each office in the data, and the kinds of
// national institution (intelligence, parliament, state media...) it has no entry for.
import { OFFICES, type KnowledgeBase, type Office } from './types.ts';

export interface CoverageRow {
  state: string;
  gaps: { office: Office; from: string; to: string }[];   // days with no holder, inclusive from, exclusive to
  missing: string[];                                      // sectors with no institution: SPY, LEG, MED
}

const SECTORS = ['MIL', 'GOV', 'SPY', 'LEG', 'MED'];

/** Coverage of the focus states from `since` to `until` (ISO days). */
export function coverage(kb: KnowledgeBase, since = '2000-01-01', until = new Date().toISOString().slice(0, 10)): CoverageRow[] {
  const sectorsOf = new Map<string, Set<string>>();
  for (const a of kb.actors.values()) {
    if (a.kind !== 'org' || !a.country) continue;
    const set = sectorsOf.get(a.country) ?? new Set<string>();
    set.add(a.code.slice(3, 6));
    sectorsOf.set(a.country, set);
  }
  return kb.lexicon('focus-states').map((state) => {
    const gaps: CoverageRow['gaps'] = [];
    for (const office of OFFICES) {
      let at = since;
      const terms = kb.officeTerms(state, office).filter((t) => !t.to || t.to > since).sort((a, b) => ((a.from ?? '') < (b.from ?? '') ? -1 : 1));
      for (const t of terms) {
        const from = t.from ?? since;
        if (from > at) gaps.push({ office, from: at, to: from < until ? from : until });
        if (!t.to) { at = until; break; }
        if (t.to > at) at = t.to;
      }
      if (at < until) gaps.push({ office, from: at, to: until });
    }
    const have = sectorsOf.get(state) ?? new Set<string>();
    // a few days between two terms is a handover, not a gap in the data
    return { state, gaps: gaps.filter((g) => daysBetween(g.from, g.to) >= 30), missing: SECTORS.filter((s) => !have.has(s)) };
  });
}

function daysBetween(a: string, b: string): number {
  return (Date.parse(b) - Date.parse(a)) / 86_400_000;
}
