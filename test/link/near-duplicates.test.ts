// Near-duplicate documents: MinHash estimates, LSH candidates, and the copies' events counted once.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { NearDuplicateIndex, nearDuplicates, shingleHashes, signature, similarity, THRESHOLD } from '../../src/link/near-duplicates.ts';
import { linkAnalyses } from '../../src/link/index.ts';
import { createPipeline } from '../../src/pipeline/index.ts';
import { ingestText } from '../../src/ingest/index.ts';
import { openStore } from '../../src/store/index.ts';
import { buildReport, renderReport } from '../../src/analysis/report.ts';
import { showDocument } from '../../src/analysis/show.ts';
import type { Analysis } from '../../src/model/types.ts';
import { ORIGINAL, REWRITE, SYNDICATED, UNRELATED } from './near-duplicate-texts.ts';

function jaccard(a: Set<number>, b: Set<number>): number {
  let both = 0;
  for (const x of a) if (b.has(x)) both++;
  return both / (a.size + b.size - both);
}

test('MinHash estimates the share of wording two texts have in common', () => {
  const texts = [ORIGINAL, REWRITE, SYNDICATED, UNRELATED];
  const sets = texts.map(shingleHashes);
  const sigs = sets.map(signature);
  for (let i = 0; i < texts.length; i++) {
    for (let j = i + 1; j < texts.length; j++) {
      const exact = jaccard(sets[i], sets[j]);
      assert.ok(Math.abs(similarity(sigs[i], sigs[j]) - exact) < 0.12, `estimate for texts ${i} and ${j} near ${exact.toFixed(2)}`);
    }
  }
  assert.equal(similarity(sigs[0], signature(shingleHashes(ORIGINAL.toUpperCase().replace(/,/g, '')))), 1, 'case and punctuation ignored');
  assert.ok(similarity(sigs[0], sigs[3]) < 0.1, 'the unrelated story shares almost no wording');
});

test('copies are found among many documents through LSH buckets, without comparing every pair', () => {
  // a seeded generator of word salad: 2,000 distinct documents, 6 of them copied with every 12th word changed
  let seed = 42;
  const rand = () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32);
  const vocabulary = Array.from({ length: 3000 }, (_, i) => `w${i.toString(36)}`);
  const text = () => Array.from({ length: 150 }, () => vocabulary[Math.floor(rand() * vocabulary.length)]).join(' ');
  const docs = Array.from({ length: 2000 }, (_, i) => ({ id: `d${i}`, body: text() }));
  const planted = new Map<string, string>();
  for (const k of [3, 250, 777, 1200, 1500, 1999]) {
    const words = docs[k].body.split(' ').map((w, i) => (i % 12 === 5 ? 'changed' : w));
    const id = `copy-of-d${k}`;
    docs.push({ id, body: words.join(' ') });
    planted.set(id, `d${k}`);
  }
  const index = new NearDuplicateIndex();
  for (const d of docs) index.add(d.id, d.body);
  const found = index.pairs();
  assert.deepEqual(new Map(found.map((p) => [p.doc, p.of])), planted);
  for (const p of found) assert.ok(p.similarity >= THRESHOLD && p.similarity < 1);
  const allPairs = (docs.length * (docs.length - 1)) / 2;
  assert.ok(index.comparisons < allPairs / 1000, `${index.comparisons} comparisons, not ${allPairs}`);
});

test('short or empty bodies are never called copies', () => {
  // one-sentence reports share most of their words and still tell different things (a threat, a ban)
  const threat = 'The president has threatened to ban opposition candidates from taking part in the coming elections.';
  const ban = 'The president has banned opposition candidates from taking part in the coming elections.';
  assert.deepEqual(nearDuplicates([{ id: 'a', body: threat }, { id: 'b', body: ban }, { id: 'c', body: threat + ' ' }, { id: 'd', body: '' }]), []);
});

const pipeline = createPipeline();
const analyse = (text: string, name: string, outlet: string): Analysis =>
  pipeline.analyze(ingestText(text, `${name}.txt`, { meta: { outlet, title: name } }));

