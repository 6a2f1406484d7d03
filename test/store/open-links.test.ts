// The provisional links an incremental link pass ends with are written as changes to the last
// pass's (src/store/open-links.ts): whatever was kept, grown, rewritten, dropped or added, the
// store reads back exactly the new links, and the final links saved at a checkpoint stay.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { CorpusLinks, Storyline } from '../../src/model/types.ts';
import { eachBackend } from './backends.ts';

const ev = (doc: string, n: number) => ({ doc, event: `${doc}:e${n}` });
const story = (id: string, label: string, events: { doc: string; event: string }[]): Storyline => ({ id, label, events, actors: ['state:POL'] });

const sorted = (l: CorpusLinks) => ({
  sameEvent: [...l.sameEvent].sort((x, y) => x.id.localeCompare(y.id)),
  storylines: [...l.storylines].sort((x, y) => x.id.localeCompare(y.id)),
  nearDuplicates: [...(l.nearDuplicates ?? [])].sort((x, y) => x.doc.localeCompare(y.doc)),
});

eachBackend((b) => {
  test('provisional links written as changes read back as the new links, beside the final ones', async () => {
    const store = await b.open();
    const final = {
      sameEvent: [{ id: 'same:f:e1', events: [ev('f', 1), ev('g', 1)] }],
      storylines: [story('story:f:e1', 'talks — Poland', [ev('f', 1), ev('g', 1)])],
      nearDuplicates: [{ doc: 'g', of: 'f', similarity: 0.9 }],
    };
    let epoch = (await store.linkState()).epoch;
    epoch = await store.saveLinkCheckpoint(epoch, { ...final, position: 2, snapshot: 'z:' }, true);

    const before: CorpusLinks = {
      sameActor: {},
      sameEvent: [
        { id: 'g1', events: [ev('a', 1), ev('a', 2)] },
        { id: 'g2', events: [ev('b', 1), ev('b', 2)] },
        { id: 'g3', events: [ev('c', 1), ev('c', 2)] },
        { id: 'g4', events: [ev('d', 1), ev('d', 2)] },
      ],
      storylines: [story('s1', 'base', [ev('a', 1), ev('a', 2)]), story('s2', 'missiles', [ev('b', 1)]), story('s3', 'border', [ev('c', 1), ev('c', 2)])],
      nearDuplicates: [{ doc: 'b', of: 'a', similarity: 0.6 }],
    };
    epoch = await store.saveOpenLinks(epoch, before, 4, false);
    assert.deepEqual(sorted(await store.links()), sorted({ ...before, sameEvent: [...final.sameEvent, ...before.sameEvent], storylines: [...final.storylines, ...before.storylines], nearDuplicates: [...final.nearDuplicates, ...before.nearDuplicates!] }));

    const after: CorpusLinks = {
      sameActor: { 'new:person:b': 'new:person:a' },
      sameEvent: [
        { id: 'g1', events: [ev('a', 1), ev('a', 2)] },                  // as it was
        { id: 'g2', events: [ev('b', 1), ev('b', 2), ev('e', 7)] },      // grown at its end
        { id: 'g3', events: [ev('c', 0), ev('c', 1), ev('c', 2)] },      // an earlier event joined: written again
        { id: 'g5', events: [ev('e', 1), ev('e', 2)] },                  // new; g4 is gone
        { id: 'g6', events: [ev('a', 1)] },                              // a prefix of nothing stored
      ],
      storylines: [
        story('s1', 'base', [ev('a', 1), ev('a', 2)]),
        story('s2', 'missiles in Kaliningrad', [ev('b', 1), ev('e', 7)]),  // grown, relabelled
        story('s4', 'sanctions', [ev('e', 1), ev('e', 2)]),                 // new; s3 is gone
      ],
      nearDuplicates: [{ doc: 'e', of: 'b', similarity: 0.7 }],
    };
    epoch = await store.saveOpenLinks(epoch, after, 6, false);
    const read = await store.links();
    assert.deepEqual(sorted(read), sorted({
      ...after,
      sameEvent: [...final.sameEvent, ...after.sameEvent],
      storylines: [...final.storylines, ...after.storylines],
      nearDuplicates: [...final.nearDuplicates, ...after.nearDuplicates!],
    }));
    assert.deepEqual(read.sameActor, after.sameActor);
    // the storylines' rows carry the new counts
    const s2 = (await store.storylines()).find((s) => s.id === 's2');
    assert.equal(s2?.label, 'missiles in Kaliningrad');
    assert.equal((await store.linkState()).position, 6);
    await store.close();
  });
});
