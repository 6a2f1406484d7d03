// The events stage on invented sentences (test/fixtures/events.yaml) with hand-made mentions.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import type { Quote } from '../../src/model/types.ts';
import { findEvents } from '../../src/pipeline/events.ts';
import { analysisFor, assertCoded, codeCase, NAMES, type ExpectedEvent } from './events-helpers.ts';

interface Case { text: string; names?: Record<string, string>; places?: Record<string, string>; quote?: { speaker: string; code: string }; events: ExpectedEvent[] }

const cases = parse(readFileSync(new URL('../fixtures/events.yaml', import.meta.url), 'utf8')) as Case[];

function quoteFor(text: string, q: Case['quote']): Quote[] {
  if (!q) return [];
  const open = text.indexOf('“'), close = text.indexOf('”');
  return [{ start: open + 1, end: close, text: text.slice(open + 1, close), kind: 'direct', speaker: `test:${q.code}`, speakerText: q.speaker, speakerCode: q.code }];
}

for (const c of cases) {
  test(`events: ${c.text}`, () => {
    const a = analysisFor(c.text, { names: c.names ? { ...NAMES, ...c.names } : NAMES, quotes: quoteFor(c.text, c.quote) });
    assertCoded(codeCase(a, c.places), c.events);
  });
}

test('events: every event has an id, a pattern, a trigger inside its sentence, and PLOVER scores', () => {
  const a = analysisFor('Russia attacked Ukraine. Poland met Lithuania.');
  const events = findEvents(a);
  assert.deepEqual(events.map((e) => e.id), ['doc:e1', 'doc:e2']);
  for (const e of events) {
    assert.match(e.via, /^pattern:/);
    assert.ok(e.trigger.start >= e.start && e.trigger.end <= e.end);
    assert.equal(a.doc.body.slice(e.trigger.start, e.trigger.end), e.trigger.text);
  }
  assert.equal(events[0].goldstein, -9);
  assert.equal(events[0].quadClass, 4);
  assert.equal(events[1].cameo, '04');
  assert.equal(events[1].quadClass, 1);
});

test('events: headings tell no events', () => {
  const a = analysisFor('Russia attacks Ukraine\n\nThe weather was fine.');
  assert.equal(findEvents(a).length, 0);
});

test('events: the time expression of the sentence becomes the event date', () => {
  const a = analysisFor('Russia attacked Ukraine on Friday.', { published: '2024-03-13' });
  a.times = [{ start: 24, end: 33, text: 'on Friday', via: 'test', value: { start: '2024-03-08', end: '2024-03-08' } }];
  const [e] = findEvents(a);
  assert.deepEqual(e.when, { text: 'on Friday', start: '2024-03-08', end: '2024-03-08' });
});
