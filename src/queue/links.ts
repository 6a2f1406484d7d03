// Cross-document links when many workers write. Linking reads every document stored since the
// last pass and a chunk before it (src/run/link.ts), so it runs once the documents queue has
// drained, not per document: a worker that stores a new document asks
// for a link pass (a job on the 'stately' links queue, which holds at most one waiting request
// and one running pass); the worker that takes the request rebuilds the links if no document is
// queued, retrying or in hand, and otherwise puts the request back for later. A document stored
// while a pass runs asks for the next one, so the last pass always sees every stored document.
// (The server does the same work after its own writes: src/server/linker.ts.)
import type PgBoss from 'pg-boss';
import { linkIfBehind } from '../run/link.ts';
import type { Store } from '../store/index.ts';
import { DOCUMENTS, LINKS } from './boss.ts';

/** Asks for a link pass in `delaySeconds`; does nothing when one is already waiting. */
export async function requestLinks(boss: PgBoss, delaySeconds: number): Promise<void> {
  await boss.send(LINKS, {}, { singletonKey: 'links', startAfter: Math.max(0, delaySeconds) });
}

/** Documents not yet done: queued, waiting for a retry, or in a worker's hands. */
export async function documentsPending(boss: PgBoss): Promise<number> {
  return boss.getQueueSize(DOCUMENTS, { before: 'completed' });
}

/** Links what is not yet linked if the documents queue has drained; otherwise asks again later. True when it got to link. */
export async function rebuildLinks(boss: PgBoss, store: Store, delaySeconds: number): Promise<boolean> {
  if (await documentsPending(boss) > 0) {
    await requestLinks(boss, Math.max(1, delaySeconds));   // at least a second: no busy loop while documents remain
    return false;
  }
  await linkIfBehind(store);
  return true;
}
