// Cross-document links over a stored corpus: same actor, same event, storylines, near-duplicate
// documents. One pass over the analyses keeps only compact features, never the corpus itself.
import type { Actor, Analysis, CorpusLinks } from '../model/types.ts';
import { sameActors } from './actors.ts';
import { sameEvents } from './events.ts';
import { buildStorylines } from './storylines.ts';
import { countryPart, eventFeatures, type EventFeatures } from './features.ts';
import { NearDuplicateIndex, copiedEvents } from './near-duplicates.ts';

export { countryPart } from './features.ts';
export { foldName, skeleton } from './names.ts';

export function linkAnalyses(analyses: Iterable<Analysis>): CorpusLinks {
  const actors = new Map<string, { actor: Actor; count: number }>();
  const names = new Map<string, string>();            // country part -> name of the state or IGO
  const features: EventFeatures[] = [];
  const copies = new NearDuplicateIndex();
  for (const a of analyses) {
    copies.add(a.doc.id, a.doc.body);
    for (const actor of a.actors) {
      const seen = actors.get(actor.id);
      if (seen) seen.count++;
      else actors.set(actor.id, { actor, count: 1 });
      if ((actor.kind === 'state' || actor.kind === 'igo') && actor.code) {
        const part = countryPart(actor.code)!;
        if (!names.has(part) || part === actor.code.toUpperCase()) names.set(part, actor.name);
      }
    }
    features.push(...eventFeatures(a));
  }
  // the events of a syndicated copy or light rewrite are the same events as its original's
  const nearDuplicates = copies.pairs();
  const sameEvent = sameEvents(features, copiedEvents(nearDuplicates, features));
  const index = new Map(features.map((f, i) => [f.event, i]));
  const seeds = sameEvent.map((g) => g.events.map((e) => index.get(e.event)!));
  return { sameActor: sameActors(actors), sameEvent, storylines: buildStorylines(features, names, seeds), nearDuplicates };
}
