import { test } from 'node:test';
import assert from 'node:assert/strict';
import { scoreDocument, scoreLinks, eventMatches, dateSpan } from '../../src/eval/score.ts';
import { parseGold, type GoldDocument, type GoldEvent } from '../../src/eval/gold.ts';
import { toResult } from '../../src/eval/result.ts';
import { renderEval } from '../../src/eval/render.ts';
import { norm, countryPart, SearchableText } from '../../src/eval/normalize.ts';
import type { SystemDoc, SystemEvent, SystemView, SystemMention } from '../../src/eval/findings.ts';

// Invented text, not from any real article.
const BODY = 'The Ruritanian defence ministry met Polish officials in Gdansk on Monday. ' +
  '“We value this channel,” said spokesman Ivo Marek. Critics called the visit a “charm offensive”.';

function view(doc: Partial<SystemDoc>, mentions: SystemMention[] = []): SystemView {
  return {
    doc: { file: 'a.txt', meta: {}, body: BODY, actors: [], events: [], quotes: [], frames: [], storylines: [], ...doc },
    sentences: [], mentions,
  };
}

function ev(type: string, source?: string, target?: string, extra: Partial<SystemEvent> = {}): SystemEvent {
  return {
    id: `d:e${Math.random()}`, type, source: source ?? null, target: target ?? null, modality: 'asserted',
    place: null, date: null, sentence: '', via: 'test', start: 0, end: 10, ...extra,
  };
}

function gev(type: string | string[], source: string, target?: string, extra: Partial<GoldEvent> = {}): GoldEvent {
  return { type: Array.isArray(type) ? type : [type], source, target, modality: 'asserted', ...extra };
}

test('normalisation ignores case, diacritics, curly quotes and white space runs', () => {
  assert.equal(norm('  Łódź’s  “Big”\n Day '), norm("lodz's \"big\" day"));
  assert.equal(norm('Alyaksandr  Lukashénka'), 'alyaksandr lukashenka');
  const s = new SearchableText('He said: “Café  talks”.');
  assert.deepEqual(s.findAll('"cafe talks"'), [{ start: 9, end: 22 }]);
});

test('country part: alpha-3 prefix, else the whole code', () => {
  assert.equal(countryPart('BLRMIL'), 'BLR');
  assert.equal(countryPart('blr'), 'BLR');
  assert.equal(countryPart('NATO'), 'NATO');
  assert.equal(countryPart('MED'), 'MED');
  assert.equal(countryPart(undefined), '');
});

test('an absent list is not scored, an empty list is: whatever the system reports is a false alarm', () => {
  const sys = view({
    actors: [{ id: 'state:POL', name: 'Poland', code: 'POL', kind: 'state', aliases: [], mentions: ['Polish'] }],
    events: [ev('CONSULT', 'POL', 'BLR')],
  });
  const absent = scoreDocument({ file: 'a.txt' }, sys).counts;
  assert.deepEqual(absent.actors, { tp: 0, fp: 0, fn: 0 });
  assert.deepEqual(absent.events.fp, 0);
  const empty = scoreDocument({ file: 'a.txt', actors: [], events: [] }, sys);
  assert.equal(empty.counts.actors.fp, 1);
  assert.equal(empty.counts.events.fp, 1);
  assert.deepEqual(empty.errors.map((e) => `${e.kind}:${e.type}`), ['actors:false-alarm', 'events:false-alarm']);
});

