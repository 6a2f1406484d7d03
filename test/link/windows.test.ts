// The linker in windows of a few events: the links of stories that sit within a window are the
// links of one pass; stories and event groups that span chunks stay whole; near-duplicates are
// found across a generation border.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Actor, Analysis, CorpusLinks } from '../../src/model/types.ts';
import { CorpusLinker, linkAnalyses } from '../../src/link/index.ts';
import { NearDuplicateIndex } from '../../src/link/near-duplicates.ts';
import { createPipeline } from '../../src/pipeline/index.ts';
import { ingestText } from '../../src/ingest/index.ts';
import { makeAnalysis, ACTORS } from '../store/fixture.ts';
import { ORIGINAL, REWRITE, SYNDICATED, UNRELATED } from './near-duplicate-texts.ts';

const day = (n: number) => new Date(Date.UTC(2025, 0, 1) + n * 86_400_000).toISOString().slice(0, 10);

/** A report that `a` signed a `thing` deal with `b` on day `d`; `n` makes each body its own. */
function signed(a: Actor, b: Actor, thing: string, d: number, n: number): Analysis {
  const body = `${a.name} signed a ${thing} deal with ${b.name} on Monday. Report number ${n}.`;
  return makeAnalysis({
    body, source: `${n}.txt`, meta: { published: day(d) }, actors: [a, b], mentions: [],
    events: [{ type: 'AGREE', trigger: 'signed', source: { text: a.name, code: a.code!, actor: a.id }, target: { text: b.name, code: b.code!, actor: b.id }, when: { text: 'on Monday', start: day(d), end: day(d) } }],
    quotes: [], frames: [],
  });
}

const FILLER_WORDS = ['ledger', 'harbour', 'orchard', 'turbine', 'glacier', 'quarry', 'lantern', 'meadow', 'furnace', 'canyon', 'beacon', 'vineyard', 'granary', 'foundry', 'lighthouse', 'reservoir'];

/** An event with no actors and a word of its own: it links with nothing. */
function filler(n: number): Analysis {
  const body = `The ${FILLER_WORDS[n % FILLER_WORDS.length]} stayed quiet in week ${n}.`;
  return makeAnalysis({ body, source: `f${n}.txt`, meta: { published: day(n) }, actors: [], mentions: [], events: [{ type: 'CONSULT', trigger: 'stayed' }], quotes: [], frames: [] });
}

function link(list: Analysis[], options: { chunk?: number; generation?: number }): CorpusLinks {
  const linker = new CorpusLinker(options);
  for (const a of list) linker.add(a);
  return linker.links();
}

const { POL, USA, RUS, LTU, BLR, JPN, AUS } = ACTORS;

test('stories that sit within a window get the links of one pass', () => {
  // six stories, each told twice in a row (two same-day tellings, then a later one)
  const stories: [Actor, Actor, string][] = [[POL, USA, 'pipeline'], [RUS, BLR, 'grain'], [LTU, POL, 'railway'], [JPN, AUS, 'submarine'], [USA, JPN, 'semiconductor'], [BLR, LTU, 'border']];
  const list: Analysis[] = [];
  stories.forEach(([a, b, thing], s) => {
    list.push(signed(a, b, thing, s * 10, list.length), signed(a, b, thing, s * 10, list.length + 1), signed(a, b, thing, s * 10 + 5, list.length + 2));
    list.push(filler(list.length));
  });
  const whole = linkAnalyses(list);
  assert.equal(whole.sameEvent.length, 6, 'each story has one event told twice');
  assert.equal(whole.storylines.length, 6, 'and is one storyline');
  for (const chunk of [3, 4, 5]) {
    const windows = link(list, { chunk });
    assert.deepEqual(windows.sameEvent, whole.sameEvent, `chunks of ${chunk}: same events`);
    assert.deepEqual(windows.storylines, whole.storylines, `chunks of ${chunk}: storylines`);
  }
});

test('a storyline and an event group spanning many chunks stay one, named by their first event', () => {
  const list: Analysis[] = [];
  // the trade story every fourth document, a week apart: its tellings are different events
  // the summit event every third document, all the same day: one event told eight times
  for (let n = 0; n < 32; n++) {
    if (n % 4 === 0) list.push(signed(POL, USA, 'trade', n * 7, n));
    else if (n % 3 === 0) list.push(signed(RUS, BLR, 'summit', 100, n));
    else list.push(filler(n));
  }
  const trade = list.filter((a) => a.events[0].type === 'AGREE' && a.doc.body.includes('trade')).map((a) => a.events[0].id);
  const summit = list.filter((a) => a.doc.body.includes('summit')).map((a) => a.events[0].id);
  const whole = linkAnalyses(list);
  // chunks of 4 events or more: consecutive tellings (at most 6 documents apart) always share a window
  for (const chunk of [4, 6, 8]) {
    const windows = link(list, { chunk });
    const story = windows.storylines.find((s) => s.events.some((e) => e.event === trade[0]));
    assert.ok(story, `chunks of ${chunk}: the trade story is a storyline`);
    assert.deepEqual(story.events.map((e) => e.event), trade, 'every telling, in order, in one storyline');
    assert.equal(story.id, `story:${trade[0]}`);
    assert.deepEqual(story.actors, ['state:POL', 'state:USA']);
    assert.match(story.label, /trade/);
    const group = windows.sameEvent.find((g) => g.events.some((e) => e.event === summit[0]));
    assert.ok(group, `chunks of ${chunk}: the summit is an event group`);
    assert.deepEqual(group.events.map((e) => e.event), summit);
    assert.equal(group.id, `same:${summit[0]}`);
    assert.deepEqual(windows.sameEvent, whole.sameEvent);
    assert.deepEqual(windows.storylines.map((s) => s.events), whole.storylines.map((s) => s.events));
  }
});

