// A matrix read against a store the real pipeline built from invented reports (fixture.ts):
// which records the selection draws, the rows found and missing, and what is offered for rating,
// including a report that arrives after the matrix was written.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { openStore } from '../../src/store/index.ts';
import { readMatrix } from '../../src/ach/matrix.ts';
import { buildMatrix, type AchResult } from '../../src/ach/build.ts';
import { achStore, type AchFixture } from './fixture.ts';

let fx: AchFixture;
before(async () => { fx = await achStore(); });

async function build(yaml: string): Promise<AchResult> {
  const store = await openStore(fx.db);
  try { return await buildMatrix(store, readMatrix(yaml, 'm.yaml')); } finally { await store.close(); }
}

const HEAD = `matrix: Grodno
hypotheses: [{id: opening, text: an opening}, {id: lever, text: a lever}]
`;
const sentences = (r: AchResult) => r.pending.map((e) => e.sentence);
const idOf = (r: AchResult, start: string) => {
  const e = r.pending.find((x) => x.sentence.startsWith(start));
  assert.ok(e, `no pending record rests on "${start}…"`);
  return e.id;
};

test('actors select records that involve every actor named; a state stands for its ministries and forces', async () => {
  const r = await build(HEAD + 'select: {actors: [Belarus, Poland]}\n');
  const s = sentences(r);
  assert.ok(s.some((x) => x.startsWith('Belarusian and Polish defence officials met in Grodno')), 'the meeting (BLRMIL and POLMIL) is drawn');
  assert.ok(s.some((x) => x.startsWith('Minsk is using its talks with Warsaw')), 'Minsk and Warsaw stand for the two states');
  assert.ok(!s.some((x) => x.startsWith('Lithuania closed')), 'a Belarus-Lithuania event is not drawn');
  assert.ok(!s.some((x) => x.startsWith('Belarus asked Russia')), 'a Belarus-Russia event is not drawn');
  assert.equal(r.selected, r.pending.length, 'nothing rated yet: everything selected is pending');
  for (const e of r.pending) assert.match(e.id, new RegExp(`^${e.doc}:[ecq]\\d+$`));
});

test('kinds, types and text narrow a block; blocks add up', async () => {
  const events = await build(HEAD + 'select: {actors: [Belarus, Poland], kinds: [event], types: [CONSULT]}\n');
  assert.ok(events.pending.length > 0);
  assert.ok(events.pending.every((e) => e.kind === 'event' && e.type === 'CONSULT'));
  const text = await build(HEAD + 'select: {actors: [Belarus], text: [both doors]}\n');
  assert.deepEqual(sentences(text), ['In all likelihood Minsk will keep both doors open for as long as Moscow pays.']);
  assert.equal(text.pending[0].kind, 'claim');
  assert.equal(text.pending[0].outlet, 'Eastern Ledger');
  const both = await build(HEAD + 'select:\n  - {actors: [Belarus], text: [both doors]}\n  - {actors: [Lithuania]}\n');
  assert.ok(sentences(both).includes('In all likelihood Minsk will keep both doors open for as long as Moscow pays.'));
  assert.ok(sentences(both).some((x) => x.startsWith('Lithuania closed a border crossing')));
  const word = await build(HEAD + 'select: {actors: [Belarus], text: [oors]}\n');
  assert.equal(word.pending.length, 0, 'text matches from the start of a word');
});

test('rated rows come with their evidence; rated ids the store lacks are listed apart; ignored and rated ids are not offered again', async () => {
  const first = await build(HEAD + 'select: {actors: [Belarus, Poland]}\n');
  const meeting = idOf(first, 'Belarusian and Polish defence officials met in Grodno');
  const talks = idOf(first, 'Minsk is using its talks with Warsaw');
  const r = await build(HEAD + `select: {actors: [Belarus, Poland]}
ignore: [${talks}]
evidence:
  - {id: ${meeting}, credibility: high, ratings: {opening: C, lever: C}}
  - {id: 0000000000000000:e1, ratings: {opening: I}}
  - {text: no concession seen, ratings: {opening: I, lever: C}}
`);
  assert.deepEqual(r.rows.map((x) => x.item.id), [meeting, 'A1']);
  assert.equal(r.rows[0].evidence?.outlet, 'Harbour Post');
  assert.equal(r.rows[0].evidence?.published, '2025-05-06');
  assert.match(r.rows[0].evidence!.sentence, /^Belarusian and Polish defence officials met in Grodno/);
  assert.deepEqual(r.missing.map((x) => x.id), ['0000000000000000:e1']);
  assert.ok(!r.pending.some((e) => e.id === meeting || e.id === talks));
  assert.equal(r.selected, first.selected);
  assert.equal(r.pending.length, first.pending.length - 2);
  assert.equal(r.scores.hypotheses[0].inconsistencies, 1, 'the missing row is left out of the scores');
});

test('a report arriving later that matches the actors and the storyline is offered for rating', async () => {
  const before = await build(HEAD + 'select: {actors: [Belarus, Poland]}\n');
  const rated = before.pending.map((e) => `  - {id: ${e.id}, ratings: {opening: N, lever: N}}`).join('\n');
  const matrix = HEAD + `select: {actors: [Belarus, Poland]}\nevidence:\n${rated}\n`;
  const settled = await build(matrix);
  assert.equal(settled.pending.length, 0, 'everything selected is rated');

  await fx.addLater();
  const after = await build(matrix);
  assert.ok(after.pending.length > 0);
  assert.ok(after.pending.every((e) => e.published === '2025-06-02'), 'only records of the new report are offered');
  assert.ok(sentences(after).some((x) => x.startsWith('Polish and Belarusian defence officials met again in Grodno')));

  // the two Grodno meetings now form a storyline: selecting by it draws the new meeting too
  const story = await build(HEAD + 'select: {storylines: [Grodno], kinds: [event]}\n');
  assert.ok(sentences(story).some((x) => x.startsWith('Belarusian and Polish defence officials met in Grodno')), `storyline events: ${sentences(story).join(' | ')}`);
  assert.ok(sentences(story).some((x) => x.startsWith('Polish and Belarusian defence officials met again')));
  assert.ok(!sentences(story).some((x) => x.startsWith('Lithuania')));
});

test('names the store does not know and storylines it lacks are warnings, not errors', async () => {
  const r = await build(HEAD + 'select: {actors: [Ruritania], storylines: [no such story at all]}\n');
  assert.equal(r.pending.length, 0);
  assert.ok(r.warnings.some((w) => /^m\.yaml:3: select\.actors: "Ruritania" names no actor in this store$/.test(w)), r.warnings.join('\n'));
  assert.ok(r.warnings.some((w) => /^m\.yaml:3: select\.storylines: no storyline matches/.test(w)), r.warnings.join('\n'));
});
