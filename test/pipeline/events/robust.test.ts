// The events stage must not fail on any text: every prefix of every corpus sentence (cut at a
// space, so that sentences end anywhere and start with any word) is coded without an error, and
// each event's trigger and roles lie inside the text.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { findEvents } from '../../../src/pipeline/events.ts';
import { findTimes } from '../../../src/pipeline/time/resolve.ts';
import { analysisFor } from '../events-helpers.ts';

const corpus = parse(readFileSync(new URL('../../fixtures/events/corpus.yaml', import.meta.url), 'utf8')) as { entries: { text: string }[] };

test('events: every prefix and suffix of every corpus sentence is coded without an error', () => {
  let runs = 0;
  for (const { text } of corpus.entries) {
    const words = text.split(' ');
    for (let n = 1; n <= words.length; n++) {
      for (const body of [words.slice(0, n).join(' '), words.slice(words.length - n).join(' ')]) {
        const a = analysisFor(body, { published: '2024-03-15' });
        a.times = findTimes(body, '2024-03-15');
        const ctx = { kb: { place: () => ({ name: 'x', country: 'POL', kind: 'city' as const }) } };
        const events = findEvents(a, ctx as never);
        runs++;
        for (const e of events) {
          assert.ok(e.trigger.start >= 0 && e.trigger.end <= body.length, `trigger outside "${body}"`);
          for (const r of [e.source, e.target]) if (r) assert.ok(r.start >= 0 && r.end <= body.length, `role outside "${body}"`);
        }
      }
    }
  }
  assert.ok(runs > 1000);
});
