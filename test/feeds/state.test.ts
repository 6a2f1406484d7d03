import { test } from 'node:test';
import assert from 'node:assert/strict';
import { backingOff, MAX_SEEN, parseState, recordFailure, recordSuccess, stateJson } from '../../src/feeds/state.ts';

test('each failure in a row doubles the wait, up to a day; a success clears it and keeps the new validators', () => {
  const s = parseState(undefined);
  const now = Date.parse('2026-01-01T00:00:00Z');
  const waits = [1, 2, 3, 4].map(() => { recordFailure(s, 'HTTP 503', 60_000, now); return (Date.parse(s.retryAt!) - now) / 60_000; });
  assert.deepEqual(waits, [1, 2, 4, 8]);
  assert.equal(s.failures, 4);
  assert.ok(backingOff(s, now + 7 * 60_000) && !backingOff(s, now + 8 * 60_000 + 1));
  for (let i = 0; i < 20; i++) recordFailure(s, 'HTTP 503', 60_000, now);
  assert.equal(Date.parse(s.retryAt!) - now, 24 * 3600_000);
  s.etag = '"old"';
  recordSuccess(s, { lastModified: 'Wed, 04 Dec 2024 12:00:00 GMT' });
  assert.deepEqual({ failures: s.failures, retryAt: s.retryAt, etag: s.etag, lastModified: s.lastModified },
    { failures: 0, retryAt: undefined, etag: undefined, lastModified: 'Wed, 04 Dec 2024 12:00:00 GMT' });
  recordSuccess(s);   // a 304 keeps the validators
  assert.equal(s.lastModified, 'Wed, 04 Dec 2024 12:00:00 GMT');
});

test('the stored state reads back; an unreadable one starts afresh; the seen list keeps the newest keys', () => {
  const s = parseState(undefined);
  s.seen = Array.from({ length: MAX_SEEN + 10 }, (_, i) => `k${i}`);
  const back = parseState(stateJson(s));
  assert.equal(back.seen.length, MAX_SEEN);
  assert.equal(back.seen[0], 'k10');
  assert.equal(back.seen.at(-1), `k${MAX_SEEN + 9}`);
  assert.deepEqual(parseState('{not json'), { failures: 0, seen: [], tries: {} });
  assert.deepEqual(parseState('{"failures":2,"seen":"x"}'), { failures: 2, seen: [], tries: {} });
});
