// Cross-document links over a stored corpus: same actor, same event, storylines, near-duplicate
// documents. One pass over the analyses keeps only compact features, never the corpus itself.
import type { Actor, Analysis, CorpusLinks } from '../model/types.ts';
import { sameActors } from './actors.ts';
import { sameEvents } from './events.ts';
import { buildStorylines } from './storylines.ts';
import { countryPart, type EventFeatures } from './features.ts';
import { linkDigest, type LinkDigest } from './digest.ts';
import { NearDuplicateIndex, copiedEvents } from './near-duplicates.ts';

export { countryPart } from './features.ts';
export { foldName, skeleton } from './names.ts';

/** One pass over a corpus: add each analysis, then `links()`. Shared by the in-memory and the streaming linker. */
export class CorpusLinker {
  private readonly actors = new Map<string, { actor: Actor; count: number }>();
  private readonly names = new Map<string, string>();   // country part -> name of the state or IGO
  private readonly features: EventFeatures[] = [];
  private readonly copies = new NearDuplicateIndex();

  add(a: Analysis): void {
    this.addDigest(linkDigest(a), a.actors);
  }

  /** A document by its digest (src/link/digest.ts) and the actors it names. */
  addDigest(d: LinkDigest, actors: Actor[]): void {
    this.copies.addSignature(d.doc, d.signature);
    for (const actor of actors) {
      const seen = this.actors.get(actor.id);
      if (seen) seen.count++;
      else this.actors.set(actor.id, { actor, count: 1 });
      if ((actor.kind === 'state' || actor.kind === 'igo') && actor.code) {
        const part = countryPart(actor.code)!;
        if (!this.names.has(part) || part === actor.code.toUpperCase()) this.names.set(part, actor.name);
      }
    }
    for (const f of d.events) this.features.push(f);
  }

  links(): CorpusLinks {
    const { features } = this;
    // the events of a syndicated copy or light rewrite are the same events as its original's
    const nearDuplicates = this.copies.pairs();
    const sameEvent = sameEvents(features, copiedEvents(nearDuplicates, features));
    const index = new Map(features.map((f, i) => [f.event, i]));
    const seeds = sameEvent.map((g) => g.events.map((e) => index.get(e.event)!));
    return { sameActor: sameActors(this.actors), sameEvent, storylines: buildStorylines(features, this.names, seeds), nearDuplicates };
  }
}

export function linkAnalyses(analyses: Iterable<Analysis>): CorpusLinks {
  const linker = new CorpusLinker();
  for (const a of analyses) linker.add(a);
  return linker.links();
}
