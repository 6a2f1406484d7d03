// Links after a batch, read from the store one analysis at a time: the same CorpusLinker as
// linkAnalyses (src/link/), fed from the store's stream. It keeps the features of a window of
// recent events only, so memory does not grow with the corpus, apart from the links found.
// test/run/link.test.ts checks both give the same links.
import type { Analysis, CorpusLinks } from '../model/types.ts';
import type { Store } from '../store/index.ts';
import { CorpusLinker } from '../link/index.ts';

export async function linkStream(analyses: AsyncIterable<Analysis>): Promise<CorpusLinks> {
  const linker = new CorpusLinker();
  for await (const a of analyses) linker.add(a);
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
  await store.saveLinksCovering(await linkStream(store.analyses()), position);
  return true;
}
