// For later stages (quotes, events): the actor last mentioned before an offset, e.g. the person
// that "he" or "she" most likely points to.
import type { ActorKind, Analysis, Mention } from '../../model/types.ts';

export function recentActor(analysis: Analysis, offset: number, kinds: readonly ActorKind[] = ['person']): Mention | undefined {
  const ms = analysis.mentions;
  // mentions are sorted by start: binary search for the first that ends after the offset
  let lo = 0;
  let hi = ms.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (ms[mid].start < offset) lo = mid + 1; else hi = mid;
  }
  for (let k = lo - 1; k >= 0; k--) {
    const m = ms[k];
    if (m.end <= offset && m.actor && kinds.includes(m.kind)) return m;
  }
  return undefined;
}
