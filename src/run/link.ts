// Links after a batch, read from the store one document at a time: the same CorpusLinker as
// linkAnalyses (src/link/), fed with each stored document's link digest (src/link/digest.ts), so
// no analysis is rebuilt. The linker keeps the features of a window of recent events only, and
// saves the links it finishes a few chunks at a time, so memory does not grow with the corpus.
//
// Linking is incremental: every few chunks, and after the last, the finished links are saved as
// final with a snapshot of the linker (src/link/snapshot.ts), and the next run goes on from the
// last snapshot with only the documents stored after it, plus the carried chunk's events read
// again from their digests.
// Links found after the snapshot are saved as provisional and found again by the next run. A
// store grown by a few documents is linked in time that does not depend on its size, and the
// links are those one pass over the whole store finds (test/run/link.test.ts checks both).
import type { CorpusLinks } from '../model/types.ts';
import type { Actor } from '../model/types.ts';
import type { Store } from '../store/index.ts';
import { CorpusLinker, CHUNK, SNAPSHOT_VERSION, type LinkCheckpoint, type LinkerOptions } from '../link/index.ts';
import { decodeSnapshot, type LinkerSnapshot } from '../link/snapshot.ts';
import type { EventFeatures } from '../link/features.ts';
import { LinkConflictError } from '../store/errors.ts';

export type LinkRunOptions = Omit<LinkerOptions, 'checkpoints'>;

/**
 * Chunks linked between saves in a long pass: each save writes a snapshot of megabytes, and a
 * pass killed between saves redoes at most these chunks (a few thousand documents) next time.
 */
const SAVE_EVERY = 4;

/** The links of everything the store holds, in one pass in memory; nothing is saved. */
export async function linkStored(store: Pick<Store, 'linkInputs'>, options: LinkRunOptions = {}): Promise<CorpusLinks> {
  const linker = new CorpusLinker(options);
  for await (const input of store.linkInputs()) linker.addDigest(input.digest, input.actors, input.position);
  return linker.links();
}

/**
 * Links the documents stored after the saved links reach (this run's batch, or what an earlier
 * run stored and did not link), going on from the last snapshot. Each save is one transaction,
 * so a kill leaves links that are whole up to a checkpoint, and the next run goes on from it.
 * If another linker saves meanwhile, this one starts again from what it saved. Returns whether it linked.
 */
export async function linkIfBehind(store: Store, options: LinkRunOptions = {}): Promise<boolean> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await linkOnce(store, options, true);
    } catch (err) {
      if (!(err instanceof LinkConflictError) || attempt === 3) throw err;
    }
  }
}

async function linkOnce(store: Store, options: LinkRunOptions, fromSnapshot: boolean): Promise<boolean> {
  const state = await store.linkState();
  const last = await store.lastPosition();
  if (last <= state.position) return false;
  const snapshot = fromSnapshot ? usableSnapshot(state.snapshot, options) : undefined;
  let fresh = snapshot === undefined;
  let epoch = state.epoch;
  let linker = snapshot ? undefined : new CorpusLinker({ ...options, checkpoints: true });
  const carry: EventFeatures[] = [];
  const save = async (checkpoint: LinkCheckpoint | undefined): Promise<void> => {
    if (!checkpoint) return;
    epoch = await store.saveLinkCheckpoint(epoch, checkpoint, fresh);
    fresh = false;
  };
  let actorOf: (id: string) => Actor | undefined = () => undefined;
  const restore = (s: LinkerSnapshot) => {
    try {
      return CorpusLinker.restore(s, carry, actorOf, options);
    } catch {
      return undefined;   // the carried documents are not what the snapshot counted: link the store whole
    }
  };
  for await (const input of store.linkInputs(snapshot?.carryFrom ?? 0)) {
    if (input.position > last) break;   // stored while this run links: the next run's
    actorOf = input.actorOf;
    if (!linker) {
      if (input.position <= snapshot!.position) { for (const f of input.digest.events) carry.push(f); continue; }
      linker = restore(snapshot!);
      if (!linker) return linkOnce(store, options, false);
    }
    linker.addDigest(input.digest, input.actors, input.position);
    await save(linker.takeCheckpoint(SAVE_EVERY));
  }
  linker ??= restore(snapshot!);
  if (!linker) return linkOnce(store, options, false);
  // the last chunk's checkpoint, so that the next run goes on from as near the end as can be
  await save(linker.takeCheckpoint());
  await store.saveOpenLinks(epoch, linker.links(), last, fresh);
  return true;
}

/** The saved snapshot, if this version of the linker with these options can go on from it. */
function usableSnapshot(text: string | undefined, options: LinkRunOptions): LinkerSnapshot | undefined {
  if (!text) return undefined;
  try {
    const s = decodeSnapshot(text);
    return s.version === SNAPSHOT_VERSION && s.chunk === (options.chunk ?? CHUNK) ? s : undefined;
  } catch {
    return undefined;
  }
}
