import { test } from 'node:test';
import assert from 'node:assert/strict';
import { documentVoice, namedSpeaker, outletOf, outletProfiles, perThousand, renderOutletProfiles, sumVoices } from '../../src/analysis/outlets.ts';
import { analyse, voicesStore, WIRE, REVIEW } from './voices-fixture.ts';

test('a sourced report: every quote has a named speaker and most sentences are sourced', () => {
  const v = documentVoice(analyse(WIRE, 'Baltic Wire', '2026-03-02'));
  assert.ok(v.quotes.direct >= 3, JSON.stringify(v.quotes));
  assert.equal(v.quotes.named, v.quotes.direct + v.quotes.indirect);
  assert.ok((v.sourcedShare ?? 0) >= 0.7, String(v.sourcedShare));
  const names = v.speakers.map((s) => s.name);
  assert.ok(names.includes('Boris Pistorius') && names.includes('Justyna Gotkowska'), names.join());
  assert.equal(v.speakers.find((s) => s.name === 'Boris Pistorius')?.direct, 2);
  assert.equal(v.claims.author, 0);
  assert.deepEqual(v.scareQuotes, []);
});

test('an opinion piece: no voices, the author judges, scare quotes and loaded words by category', () => {
  const v = documentVoice(analyse(REVIEW, 'Eastern Review', '2026-03-04'));
  assert.equal(v.quotes.direct + v.quotes.indirect, 0);
  assert.equal(v.sourcedShare, 0);
  assert.ok(v.claims.author >= 3 && v.claims.meanHedge !== null);
  assert.deepEqual(v.scareQuotes.map((c) => c.text).sort(), ['Zeitenwende', 'forward defence', 'responsibility']);
  assert.deepEqual(v.loaded.derogatory?.map((c) => c.text).sort(), ['hysteria', 'propagandists']);
  assert.deepEqual(v.hedges.map((c) => c.text.toLowerCase()).sort(), ['chances are', 'might']);
});

test('a loaded word inside scare quotes counts once, as a scare quote', () => {
  const v = documentVoice(analyse('The "aggression" was a drill. The army was on parade.', 'X', '2026-01-01'));
  assert.deepEqual(v.scareQuotes.map((c) => c.text), ['aggression']);
  assert.deepEqual(v.loaded, {});
});

test('named speakers: an actor or words with a name; not "officials" or "the minister"', () => {
  assert.equal(namedSpeaker({ speaker: 'state:LTU' }), true);
  assert.equal(namedSpeaker({ speakerText: 'military expert Jan Nowak' }), true);
  assert.equal(namedSpeaker({ speakerText: 'Officials' }), false);
  assert.equal(namedSpeaker({ speakerText: 'the minister' }), false);
  assert.equal(namedSpeaker({}), false);
});

test('outlet names come from the outlet field, else the site of the URL', () => {
  assert.equal(outletOf({ outlet: ' Baltic Wire ' }), 'Baltic Wire');
  assert.equal(outletOf({ url: 'https://www.example.org/a/b' }), 'example.org');
  assert.equal(outletOf({ url: 'not a url' }), undefined);
});

test('figures of several documents add up; shares and means are recomputed, not averaged', () => {
  const a = documentVoice(analyse(WIRE, 'W', '2026-03-02'));
  const b = documentVoice(analyse(REVIEW, 'R', '2026-03-04'));
  const s = sumVoices([a, b]);
  assert.equal(s.documents, 2);
  assert.equal(s.words, a.words + b.words);
  assert.equal(s.sourcedShare, Math.round(((a.sourcedSentences + b.sourcedSentences) / (a.sentences + b.sentences)) * 100) / 100);
  assert.equal(s.claims.author, a.claims.author + b.claims.author);
  assert.equal(s.speakers.length, a.speakers.length);
  assert.equal(perThousand(5, 2000), 2.5);
  assert.equal(perThousand(1, 0), 0);
});

test('outlet profiles over a store, in every format', async () => {
  const { store } = await voicesStore();
  const profiles = await outletProfiles(store);
  assert.deepEqual(profiles.map((p) => p.outlet), ['Baltic Wire', 'Eastern Review']);
  assert.ok(profiles[0].voice.quotes.direct > 0 && profiles[1].voice.quotes.direct === 0);
  const text = renderOutletProfiles(profiles, 'text');
  assert.match(text, /OUTLET PROFILES/);
  assert.match(text, /Baltic Wire\s+1\s+\d+\s+4/);
  assert.match(text, /loaded, derogatory: hysteria, propagandists/);
  assert.match(renderOutletProfiles(profiles, 'markdown'), /^# Outlet profiles/m);
  assert.equal(JSON.parse(renderOutletProfiles(profiles, 'json')).length, 2);
  await store.close();
});