test('a light rewrite and a syndicated copy are linked to the original; an unrelated story on the same subject is not', () => {
  const [original, rewrite, syndicated, unrelated] = [
    analyse(ORIGINAL, 'original', 'Wire'), analyse(REWRITE, 'rewrite', 'Daily'),
    analyse(SYNDICATED, 'syndicated', 'Herald'), analyse(UNRELATED, 'unrelated', 'Wire'),
  ];
  const links = linkAnalyses([original, rewrite, syndicated, unrelated]);
  const pairs = links.nearDuplicates ?? [];
  assert.deepEqual(pairs.map((p) => [p.doc, p.of]).sort(), [[rewrite.doc.id, original.doc.id], [syndicated.doc.id, original.doc.id]].sort());
  assert.ok(pairs.every((p) => p.doc !== unrelated.doc.id && p.of !== unrelated.doc.id));

  // every event of a copy is told together with one of the original's
  const groupOf = new Map<string, string>();
  for (const g of links.sameEvent) for (const e of g.events) groupOf.set(e.event, g.id);
  assert.ok(rewrite.events.length > 0 && syndicated.events.length > 0, 'the copies have events');
  const originalGroups = new Set(original.events.map((e) => groupOf.get(e.id)));
  for (const e of [...rewrite.events, ...syndicated.events]) {
    assert.ok(groupOf.has(e.id) && originalGroups.has(groupOf.get(e.id)), `${e.id} (${e.type} "${e.trigger.text}") is one of the original's events`);
  }
  for (const e of unrelated.events) {
    const g = links.sameEvent.find((x) => x.id === groupOf.get(e.id));
    assert.ok(!g || g.events.every((x) => x.doc === unrelated.doc.id), `${e.id} stays apart from the copied story`);
  }
});

test('the report counts the copied story once, with every copy as a source, and show names the original', async () => {
  const original = analyse(ORIGINAL, 'original', 'Wire');
  const unrelated = analyse(UNRELATED, 'unrelated', 'Wire');
  const copies = [analyse(REWRITE, 'rewrite', 'Daily'), analyse(SYNDICATED, 'syndicated', 'Herald')];
  const relation = async (list: Analysis[]) => {
    const store = await openStore(':memory:');
    try {
      await store.saveAnalyses(list);
      await store.saveLinks(linkAnalyses(list));
      const report = await buildReport(store);
      const r = report.relations.find((x) => [x.a.part, x.b.part].sort().join() === 'POL,RUS');
      return { r, report, links: await store.links(), show: await showDocument(store, copies[0].doc.id).catch(() => '') };
    } finally {
      await store.close();
    }
  };
  const alone = await relation([original, unrelated]);
  const all = await relation([original, ...copies, unrelated]);
  assert.ok(alone.r && alone.r.asserted > 0, 'the two stories have asserted Poland-Russia events');
  assert.equal(all.r?.asserted, alone.r.asserted, 'the copies add no events to the relation');
  assert.equal(all.report.totals.events, alone.report.totals.events);
  // the line that stands for a copied event lists the copies' tellings as well
  const expelled = all.report.timeline.concat(all.report.undated).find((l) => l.doc === original.doc.id && l.trigger === 'expelled');
  const tellers = new Set((expelled?.alsoTold ?? []).map((id) => id.split(':')[0]));
  assert.ok(tellers.has(copies[0].doc.id) && tellers.has(copies[1].doc.id), 'the expulsion is also told by both copies');
  assert.deepEqual(all.links.nearDuplicates?.map((p) => p.of), [original.doc.id, original.doc.id], 'the pairs are stored');
  assert.match(all.show, new RegExp(`near-duplicate of: ${original.doc.id} \\(similarity 0\\.\\d+\\)`));
  const framing = new Map(all.report.documents.map((d) => [d.id, d.nearDuplicateOf?.doc]));
  assert.deepEqual([copies[0], copies[1], original, unrelated].map((a) => framing.get(a.doc.id)), [original.doc.id, original.doc.id, undefined, undefined]);
  assert.match(renderReport(all.report, 'text'), new RegExp(`near-duplicate of \\[${original.doc.id}\\] \\(similarity 0\\.\\d+\\)`));
});
