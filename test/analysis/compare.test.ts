import { test } from 'node:test';
import assert from 'node:assert/strict';
import { compareStoryline, findStoryline, renderComparison, storylineComparisons, writeComparisons } from '../../src/analysis/compare.ts';
import { textWriter } from '../../src/analysis/writer.ts';
import { buildReport, renderReport } from '../../src/analysis/report.ts';
import type { CorpusLinks, Storyline } from '../../src/model/types.ts';
import { voicesStore } from './voices-fixture.ts';

const story = (id: string, label: string, docs: string[]): Storyline => ({ id, label, actors: [], events: docs.map((doc, i) => ({ doc, event: `${doc}:e${i}` })) });
const LINKS: CorpusLinks = {
  sameActor: {}, sameEvent: [],
  storylines: [story('s1', 'US military base — Poland, United States', ['a', 'b']), story('s2', 'US sanctions — Russia, United States', ['a']), story('s3', 'Kaliningrad missiles — Russia', ['a', 'b', 'c'])],
};

test('a storyline is found by id, by its label, or by a part of its label', () => {
  assert.equal(findStoryline(LINKS, 's2').id, 's2');
  assert.equal(findStoryline(LINKS, 'us military BASE').id, 's1');
  assert.equal(findStoryline(LINKS, 'kaliningrad').id, 's3');
  // two match "United States": the one told by more documents wins
  assert.equal(findStoryline(LINKS, 'United States').id, 's1');
  assert.throws(() => findStoryline(LINKS, 'Antarctica'), /no storyline matches "Antarctica".*s1/);
  // no label holds the phrase: the storyline sharing the most of its words
  assert.equal(findStoryline(LINKS, 'American military base in Poland').id, 's1');
  assert.equal(findStoryline(LINKS, 'missiles near Kaliningrad').id, 's3');
  const tie = { ...LINKS, storylines: [story('x', 'drills north', ['a', 'b']), story('y', 'drills south', ['a', 'c'])] };
  assert.throws(() => findStoryline(tie, 'drills'), /matches several storylines: x \(drills north\), y \(drills south\)/);
});

test('the comparison puts each outlet’s events, speakers and framing side by side', async () => {
  const { store, wire, review } = await voicesStore();
  const c = await compareStoryline(store, 'brigade');
  assert.equal(c.storyline.id, 'story:brigade');
  assert.deepEqual(c.storyline.actors, ['Germany', 'Lithuania']);
  assert.deepEqual(c.outlets.map((o) => o.outlet), ['Baltic Wire', 'Eastern Review']);
  const [w, r] = c.outlets;
  assert.deepEqual(w.documents.map((d) => d.id), [wire.doc.id]);
  assert.ok(w.events.length > 0 && r.events.length > 0, 'both tell a deployment');
  assert.ok(w.events.every((e) => e.type === 'MOBILIZE' && e.doc === wire.doc.id));
  assert.equal(Object.values(r.modalities).reduce((x, n) => x + (n ?? 0), 0), r.events.length);
  assert.ok(w.voice.speakers.some((s) => s.name === 'Boris Pistorius'));
  assert.equal(r.voice.speakers.length, 0);
  assert.equal(r.voice.scareQuotes.length, 3);
  // the summary tells the two ways of telling apart
  assert.match(c.summary[0], /^Baltic Wire tells it mainly through its sources: quotes \d named speakers/);
  assert.match(c.summary[1], /^Eastern Review tells it mainly in the author's own voice: quotes nobody; 0% of its sentences/);
  assert.ok(c.summary.some((l) => /^In contrast: Baltic Wire lets \d named speakers speak .*; Eastern Review lets 0 named speakers speak/.test(l)), c.summary.join('\n'));
  assert.ok(c.summary.includes('No speaker is quoted by more than one outlet.'));
  // which kinds of event each tells: every MOBILIZE of Germany, in common or apart
  const told = c.summary.filter((l) => /^(Told by every outlet|Only (Baltic Wire|Eastern Review) tells|No event of the storyline)/.test(l));
  assert.ok(told.length >= 1 && told.every((l) => /MOBILIZE Germany|No event/.test(l)), told.join('\n'));
  const text = renderComparison(c, 'text');
  assert.match(text, /SIDE BY SIDE/);
  assert.match(text, /direct quotes\s+[1-9]\d*\s+0/);
  assert.match(text, /scare quotes \(3\): “forward defence”, “responsibility”, “Zeitenwende”/);
  assert.match(text, /Boris Pistorius \(DEUMIL\): 2 direct quotes/);
  assert.match(renderComparison(c, 'markdown'), /^# Storyline: German brigade in Lithuania/m);
  assert.equal(JSON.parse(renderComparison(c, 'json')).outlets.length, 2);
  await store.close();
});

test('a storyline no stored document tells compares nothing', async () => {
  const { store } = await voicesStore();
  const c = await compareStoryline(store, 'story:other');
  assert.deepEqual(c.outlets, []);
  assert.match(renderComparison(c, 'text'), /told by 0 outlets in 0 documents/);
  await store.close();
});

test('the report’s comparisons: only storylines more than one outlet tells, each with its summary', async () => {
  const { store } = await voicesStore();
  const list = await storylineComparisons(store, ['story:other', 'story:brigade', 'story:missing']);
  assert.deepEqual(list.map((c) => c.storyline.id), ['story:brigade']);
  const w = textWriter();
  writeComparisons(w, list);
  const text = w.done();
  assert.match(text, /HOW EACH OUTLET TELLS EACH STORYLINE/);
  assert.match(text, /German brigade in Lithuania \(story:brigade; sitrep compare for the details\):\n\s+- Baltic Wire tells it mainly through its sources/);
  const empty = textWriter();
  writeComparisons(empty, await storylineComparisons(store, ['story:other']));
  assert.match(empty.done(), /No storyline is told by more than one outlet/);
  await store.close();
});

test('the situation report carries the comparison and each document’s sourced share', async () => {
  const { store, review } = await voicesStore();
  const r = await buildReport(store);
  assert.deepEqual(r.comparisons.map((c) => c.storyline.id), ['story:brigade']);
  assert.equal(r.documents.find((d) => d.id === review.doc.id)?.sourcedShare, 0);
  const text = renderReport(r, 'text');
  assert.match(text, /HOW EACH OUTLET TELLS EACH STORYLINE\n-+\nGerman brigade in Lithuania/);
  assert.match(text, /0% of its sentences carry a named speaker's words/);
  await store.close();
});