test('actors: names, mentions, a leading "the", code match for states only, optional items, kinds not scored', () => {
  const gold: GoldDocument = {
    file: 'a.txt',
    actors: [
      { name: 'Poland', code: 'POL', kind: 'state' },                                   // by code
      { name: 'Ministry of Defence of Ruritania', code: 'LTUMIL', kind: 'org', mentions: ['Ruritanian defence ministry'] },
      { name: 'Ivo Marek', code: 'LTUMIL', kind: 'person' },                             // missed
      { name: 'Gdansk Forum', code: 'POLELI', kind: 'org', optional: true },             // optional, absent
      { name: 'NATO', code: 'NATO', kind: 'igo' },                                      // an org with code NATO does not match it
    ],
  };
  const sys = view({
    actors: [
      { id: 'state:POL', name: 'Republic of Poland', code: 'POL', kind: 'state', aliases: [], mentions: ['Polish'] },
      { id: 'new:org:x', name: 'defence ministry', code: 'LTUMIL', kind: 'org', aliases: [], mentions: ['the Ruritanian defence ministry'] },
      { id: 'new:org:nato-pa', name: 'NATO Parliamentary Assembly', code: 'NATO', kind: 'org', aliases: [], mentions: [] },
      { id: 'group:west', name: 'the West', code: 'WST', kind: 'group', aliases: [], mentions: ['the West'] },
    ],
  });
  const { counts, errors } = scoreDocument(gold, sys);
  assert.deepEqual(counts.actors, { tp: 2, fp: 1, fn: 2 });
  assert.deepEqual(errors.filter((e) => e.type === 'miss').map((e) => (e.item as { name: string }).name), ['Ivo Marek', 'NATO']);
  const fa = errors.find((e) => e.type === 'false-alarm');
  assert.equal((fa?.item as { id: string }).id, 'new:org:nato-pa');
  // The miss quotes the sentence where the gold name is.
  assert.match(errors.find((e) => (e.item as { name: string }).name === 'Ivo Marek')!.sentence, /spokesman Ivo Marek/);
});

test('a system actor matching an optional gold actor is not a false alarm', () => {
  const gold: GoldDocument = { file: 'a.txt', actors: [{ name: 'Gdansk', code: 'POL', kind: 'org', optional: true }] };
  const sys = view({ actors: [{ id: 'new:org:gdansk', name: 'Gdansk', code: 'POL', kind: 'org', aliases: [], mentions: [] }] });
  assert.deepEqual(scoreDocument(gold, sys).counts.actors, { tp: 0, fp: 0, fn: 0 });
});

test('events: types, country parts, missing target, modality, swap only for symmetric types', () => {
  assert.ok(eventMatches(gev(['CONSULT', 'AGREE'], 'LTUMIL', 'POL'), ev('AGREE', 'LTU', 'POLGOV')));
  assert.ok(eventMatches(gev('CONSULT', 'LTU', 'POL'), ev('CONSULT', 'POLMIL', 'LTUGOV')), 'swap for CONSULT');
  assert.ok(eventMatches(gev('COOPERATE', 'LTU', 'POL'), ev('COOPERATE', 'POL', 'LTU')), 'swap for COOPERATE');
  assert.ok(!eventMatches(gev('ACCUSE', 'LTU', 'POL'), ev('ACCUSE', 'POL', 'LTU')), 'no swap for ACCUSE');
  assert.ok(eventMatches(gev('MOBILIZE', 'RUS'), ev('MOBILIZE', 'RUSMIL', 'UKR')), 'gold without target, system with one');
  assert.ok(eventMatches(gev('MOBILIZE', 'RUS'), ev('MOBILIZE', 'RUS')), 'gold without target, system without');
  assert.ok(!eventMatches(gev('MOBILIZE', 'RUS', 'UKR'), ev('MOBILIZE', 'RUS')), 'gold target, system none');
  assert.ok(!eventMatches(gev('MOBILIZE', 'RUS'), ev('MOBILIZE', 'RUS', undefined, { modality: 'predicted' })), 'modality default asserted');
  assert.ok(eventMatches(gev('MOBILIZE', 'RUS', undefined, { modality: 'predicted' }), ev('MOBILIZE', 'RUS', undefined, { modality: 'predicted' })));
  assert.ok(eventMatches(gev('SUPPORT', 'NATO', 'UKR'), ev('SUPPORT', 'NATO', 'UKRGOV')));
  assert.ok(!eventMatches(gev('SUPPORT', 'NATO', 'UKR'), ev('SUPPORT', 'NATOX', 'UKR')), 'non-country codes compare whole');
  assert.ok(!eventMatches(gev('MOBILIZE', 'RUS'), ev('MOBILIZE', undefined)), 'no source matches nothing');
});