test('a storyline whose tellings are further apart than a window is not joined', () => {
  // documented bound: two tellings with two full chunks between them never meet in one window
  const list = [signed(JPN, AUS, 'fisheries', 0, 0), ...Array.from({ length: 6 }, (_, i) => filler(i + 1)), signed(JPN, AUS, 'fisheries', 3, 7)];
  assert.equal(linkAnalyses(list).storylines.length, 1);
  assert.equal(link(list, { chunk: 3 }).storylines.length, 0);
});

test('near-duplicates are found across a generation border, within the generations kept', () => {
  let seed = 7;
  const rand = () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32);
  const vocabulary = Array.from({ length: 3000 }, (_, i) => `w${i.toString(36)}`);
  const text = () => Array.from({ length: 120 }, () => vocabulary[Math.floor(rand() * vocabulary.length)]).join(' ');
  const copy = (body: string) => body.split(' ').map((w, i) => (i % 12 === 5 ? 'changed' : w)).join(' ');
  const docs = Array.from({ length: 100 }, (_, i) => ({ id: `d${i}`, body: text() }));
  const G = 20;
  // generations start at d0, d20, d40, ...: copies of d18 after d21 cross one border; d25's copy
  // after d62 has its original two generations back, forgotten
  const order = [...docs];
  order.splice(22, 0, { id: 'copy-of-d18', body: copy(docs[18].body) });
  order.splice(64, 0, { id: 'copy-of-d25', body: copy(docs[25].body) });
  const index = new NearDuplicateIndex({ generation: G });
  for (const d of order) index.add(d.id, d.body);
  assert.deepEqual(index.pairs().map((p) => [p.doc, p.of]), [['copy-of-d18', 'd18']]);
  const unbounded = new NearDuplicateIndex({ generation: 1000 });
  for (const d of order) unbounded.add(d.id, d.body);
  assert.deepEqual(unbounded.pairs().map((p) => [p.doc, p.of]), [['copy-of-d18', 'd18'], ['copy-of-d25', 'd25']]);
});

test('the events of copies in the next chunk join their original\'s', () => {
  const pipeline = createPipeline();
  const analyse = (text: string, name: string): Analysis => pipeline.analyze(ingestText(text, `${name}.txt`, { meta: { outlet: 'Wire', title: name } }));
  const [original, unrelated] = [analyse(ORIGINAL, 'original'), analyse(UNRELATED, 'unrelated')];
  const copies = [analyse(REWRITE, 'rewrite'), analyse(SYNDICATED, 'syndicated')];
  const chunk = original.events.length + unrelated.events.length;   // the copies are in the second chunk
  const links = link([original, unrelated, ...copies], { chunk });
  assert.deepEqual(links.nearDuplicates?.map((p) => [p.doc, p.of]), copies.map((c) => [c.doc.id, original.doc.id]));
  const groupOf = new Map<string, string>();
  for (const g of links.sameEvent) for (const e of g.events) groupOf.set(e.event, g.id);
  const originalGroups = new Set(original.events.map((e) => groupOf.get(e.id)));
  for (const e of copies.flatMap((c) => c.events)) assert.ok(groupOf.has(e.id) && originalGroups.has(groupOf.get(e.id)), `${e.id} is one of the original's events`);
});

test('an event group found later does not chain a storyline of two parties into one of three', () => {
  const told = (body: string, target: Actor | undefined, d: number): Analysis => makeAnalysis({
    body, source: `${body.length}.txt`, meta: { published: day(d) }, actors: target ? [POL, target] : [POL], mentions: [],
    events: [{ type: 'AGREE', trigger: 'signed', source: { text: 'Poland', code: 'POL', actor: 'state:POL' }, ...(target ? { target: { text: target.name, code: target.code!, actor: target.id } } : {}), when: { text: 'on Monday', start: day(d), end: day(d) } }],
    quotes: [], frames: [],
  });
  // a Poland-US trade story, then one signing told three ways: with the US, with no partner, with Russia
  const list = [
    told('Poland signed a trade deal with United States on Monday.', USA, 0),
    told('Poland signed another trade deal with United States on Monday.', USA, 3),
    told('Poland signed a trade deal on Monday, officials said.', undefined, 3),
    told('Poland signed a trade deal with Russia on Monday.', RUS, 3),
  ];
  const [first, , , russia] = list.map((a) => a.events[0].id);
  for (const links of [linkAnalyses(list), link(list, { chunk: 2 })]) {
    const story = links.storylines.find((s) => s.events.some((e) => e.event === first));
    assert.ok(!story?.events.some((e) => e.event === russia), 'the signing with Russia is not in the Poland-US story');
  }
});
