import { test } from 'node:test';
import assert from 'node:assert/strict';
import { namesSpeaker, renderSpeakerQuotes, speakerQuotes } from '../../src/analysis/quotes.ts';
import { voicesStore } from './voices-fixture.ts';

test('a speaker’s quotes across the store, by name, surname or alias, with their sources', async () => {
  const { store, wire } = await voicesStore();
  const r = await speakerQuotes(store, 'Boris Pistorius');
  assert.deepEqual(r.speakers.map((s) => s.id), ['person:boris-pistorius']);
  assert.equal(r.quotes.length, 2);
  assert.ok(r.quotes.every((q) => q.doc === wire.doc.id && q.outlet === 'Baltic Wire' && q.published === '2026-03-02'));
  assert.match(r.quotes[0].text, /^This is the largest deployment/);
  assert.equal(wire.doc.body.slice(r.quotes[0].start, r.quotes[0].end), r.quotes[0].text);
  assert.match(r.quotes[0].sentence, /told reporters in Vilnius/);
  const text = renderSpeakerQuotes(r, 'text');
  assert.match(text, /2 quotes in 1 document/);
  assert.match(text, /“We are here to stay, and we are here to defend\.” — Baltic Wire, 2026-03-02/);
  await store.close();
});

test('a speaker no actor stands for is found by the words that named it; reported speech is listed too', async () => {
  const { store } = await voicesStore();
  const r = await speakerQuotes(store, 'Gotkowska');
  assert.deepEqual(r.quotes.map((q) => q.kind).sort(), ['direct', 'indirect']);
  assert.match(renderSpeakerQuotes(r, 'text'), /\(reported\) the brigade “changes the calculus” in the region/);
  // the words named him "Nausėda" only; his actor's full name finds the quote by his given name
  const given = await speakerQuotes(store, 'Gitanas');
  assert.deepEqual(given.quotes.map((q) => [q.text, q.speakerText]), [['Our allies keep their word', 'Nausėda']]);
  const none = await speakerQuotes(store, 'Jens Stoltenberg');
  assert.equal(none.quotes.length, 0);
  assert.match(renderSpeakerQuotes(none, 'text'), /No speaker named "Jens Stoltenberg" is quoted|No quotes of/);
  assert.equal(JSON.parse(renderSpeakerQuotes(none, 'json')).quotes.length, 0);
  await store.close();
});

test('speaker words match whole words, case and diacritics ignored', () => {
  assert.equal(namesSpeaker('Lithuanian President Gitanas Nausėda', 'nauseda'), true);
  assert.equal(namesSpeaker('Lithuanian President Gitanas Nausėda', 'Gitanas Nauseda'), true);
  assert.equal(namesSpeaker('the Nausėda aide', 'Naus'), false);
  assert.equal(namesSpeaker(undefined, 'x'), false);
});
