// A bounded memo remembers what it computed, and forgets everything once it holds `limit` keys.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { BoundedMemo } from '../../src/text/memo.ts';

test('a value is computed once per key while the memo has room, and again after it was emptied', () => {
  const calls: string[] = [];
  const upper = (s: string) => { calls.push(s); return s.toUpperCase(); };
  const memo = new BoundedMemo<string, string>(2);
  assert.equal(memo.get('a', upper), 'A');
  assert.equal(memo.get('a', upper), 'A');
  assert.equal(memo.get('b', upper), 'B');
  assert.deepEqual(calls, ['a', 'b'], 'remembered');
  assert.equal(memo.get('c', upper), 'C');    // full: emptied, then c kept
  assert.equal(memo.get('a', upper), 'A');
  assert.deepEqual(calls, ['a', 'b', 'c', 'a'], 'a was forgotten when the memo filled');
  memo.clear();
  memo.get('c', upper);
  assert.deepEqual(calls, ['a', 'b', 'c', 'a', 'c']);
});
