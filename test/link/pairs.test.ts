// Candidate pairs: in each list an event meets the WINDOW events nearest it in time (all of a
// short list), reached one event at a time through its places in the lists.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Neighbourhoods, WINDOW } from '../../src/link/pairs.ts';

/** Every pair (a < b) the neighbourhoods give, with the list it came from. */
function pairsOf(lists: number[][], n: number, rank: Int32Array): string[] {
  const near = new Neighbourhoods(lists, n, rank);
  const seen: string[] = [];
  for (let a = 0; a < n; a++) {
    for (let m = near.first(a); m < near.end(a); m++) {
      const list = near.lists[near.list[m]];
      assert.equal(list[near.at[m]], a, 'a place points at the event');
      for (let y = near.from(m); y <= near.to(m); y++) if (list[y] > a) seen.push(`${near.list[m]}:${a}-${list[y]}`);
    }
  }
  return seen;
}

test('a short list pairs all its items, each pair once, smaller index first', () => {
  const rank = Int32Array.from([3, 1, 0, 2]);
  assert.deepEqual(pairsOf([[0, 1, 2, 3]], 4, rank).sort(), ['0:0-1', '0:0-2', '0:0-3', '0:1-2', '0:1-3', '0:2-3']);
});

test('in a long list an item meets only its WINDOW nearest in time', () => {
  const n = WINDOW + 10;
  const rank = Int32Array.from({ length: n }, (_, i) => n - 1 - i);   // time runs backwards
  const seen = pairsOf([[...Array(n).keys()]], n, rank);
  assert.ok(seen.includes(`0:${n - 1 - WINDOW}-${n - 1}`), 'the WINDOW-th neighbour in time is met');
  assert.ok(!seen.includes(`0:${n - 2 - WINDOW}-${n - 1}`), 'the one after is not');
  assert.ok(seen.includes('0:0-1') && !seen.includes(`0:0-${WINDOW + 1}`), 'events far apart in time are not paired');
  assert.equal(new Set(seen).size, seen.length, 'no pair twice');
  assert.equal(seen.length, (n - WINDOW) * WINDOW + (WINDOW * (WINDOW - 1)) / 2);
});

test('an event in several lists is reached through each, in list order', () => {
  const rank = Int32Array.from([0, 1, 2]);
  assert.deepEqual(pairsOf([[0, 2], [1, 2], [0, 1]], 3, rank), ['0:0-2', '2:0-1', '1:1-2']);
});