test('events: several matches count once, optional neither way, false alarms reduced to distinct keys', () => {
  const gold: GoldDocument = {
    file: 'a.txt',
    events: [
      gev('CONSULT', 'LTU', 'POL', { text: 'met Polish officials' }),
      gev('ASSAULT', 'LTU', 'POL', { text: 'charm offensive' }),                // missed
      gev('AGREE', 'LTU', 'POL', { optional: true }),                         // optional, present
      gev('AID', 'POL', 'LTU', { optional: true }),                           // optional, absent
    ],
  };
  const sys = view({
    events: [
      ev('CONSULT', 'LTUMIL', 'POLGOV'), ev('CONSULT', 'POL', 'LTU'), ev('CONSULT', 'LTU', 'POL'),
      ev('AGREE', 'LTU', 'POL'),
      ev('ACCUSE', 'LTU', 'POL'), ev('ACCUSE', 'LTUGOV', 'POLMIL'),             // one key: one false alarm
      ev('ACCUSE', 'LTU', 'POL', { modality: 'negated' }),                     // another key
    ],
  });
  const { counts, errors } = scoreDocument(gold, sys);
  assert.deepEqual({ tp: counts.events.tp, fp: counts.events.fp, fn: counts.events.fn }, { tp: 1, fp: 2, fn: 1 });
  // per type: the hit and the miss under their gold types, the false alarms under the system's
  assert.deepEqual(counts.events.byType, {
    CONSULT: { tp: 1, fp: 0, fn: 0 }, ASSAULT: { tp: 0, fp: 0, fn: 1 }, ACCUSE: { tp: 0, fp: 2, fn: 0 },
  });
  const miss = errors.find((e) => e.kind === 'events' && e.type === 'miss');
  assert.match(miss!.sentence, /called the visit a “charm offensive”/);
});

test('event dates: a year, a month, a day or an interval; the start of some matching event must fall inside', () => {
  assert.deepEqual(dateSpan('2022'), { start: '2022-01-01', end: '2022-12-31' });
  assert.deepEqual(dateSpan('2024-02'), { start: '2024-02-01', end: '2024-02-29' });
  assert.deepEqual(dateSpan('2018-05-28/2018-06-01'), { start: '2018-05-28', end: '2018-06-01' });
  const gold: GoldDocument = {
    file: 'a.txt',
    events: [
      gev('CONSULT', 'LTU', 'POL', { date: '2018-05-28/2018-06-01' }),
      gev('MOBILIZE', 'LTU', undefined, { date: '2019-03' }),
      gev('ASSAULT', 'LTU', undefined, { date: '2020' }),     // no date on the system side
      gev('PROTEST', 'POL'),                                  // no gold date: not counted
      gev('AID', 'POL', undefined, { date: '2021' }),         // missed: its date is not counted
    ],
  };
  const sys = view({
    events: [
      ev('CONSULT', 'POL', 'LTU', { date: '2018-05-20' }), ev('CONSULT', 'LTU', 'POL', { date: '2018-05-30/2018-06-03' }),
      ev('MOBILIZE', 'LTU', undefined, { date: '2019-04-01' }),
      ev('ASSAULT', 'LTU'), ev('PROTEST', 'POL', undefined, { date: '2000-01-01' }),
    ],
  });
  const { counts, errors } = scoreDocument(gold, sys);
  assert.deepEqual(counts.events.dates, { right: 1, total: 3 });
  assert.equal(errors.filter((e) => e.kind === 'events' && e.type === 'wrong').length, 2);
});

