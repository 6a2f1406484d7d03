// Incremental linking: a corpus linked in several runs, each going on from the snapshot the last
// one left (src/link/snapshot.ts), gets exactly the links of one pass over the whole corpus.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Analysis, CorpusLinks } from '../../src/model/types.ts';
import { CorpusLinker, type LinkCheckpoint } from '../../src/link/index.ts';
import { decodeSnapshot } from '../../src/link/snapshot.ts';
import { linkDigest } from '../../src/link/digest.ts';
import { corpus, OPTIONS, sameOrder } from './incremental-corpus.ts';

/** Links `list` in runs ending after each of `ends` documents (the last run ends with the corpus); positions are 1-based. */
function linkInRuns(list: Analysis[], ends: number[]): { links: CorpusLinks; checkpoints: number } {
  const final: LinkCheckpoint[] = [];
  let snapshot: string | undefined;
  let open: CorpusLinks | undefined;
  let start = 0;
  let checkpoints = 0;
  const actors = new Map(list.flatMap((a) => a.actors.map((x) => [x.id, x] as const)));
  for (const end of [...ends, list.length]) {
    let linker: CorpusLinker;
    let from = start;
    if (snapshot) {
      const s = decodeSnapshot(snapshot);
      const carry = list.slice(s.carryFrom, s.position).flatMap((a) => linkDigest(a).events);
      linker = CorpusLinker.restore(s, carry, (id) => actors.get(id), OPTIONS);
      from = s.position;
    } else {
      linker = new CorpusLinker({ ...OPTIONS, checkpoints: true });
      from = 0;
    }
    for (let i = from; i < end; i++) {
      linker.addDigest(linkDigest(list[i]), list[i].actors, i + 1);
      const c = linker.takeCheckpoint();
      if (c) { final.push(c); snapshot = c.snapshot; checkpoints++; }
    }
    open = linker.links();   // a run's open links: dropped by the next run, which finds them again
    start = end;
  }
  return {
    links: {
      sameActor: open!.sameActor,
      sameEvent: [...final.flatMap((c) => c.sameEvent), ...open!.sameEvent],
      storylines: [...final.flatMap((c) => c.storylines), ...open!.storylines],
      nearDuplicates: [...final.flatMap((c) => c.nearDuplicates), ...(open!.nearDuplicates ?? [])],
    },
    checkpoints,
  };
}

test('a corpus linked in several runs from snapshots gets the links of one pass', () => {
  const list = corpus();
  const whole = new CorpusLinker(OPTIONS);
  for (const a of list) whole.add(a);
  const expected = sameOrder(whole.links());
  assert.ok(expected.sameEvent.length > 5 && expected.storylines.length > 5, 'the corpus has same events and storylines');
  assert.ok(expected.nearDuplicates.length >= 3, 'and near-duplicates');
  for (const ends of [[17], [5, 19, 30], [1, 2, 3, 4, 6, 9, 13, 18, 25, 33, 39]]) {
    const { links, checkpoints } = linkInRuns(list, ends);
    assert.ok(checkpoints >= 5, `runs ending at ${ends}: checkpoints were taken (${checkpoints})`);
    assert.deepEqual(sameOrder(links), expected, `runs ending at ${ends}`);
  }
});

test('a snapshot is not gone on from with other carried events', () => {
  const list = corpus().slice(0, 12);
  const linker = new CorpusLinker({ ...OPTIONS, checkpoints: true });
  let snapshot: string | undefined;
  for (const a of list) { linker.add(a); snapshot ??= linker.takeCheckpoint()?.snapshot; }
  assert.ok(snapshot, 'a chunk was finished');
  const s = decodeSnapshot(snapshot);
  const carry = list.slice(s.carryFrom, s.position).flatMap((a) => linkDigest(a).events);
  assert.throws(() => CorpusLinker.restore(s, carry.slice(1), () => undefined, OPTIONS), /carried events expected/);
  assert.throws(() => CorpusLinker.restore(s, carry, () => undefined, { chunk: 61 }), /chunks of 60/);
  assert.doesNotThrow(() => CorpusLinker.restore(s, carry, () => undefined, OPTIONS));
});
