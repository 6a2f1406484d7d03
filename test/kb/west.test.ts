// "West" alone, capitalised, is the West even with words or quote marks between it and "the";
// place names that begin with West are not.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadKnowledgeBase } from '../../src/kb/knowledge-base.ts';
import { tokenize } from '../../src/text/tokenize.ts';

const kb = loadKnowledgeBase();
const actorsIn = (text: string) => kb.matchNames(tokenize(text).tokens).flatMap((m) => m.entries.map((e) => e.actor));

test('the West behind an adjective in scare quotes is the group', () => {
  assert.ok(actorsIn('The minister attacked the ‘decadent’ West again.').includes('group:west'));
  assert.ok(actorsIn('Relations between Minsk and the West have cooled.').includes('group:west'));
});

test('West Bank, West Germany and a lower-case direction are not the West', () => {
  for (const text of ['Clashes broke out in West Bank towns.', 'West Germany joined the alliance in 1955.', 'The column moved west of the river.']) {
    assert.ok(!actorsIn(text).includes('group:west'), text);
  }
});
