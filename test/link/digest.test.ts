// A document's link digest survives being stored: decoding what encodeDigest wrote gives the same
// features, signature and actors, whether the analysis still had its tokens or not.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { inflateRawSync } from 'node:zlib';
import { decodeDigest, encodeDigest, linkDigest } from '../../src/link/digest.ts';
import { createPipeline } from '../../src/pipeline/index.ts';
import { ingestText } from '../../src/ingest/index.ts';
import { corpus } from '../store/fixture.ts';

const TEXT = [
  'Warsaw, 12 March 2025. Poland offered on Tuesday to pay for a permanent US military base near Bydgoszcz.',
  'Russia warned that it would answer any new base with missiles in Kaliningrad, a spokesman said.',
  'Lithuania and Poland held talks in Vilnius about the border crossing at Lazdijai, and agreed to meet again in April.',
  'The Belarusian defence ministry sent a delegation to Brest for consultations with Polish officers.',
].join('\n\n');

test('a digest decodes to what was encoded', () => {
  const a = createPipeline().analyze(ingestText(TEXT, 'digest.txt', { format: 'txt', meta: { published: '2025-03-12' } }));
  const digest = linkDigest(a);
  assert.ok(digest.events.length >= 3, 'the text gives events');
  assert.ok(digest.events.some((e) => e.keys.size > 0 && e.places.size > 0), 'with key words and places');
  const back = decodeDigest(encodeDigest(digest));
  assert.deepEqual(back, digest);
});

test('a digest made from a stored analysis (no tokens) equals one made with them', () => {
  for (const a of corpus()) {
    const withTokens = linkDigest(a);
    const without = linkDigest({ ...a, tokens: [] });
    assert.deepEqual(without, withTokens, a.doc.id);
    assert.deepEqual(decodeDigest(encodeDigest(without)), withTokens);
  }
});

test('a digest of an unknown version is refused with the document named', () => {
  assert.throws(() => decodeDigest(JSON.stringify({ v: 9, doc: 'abc', actors: [], events: [] })), /abc: unknown version 9/);
});

test('a digest is stored deflated, and one stored as plain JSON (before compression) still decodes', () => {
  // an article of some length: its events repeat the same actors, words and fields
  const long = [1, 2, 3, 4, 5].map((n) => TEXT.replace('Tuesday', `Tuesday (report ${n})`)).join('\n\n');
  const a = createPipeline().analyze(ingestText(long, 'digest.txt', { format: 'txt', meta: { published: '2025-03-12' } }));
  const digest = linkDigest(a);
  const stored = encodeDigest(digest);
  assert.match(stored, /^z:[A-Za-z0-9+/=]+$/, 'deflated, as base64 text');
  const json = inflateRawSync(Buffer.from(stored.slice(2), 'base64')).toString();
  assert.ok(stored.length < json.length / 2, `${stored.length} characters stored for ${json.length} of JSON`);
  assert.deepEqual(decodeDigest(json), digest);
});
