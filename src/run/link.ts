// Links after a batch, read from the store one analysis at a time: linkAnalyses (src/link/) takes
// the analyses in memory; this is the same computation over the store's stream, keeping only each
// analysis's compact features, so memory grows with the features, never with the documents.
// test/run/link.test.ts checks that both give the same links.
import type { Actor, Analysis, CorpusLinks } from '../model/types.ts';
import type { Store } from '../store/index.ts';
import { sameActors } from '../link/actors.ts';
import { sameEvents } from '../link/events.ts';
import { buildStorylines } from '../link/storylines.ts';
import { countryPart, eventFeatures, type EventFeatures } from '../link/features.ts';
import { NearDuplicateIndex, copiedEvents } from '../link/near-duplicates.ts';

export async function linkStream(analyses: AsyncIterable<Analysis>): Promise<CorpusLinks> {
  const actors = new Map<string, { actor: Actor; count: number }>();
  const names = new Map<string, string>();            // country part -> name of the state or IGO
  const features: EventFeatures[] = [];
  const copies = new NearDuplicateIndex();
  for await (const a of analyses) {
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
    for (const f of eventFeatures(a)) features.push(f);
  }
  // the events of a syndicated copy or light rewrite are the same events as its original's
  const nearDuplicates = copies.pairs();
  const sameEvent = sameEvents(features, copiedEvents(nearDuplicates, features));
  const index = new Map(features.map((f, i) => [f.event, i]));
  const seeds = sameEvent.map((g) => g.events.map((e) => index.get(e.event)!));
  return { sameActor: sameActors(actors), sameEvent, storylines: buildStorylines(features, names, seeds), nearDuplicates };
}

/**
 * Relinks the store when documents were stored after its links were saved: after this run's
 * batch, or after an earlier run stopped between storing and linking. The links and how far
 * they reach are saved in one transaction, so a kill leaves the old links and the next run
 * links again. Returns whether it linked.
 */
export async function linkIfBehind(store: Store): Promise<boolean> {
  if (!(await store.linksBehind())) return false;
  const position = await store.lastPosition();
  await store.saveLinksCovering(await linkStream(store.analyses()), position);
  return true;
}
