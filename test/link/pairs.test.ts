// Candidate pairs: each event with its nearest neighbours in time, each pair once, and pairs of
// two carried events left out when the window says where the new events start.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { WINDOW, windowPairs } from '../../src/link/pairs.ts';

const pairsOf = (list: number[], rank: Int32Array, fresh?: number): string[] => {
  const seen: string[] = [];
  windowPairs(list, rank, (a, b) => seen.push(`${a}-${b}`), fresh);
  return seen.sort();
};

test('every pair of a short list is visited once, smaller index first', () => {
  const rank = Int32Array.from([3, 1, 0, 2]);
  assert.deepEqual(pairsOf([0, 1, 2, 3], rank), ['0-1', '0-2', '0-3', '1-2', '1-3', '2-3']);
});

test('in a long list an item meets only its WINDOW nearest in time', () => {
  const n = WINDOW + 10;
  const rank = Int32Array.from({ length: n }, (_, i) => n - 1 - i);   // time runs backwards
  const seen = pairsOf([...Array(n).keys()], rank);
  assert.ok(seen.includes(`0-${WINDOW}`), 'the WINDOW-th neighbour is met');
  assert.ok(!seen.includes(`0-${WINDOW + 1}`), 'the one after is not');
  assert.equal(new Set(seen).size, seen.length, 'no pair twice');
});

test('pairs of two events below `fresh` are skipped, pairs with a newer one are kept', () => {
  const rank = Int32Array.from([0, 1, 2, 3, 4]);
  assert.deepEqual(pairsOf([0, 1, 2, 3, 4], rank, 3), ['0-3', '0-4', '1-3', '1-4', '2-3', '2-4', '3-4']);
});
