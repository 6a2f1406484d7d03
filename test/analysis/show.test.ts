import { test } from 'node:test';
import assert from 'node:assert/strict';
import { showActor, showDocument, showEvent } from '../../src/analysis/show.ts';
import { corpus, linkedStore } from '../store/fixture.ts';

const store = linkedStore;

test('a document shows its metadata and every layer with offsets and covered words', async () => {
  const s = await store();
  const [a] = corpus();
  const out = await showDocument(s, a.doc.id);
  assert.match(out, /outlet: Baltic Monitor/);
  assert.match(out, /\[0-6\] "Warsaw" code POLGOV/);
  assert.match(out, /:e2 {2}MOBILIZE {2}hypothetical/);
  assert.match(out, /trigger: "offered" \[7-14\]; via test:agree/);
  assert.match(out, /direct, Jan Kowalczyk .*"stands for as long as Washington wants it"/);
  assert.match(out, /scare-quote: "deterrent"/);
  assert.equal(await showDocument(s, a.doc.id.slice(0, 8)), out, 'a unique prefix of the id is enough');
  await assert.rejects(() => showDocument(s, 'ffffffffffffffff'), /no stored document has the id "ffffffffffffffff"/);
  await s.close();
});

test('an actor shows its documents, mentions with sentences, events and quotes, across spellings', async () => {
  const s = await store();
  const pol = await showActor(s, 'Poland');
  assert.match(pol, /^ACTOR Poland\n {2}id: state:POL\n {2}kind: state\n {2}code: POL/);
  assert.match(pol, /\[0-6\] "Warsaw": Warsaw offered on Monday/);
  assert.match(pol, /EVENTS \(2\)/);
  const analyst = await showActor(s, 'Marchenko');
  assert.match(analyst, /ACTOR Ivan Marchenka/);
  assert.match(analyst, /also known in text as: new:person:ivan-marchenko/);
  assert.match(analyst, /"Ivan Marchenko" \(analyst\)/);
  assert.match(analyst, /QUOTES \(1\)/);
  await assert.rejects(() => showActor(s, 'Atlantis'), /no stored actor is named or coded "Atlantis"/);
  await s.close();
});

test('an event shows its coding, roles, time, sentence and the rule that coded it', async () => {
  const s = await store();
  const b = corpus()[1];
  const out = await showEvent(s, b.events[0].id);
  assert.match(out, /^EVENT .*:e1 {2}CONSULT {2}asserted/);
  assert.match(out, /source: Poland \(state:POL\), code POL, words "Poland" \[0-6\]/);
  assert.match(out, /target: United States \(state:USA\), code USAMIL, words "US"/);
  assert.match(out, /CAMEO 04, Goldstein 1, quad class 1 \(verbal cooperation\)/);
  assert.match(out, /time: "on 12 March 2025" = 2025-03-12/);
  assert.match(out, /trigger: "negotiating" \[10-21\]; via test:consult/);
  assert.match(out, /sentence: Poland is negotiating the stationing/);
  assert.match(out, /storyline: US military base — Poland, United States/);
  await assert.rejects(() => showEvent(s, 'nope:e9'), /no stored event has the id "nope:e9"/);
  await s.close();
});
