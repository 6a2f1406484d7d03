// SameEventTest, which the same-event pass asks of millions of pairs with what it compares
// worked out once per event, answers as the rules read on the events' strings (isSameEvent
// below) on every pair of a varied set of events: types of one family or not, symmetric types,
// unknown parties, dates present, absent or unparseable, one document or two.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Modality, PloverType } from '../../src/model/types.ts';
import type { EventFeatures } from '../../src/link/features.ts';
import { family, partiesMatch, SameEventTest } from '../../src/link/events.ts';
import { random } from '../../bench/corpus.ts';

// the rules as SameEventTest's comment states them, on strings
const days = (iso: string) => Date.parse(iso.slice(0, 10) + 'T00:00:00Z') / 86_400_000;
function datesMatch(a: EventFeatures, b: EventFeatures): boolean {
  if (a.date && b.date) return days(a.date.start) <= days(b.date.end) + 1 && days(b.date.start) <= days(a.date.end) + 1;
  if (a.doc === b.doc) return true;
  const dated = a.date ? a : b.date ? b : undefined;
  const other = dated === a ? b : a;
  if (dated && other.published) {
    const gap = days(other.published) - days(dated.date!.start);
    return gap >= -1 && gap <= 30;
  }
  if (!dated && a.published && b.published) return Math.abs(days(a.published) - days(b.published)) <= 14;
  return false;
}
const shareContent = (a: EventFeatures, b: EventFeatures) => a.trigger === b.trigger || [...a.keys].some((k) => b.keys.has(k));
const isSameEvent = (a: EventFeatures, b: EventFeatures) => family(a.type) === family(b.type) && a.modality === b.modality &&
  partiesMatch(a, b) && datesMatch(a, b) && shareContent(a, b);

const TYPES: PloverType[] = ['CONSULT', 'AGREE', 'SANCTION', 'COERCE', 'ACCUSE', 'ASSAULT'];
const MODALITIES = ['asserted', 'hypothetical'] as unknown as Modality[];
const PARTIES = [undefined, 'POL', 'BLR', 'RUS'];
// with the edges of each rule: dates a day apart, reported 30 or 31 days after, a day before,
// published 14 or 15 days apart
const DATES = [undefined, { start: '2024-03-01', end: '2024-03-01' }, { start: '2024-03-02', end: '2024-03-05' }, { start: '2024-03-06', end: '2024-03-06' },
  { start: '2024-03-07', end: '2024-03-07' }, { start: '2024-05-20', end: '2024-05-20' }, { start: 'sometime', end: 'sometime' }];
const PUBLISHED = [undefined, '', '2024-02-28', '2024-02-29', '2024-03-03', '2024-03-17', '2024-03-18', '2024-03-31', '2024-04-01', '2024-06-30', 'not a date'];
const WORDS = ['talks', 'base', 'missile', 'border'];

function events(count: number): EventFeatures[] {
  const rnd = random(11);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)];
  return Array.from({ length: count }, (_, i) => {
    const [source, target] = [pick(PARTIES), pick(PARTIES)];
    return {
      doc: `d${Math.floor(rnd() * 6)}`, event: `e${i}`, type: pick(TYPES), modality: pick(MODALITIES),
      source, target, parts: [...new Set([source, target].filter((p): p is string => p !== undefined))].sort(),
      actors: [], date: pick(DATES), published: pick(PUBLISHED),
      keys: new Set(WORDS.filter(() => rnd() < 0.4)), places: new Set(), names: new Set(),
      trigger: pick(['meet', 'sign', 'ban']), surface: new Map(), phrases: new Map(),
    };
  });
}

test('SameEventTest answers as the rules on strings, on every pair', () => {
  const all = events(600);
  const same = new SameEventTest(all);
  let yes = 0;
  for (let a = 0; a < all.length; a++) {
    for (let b = 0; b < all.length; b++) {
      if (a === b) continue;
      const expected = isSameEvent(all[a], all[b]);
      assert.equal(same.test(a, b), expected, `events ${a} and ${b}`);
      if (expected) yes++;
    }
  }
  // the set is varied enough that both answers occur often
  assert.ok(yes > 500 && yes < all.length * all.length / 2, `${yes} pairs are the same event`);
});
