// Links after a batch, read from the store one document at a time: the same CorpusLinker as
// linkAnalyses (src/link/), fed with each stored document's link digest (src/link/digest.ts), so
// no analysis is rebuilt. The linker keeps the features of a window of recent events only, so
// memory does not grow with the corpus, apart from the links found. test/run/link.test.ts checks
// both give the same links.
import type { CorpusLinks } from '../model/types.ts';
import type { Store } from '../store/index.ts';
import { CorpusLinker } from '../link/index.ts';

/** The links of everything the store holds. */
export async function linkStored(store: Pick<Store, 'linkInputs'>): Promise<CorpusLinks> {
  const linker = new CorpusLinker();
  for await (const input of store.linkInputs()) linker.addDigest(input.digest, input.actors);
  return linker.links();
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
  await store.saveLinksCovering(await linkStored(store), position);
  return true;
}
