// Storyline candidate pairs: scored by the weights of the words they share, each word once,
// events with no known actors kept only on a shared name or two shared words, strongest first.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { EventFeatures } from '../../src/link/features.ts';
import { scoreStoryPairs } from '../../src/link/story-scores.ts';
import { timeRanks } from '../../src/link/pairs.ts';

function event(n: number, parts: string[], keys: string[], names: string[] = []): EventFeatures {
  return {
    doc: `d${n}`, event: `e${n}`, type: 'CONSULT', modality: 'asserted', parts, actors: [], published: `2025-01-0${n + 1}`,
    keys: new Set(keys), places: new Set(), names: new Set(names), trigger: 'meet', surface: new Map(), phrases: new Map(),
  };
}

function score(all: EventFeatures[], weights: Record<string, number>) {
  const df = new Map<string, number[]>();
  all.forEach((f, i) => { for (const k of f.keys) df.set(k, [...(df.get(k) ?? []), i]); });
  const p = scoreStoryPairs(all, df, (k) => weights[k], timeRanks(all));
  return Array.from({ length: p.length }, (_, e) => `${p.ea[e]}-${p.eb[e]}:${p.s[e]}`);
}

test('a pair scores each shared word once, even when it shares two parts', () => {
  const all = [event(0, ['POL', 'USA'], ['base', 'offer']), event(1, ['POL', 'USA'], ['base', 'offer']), event(2, ['POL'], ['base'])];
  assert.deepEqual(score(all, { base: 1, offer: 2 }), ['0-1:3', '0-2:1', '1-2:1']);
});

test('events of different parts are not paired on a word alone', () => {
  const all = [event(0, ['POL'], ['base']), event(1, ['RUS'], ['base'])];
  assert.deepEqual(score(all, { base: 1 }), []);
});

test('an event with no known actors pairs on a shared name or on two shared words', () => {
  const all = [
    event(0, ['POL'], ['base', 'Fort', 'deal'], ['Fort']),
    event(1, [], ['base']),                  // one common word: no pair
    event(2, [], ['Fort'], ['Fort']),         // a shared name
    event(3, [], ['base', 'deal']),           // two shared words
  ];
  assert.deepEqual(score(all, { base: 1, Fort: 4, deal: 2 }), ['0-2:4', '0-3:3'], 'not 0-1, nor 1-3 (one word, no name)');
});

test('pairs come strongest first, equal scores by first then second event', () => {
  const all = [event(0, ['POL'], ['a']), event(1, ['POL'], ['a', 'b']), event(2, ['POL'], ['a', 'b']), event(3, ['POL'], ['a'])];
  assert.deepEqual(score(all, { a: 1, b: 5 }), ['1-2:6', '0-1:1', '0-2:1', '0-3:1', '1-3:1', '2-3:1']);
});