test('quotes: containment, attribution through gold mentions, scare quotes reported as quotes are false alarms', () => {
  const gold: GoldDocument = {
    file: 'a.txt',
    actors: [{ name: 'Ivo Marek', kind: 'person', mentions: ['the spokesman'] }],
    quotes: [
      { speaker: 'Ivo Marek', text: 'We value this channel' },
      { speaker: 'Ivo Marek', text: 'Nobody said this' },
      { speaker: 'Ana Rus', text: 'unheard words', optional: true },
    ],
  };
  const sys = view({
    quotes: [
      { text: 'We value  this channel,', speaker: 'Spokesman', speakerText: 'Spokesman', kind: 'direct', start: 75, end: 100 },
      { text: 'charm offensive', kind: 'direct', start: 160, end: 175 },
    ],
  });
  let r = scoreDocument(gold, sys);
  assert.deepEqual({ tp: r.counts.quotes.tp, fp: r.counts.quotes.fp, fn: r.counts.quotes.fn, right: r.counts.quotes.attributed }, { tp: 1, fp: 1, fn: 1, right: 1 });
  sys.doc.quotes[0].speaker = 'Jan Nowak';
  sys.doc.quotes[0].speakerText = 'Jan Nowak';
  r = scoreDocument(gold, sys);
  assert.equal(r.counts.quotes.attributed, 0);
  assert.equal(r.errors.filter((e) => e.kind === 'quotes' && e.type === 'wrong').length, 1);
  // The speaker's actor: its canonical name counts.
  sys.doc.quotes[0].speakerId = 'person:ivo-marek';
  sys.doc.actors = [{ id: 'person:ivo-marek', name: 'Ivo Marek', code: 'LTUMIL', kind: 'person', aliases: [], mentions: [] }];
  assert.equal(scoreDocument(gold, sys).counts.quotes.attributed, 1);
  const res = toResult(scoreDocument(gold, sys).counts, [], []);
  assert.equal(res.quotes.attribution, 1);
});

test('frames: scare quotes by inner text, optional ones neither way, one false alarm per text', () => {
  const gold: GoldDocument = { file: 'a.txt', frames: { scare_quotes: ['charm offensive', 'friendship'], optional_scare_quotes: ['channel'] } };
  const sys = view({
    frames: [
      { kind: 'scare-quote', text: 'Charm  Offensive', start: 160, end: 175 },
      { kind: 'scare-quote', text: 'channel', start: 0, end: 1 },
      { kind: 'scare-quote', text: 'visit', start: 0, end: 1 }, { kind: 'scare-quote', text: 'visit', start: 5, end: 6 },
      { kind: 'loaded', text: 'critics', start: 0, end: 1 },
    ],
  });
  assert.deepEqual(scoreDocument(gold, sys).counts.frames, { tp: 1, fp: 1, fn: 1 });
  // frames absent, or no scare_quotes list: not scored
  assert.deepEqual(scoreDocument({ file: 'a.txt' }, sys).counts.frames, { tp: 0, fp: 0, fn: 0 });
});

test('meta and body: null published wants no date; keep and drop strings', () => {
  const gold: GoldDocument = {
    file: 'a.txt', meta: { title: 'Talks in Gdańsk', published: null, author: 'A. Writer' },
    body: { keep: ['met  Polish officials', 'not in the body'], drop: ['Subscribe now', 'charm offensive'] },
  };
  const sys = view({ meta: { title: 'talks in gdansk', author: 'Someone Else' } });
  const { counts, errors } = scoreDocument(gold, sys);
  assert.deepEqual(counts.meta, { right: 2, total: 3 });
  assert.deepEqual(counts.body, { right: 2, total: 4 });
  assert.deepEqual(errors.map((e) => `${e.kind}:${e.type}`), ['meta:wrong', 'body:wrong', 'body:false-alarm']);
  sys.doc.meta.published = '2024-01-01';
  assert.equal(scoreDocument(gold, sys).counts.meta.right, 1);
});

test('a score with total zero is null, and the table prints it', () => {
  const counts = scoreDocument({ file: 'a.txt', events: [] }, view({})).counts;
  const r = toResult(counts, [], []);
  assert.equal(r.events.precision, null);
  assert.equal(r.events.recall, null);
  assert.equal(r.events.f1, null);
  assert.equal(r.meta.accuracy, null);
  assert.equal(r.quotes.attribution, null);
  assert.equal(r.events.dates.accuracy, null);
  const table = renderEval(r);
  assert.match(table, /^events\s+-\s+-\s+-\s+0\s+0\s+0/m);
  // tp = 0 with fp and fn: precision and recall 0, F1 0 (not null).
  const zero = toResult({ ...counts, actors: { tp: 0, fp: 2, fn: 1 } }, [], []);
  assert.deepEqual([zero.actors.precision, zero.actors.recall, zero.actors.f1], [0, 0, 0]);
});

