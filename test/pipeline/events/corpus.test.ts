// The events stage on the invented corpus of test/fixtures/events/corpus.yaml: each entry is read
// against its publication date (time stage included) with hand-made mentions, and must yield
// exactly the events it lists. A last test checks that the corpus covers what the issue names:
// all sixteen PLOVER types, both voices, every modality and every kind of time expression.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import type { Event } from '../../../src/model/types.ts';
import { PLOVER_TYPES } from '../../../src/model/types.ts';
import { findEvents } from '../../../src/pipeline/events.ts';
import { findTimes } from '../../../src/pipeline/time/resolve.ts';
import { analysisFor, NAMES } from '../events-helpers.ts';

interface Expected { type: string; source: string; target?: string; modality?: string; place?: string; when?: string; mode?: string }
interface Entry { text: string; published?: string | null; names?: Record<string, string>; covers: string[]; events: Expected[]; todo?: string }
interface Corpus { published: string; entries: Entry[] }

const corpus = parse(readFileSync(new URL('../../fixtures/events/corpus.yaml', import.meta.url), 'utf8')) as Corpus;

function describe(e: Event): string {
  const when = e.when ? ` @${e.when.start ? `${e.when.start}/${e.when.end}` : 'unresolved'}` : '';
  return `${e.type}${e.mode ? `/${e.mode}` : ''} ${e.source?.code} -> ${e.target?.code ?? '-'} ${e.modality}${e.place ? ` in ${e.place.text}` : ''}${when} [${e.trigger.text}]`;
}

/** `when` as the corpus writes it: a day, "start/end", or "unresolved". */
function whenFits(e: Event, want: string | undefined): boolean {
  if (want === undefined) return true;
  if (want === 'unresolved') return !!e.when && !e.when.start;
  const [start, end] = want.includes('/') ? want.split('/') : [want, want];
  return e.when?.start === start && e.when?.end === end;
}

function eventsOf(entry: Entry): Event[] {
  const published = entry.published === null ? undefined : entry.published ?? corpus.published;
  const a = analysisFor(entry.text, { published, names: entry.names ? { ...NAMES, ...entry.names } : NAMES });
  a.times = findTimes(a.doc.body, published, a.sentences.map((s) => [s.start, s.end] as [number, number]));
  return findEvents(a);
}

for (const entry of corpus.entries) {
  test(`corpus: ${entry.text}`, { todo: entry.todo }, () => {
    const events = eventsOf(entry);
    const got = events.map(describe);
    assert.equal(events.length, entry.events.length, `expected ${entry.events.length} events, got: ${got.join('; ') || 'none'}`);
    for (const want of entry.events) {
      const hit = events.find((e) => e.type === want.type && e.source?.code === want.source
        && (want.target === undefined || e.target?.code === want.target)
        && e.modality === (want.modality ?? 'asserted')
        && (want.place === undefined || e.place?.text === want.place)
        && (want.mode === undefined || e.mode === want.mode)
        && whenFits(e, want.when));
      assert.ok(hit, `missing ${JSON.stringify(want)}; got: ${got.join('; ') || 'none'}`);
    }
  });
}

test('corpus: covers every type, voice, modality and time expression the issue names', () => {
  const entries = corpus.entries;
  assert.ok(entries.length >= 150, `only ${entries.length} sentences`);
  const tags = new Set(entries.flatMap((e) => e.covers));
  const expected = new Set(entries.flatMap((e) => e.events.map((x) => x.type)));
  const modalities = new Set(entries.flatMap((e) => e.events.map((x) => x.modality ?? 'asserted')));
  const missing = [
    ...PLOVER_TYPES.filter((t) => !tags.has(t) || !expected.has(t)),
    ...['active', 'passive', 'nominal', 'coordination', 'between', 'possessive', 'apposition', 'reported', 'carry-over', 'place']
      .filter((t) => !tags.has(t)),
    ...['asserted', 'negated', 'hypothetical', 'recommended', 'predicted'].filter((m) => !modalities.has(m)),
    ...['absolute', 'weekday', 'last-weekday', 'later', 'part-of-month', 'years-back', 'this-week', 'since', 'unresolved']
      .map((t) => `time:${t}`).filter((t) => !tags.has(t)),
  ];
  assert.deepEqual(missing, []);
  // a corpus that tests only what already works would hide regressions: most entries must pass
  const todo = entries.filter((e) => e.todo).length;
  assert.ok(todo <= entries.length / 10, `${todo} of ${entries.length} entries are marked todo`);
});