test('links: same_actor through CorpusLinks.sameActor, same_story through storylines at both places', () => {
  const a = view({ file: 'a.txt', events: [ev('CONSULT', 'LTU', 'POL', { id: 'A:e1', sentence: 'The Ruritanian defence ministry met Polish officials in Gdansk on Monday.', start: 0, end: 70 })],
    storylines: [{ id: 's1', label: 'talks', sentences: [], events: ['A:e1'] }] },
  [{ text: 'Ivo Marek', start: 118, end: 127, actor: 'new:person:ivo-marek' }]);
  a.doc.file = 'a.txt';
  const bodyB = 'Marek, the ministry spokesman, confirmed the Gdansk meeting.';
  const b: SystemView = {
    doc: { file: 'b.txt', meta: {}, body: bodyB, actors: [], quotes: [], frames: [],
      events: [ev('CONSULT', 'LTU', 'POL', { id: 'B:e1', sentence: bodyB, start: 0, end: bodyB.length })],
      storylines: [{ id: 's1', label: 'talks', sentences: [], events: ['B:e1'] }] },
    sentences: [], mentions: [{ text: 'Marek', start: 0, end: 5, actor: 'new:person:marek' }],
  };
  const views = new Map([['a.txt', a], ['b.txt', b]]);
  const links = parseGold(`
documents: []
links:
  same_actor:
    - [{file: a.txt, mention: Ivo Marek}, {file: b.txt, mention: Marek}]
  same_story:
    - label: talks
      members: [{file: a.txt, text: met Polish officials}, {file: b.txt, text: the Gdansk meeting}]
    - label: unknown
      members: [{file: a.txt, text: charm offensive}, {file: b.txt, text: confirmed}]
`, '/tmp/g.yaml').links;
  let r = scoreLinks(links, views, {});
  assert.deepEqual(r.counts.links, { right: 1, total: 3 });
  r = scoreLinks(links, views, { 'new:person:marek': 'new:person:ivo-marek' });
  assert.deepEqual(r.counts.links, { right: 2, total: 3 });
  assert.equal(r.errors.length, 1);
  assert.equal(scoreLinks(undefined, views, {}).counts.links.total, 0);
});

test('gold parsing: absent vs empty lists, one type or many, default modality, corpus beside the gold file', () => {
  const g = parseGold(`
format: 1
corpus: ../corpus/x
documents:
  - file: one.txt
    events: []
  - file: two.txt
    events:
      - {type: consult, source: LTU, text: talks}
      - {type: [AGREE, SUPPORT], source: POL, target: LTU, modality: predicted, date: 2020}
`, '/data/gold/g.yaml');
  assert.equal(g.corpus, '/data/corpus/x');
  assert.deepEqual(g.documents[0].events, []);
  assert.equal(g.documents[0].actors, undefined);
  assert.deepEqual(g.documents[1].events![0].type, ['CONSULT']);
  assert.equal(g.documents[1].events![0].modality, 'asserted');
  assert.equal(g.documents[1].events![1].date, '2020');
  assert.throws(() => parseGold('documents: [{file: x, events: {}}]', '/g.yaml'), /expected a list/);
});

test('the table is followed by every error with its sentence', () => {
  const gold: GoldDocument = { file: 'a.txt', events: [gev('ASSAULT', 'LTU', 'POL', { text: 'charm offensive' })], frames: { scare_quotes: ['charm offensive'] } };
  const { counts, errors } = scoreDocument(gold, view({ events: [ev('CONSULT', 'LTU', 'POL', { via: 'pattern:consult/meet', sentence: 'The Ruritanian defence ministry met Polish officials in Gdansk on Monday.' })] }));
  const text = renderEval(toResult(counts, errors, []));
  assert.match(text, /errors: 3 \(events miss 1, events false-alarm 1, frames miss 1\)/);
  assert.match(text, /\[events false-alarm\] a\.txt: CONSULT LTU -> POL asserted \[pattern:consult\/meet\]\n\s+\| The Ruritanian defence ministry met/);
  assert.match(text, /\[frames miss\] a\.txt: .*charm offensive.*\n\s+\| Critics called the visit/);
});
