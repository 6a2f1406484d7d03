import { test } from 'node:test';
import assert from 'node:assert/strict';
import { collect } from '../../src/store/index.ts';
import { linkAnalyses } from '../../src/link/index.ts';
import { buildReport, renderReport } from '../../src/analysis/report.ts';
import { makeAnalysis, ACTORS, linkedStore } from '../store/fixture.ts';

const store = linkedStore;

test('the report ranks actors, tallies relations from asserted events only, and keeps hypotheticals apart', async () => {
  const s = await store();
  const r = await buildReport(s);
  assert.deepEqual(r.totals, { documents: 3, events: 7, quotes: 3 });
  assert.equal(r.actors[0].id, 'state:RUS');
  assert.deepEqual(r.actors.find((a) => a.id === 'new:person:ivan-marchenka'), {
    id: 'new:person:ivan-marchenka', name: 'Ivan Marchenka', code: 'BLRELI', kind: 'person', mentions: 2, events: 0, documents: 2,
  }, 'the two spellings of one analyst are counted as one actor');
  const polUsa = r.relations.find((x) => x.a.part === 'POL' && x.b.part === 'USA')!;
  assert.deepEqual([polUsa.cooperative, polUsa.conflictual, polUsa.meanGoldstein, polUsa.asserted], [2, 0, 2.5, 2]);
  const ausJpn = r.relations.find((x) => x.a.part === 'AUS' && x.b.part === 'JPN')!;
  assert.equal(ausJpn.asserted, 1);
  assert.deepEqual(ausJpn.other, { predicted: 1 });
  await s.close();
});

test('the timeline is sorted by day and undated events are listed apart', async () => {
  const s = await store();
  const r = await buildReport(s);
  const days = r.timeline.map((l) => l.date!);
  assert.deepEqual(days, [...days].sort());
  assert.deepEqual(r.undated.map((l) => [l.type, l.modality]), [['MOBILIZE', 'hypothetical']]);
  const deploy = r.timeline.find((l) => l.type === 'MOBILIZE')!;
  assert.equal(deploy.dateFrom, 'published', 'an undated asserted event is placed at its report\'s day');
  await s.close();
});

test('quotes are grouped by speaker, storylines span documents, and framing is counted per document', async () => {
  const s = await store();
  const r = await buildReport(s);
  assert.deepEqual(r.speakers.map((x) => [x.name, x.quotes.length]), [['Emi Tanaka', 1], ['Ivan Marchenka', 1], ['Jan Kowalczyk', 1]]);
  assert.deepEqual(r.storylines.map((x) => [x.label, x.documents, x.events.length]), [
    ['US military base — Poland, United States', 2, 2], ['missiles in Kaliningrad — Russia', 2, 2],
  ]);
  const a = r.documents.find((d) => d.outlet === 'Baltic Monitor')!;
  assert.deepEqual(a.scareQuotes, ['deterrent']);
  assert.deepEqual(a.loaded, ['crisis']);
  assert.deepEqual([a.quotes, a.namedQuotes, a.namedShare], [2, 1, 0.5]);
  await s.close();
});

test('filters by actor (name, code or id) and by days', async () => {
  const s = await store();
  for (const q of ['Lithuania', 'LTU', 'state:LTU', 'vilnius']) {
    const r = await buildReport(s, { actor: q });
    assert.deepEqual(r.timeline.map((l) => l.type), ['SANCTION'], `filter ${q}`);
    assert.deepEqual(r.relations.map((x) => `${x.a.part}-${x.b.part}`), ['LTU-RUS']);
  }
  const byPerson = await buildReport(s, { actor: 'Marchenko' });
  assert.deepEqual(byPerson.speakers.map((x) => x.name), ['Ivan Marchenka']);
  const march = await buildReport(s, { since: '2025-03-01', until: '2025-03-11' });
  assert.deepEqual(march.timeline.map((l) => l.date), ['2025-03-10', '2025-03-11']);
  assert.deepEqual(march.documents.map((d) => d.published), ['2025-03-10']);
  assert.deepEqual((await buildReport(s, { since: '2025-05' })).timeline.map((l) => l.type), ['COOPERATE']);
  await assert.rejects(() => buildReport(s, { since: 'last week' }), /not an ISO day/);
  await s.close();
});

test('text and markdown never tell a hypothetical or expected event as having happened', async () => {
  const s = await store();
  const r = await buildReport(s);
  const text = renderReport(r, 'text');
  assert.match(text, /^SITUATION REPORT/);
  for (const h of ['ACTORS THAT MATTER MOST', 'RELATIONS BETWEEN PAIRS OF ACTORS', 'TIMELINE', 'WHAT EACH SPEAKER SAID', 'STORYLINES ACROSS DOCUMENTS', 'FRAMING BY DOCUMENT']) {
    assert.ok(text.includes(h), `section ${h}`);
  }
  const placing = text.split('\n').find((l) => l.includes('placing more missiles'))!;
  assert.match(placing, /hypothetical only/);
  const exercise = text.split('\n').find((l) => l.includes('COOPERATE'))!;
  assert.match(exercise, /expected only/);
  const md = renderReport(r, 'markdown');
  assert.match(md, /^# Situation report/);
  assert.match(md, /\| Poland – United States \| 2 \| 0 \| 2\.5 \| 2 \| – \|/);
  assert.deepEqual(JSON.parse(renderReport(r, 'json')), JSON.parse(JSON.stringify(r)));
  await s.close();
});

test('a state asked for takes in its ministries, forces and leaders', async () => {
  const s = await store();
  const mod = makeAnalysis({
    body: 'The Lithuanian defence ministry protested to the Russian embassy on 14 March 2025.', source: 'm.txt', meta: { published: '2025-03-14' },
    actors: [{ id: 'org:ltu-mod', name: 'Ministry of National Defence of Lithuania', kind: 'org', code: 'LTUMIL', aliases: [], country: 'LTU' }, ACTORS.RUS],
    mentions: [{ text: 'Lithuanian defence ministry', actor: 'org:ltu-mod', kind: 'org' }],
    events: [{ type: 'ACCUSE', trigger: 'protested', source: { text: 'Lithuanian defence ministry', code: 'LTUMIL', actor: 'org:ltu-mod' }, target: { text: 'Russian', code: 'RUSGOV', actor: 'state:RUS' }, when: { text: 'on 14 March 2025', start: '2025-03-14', end: '2025-03-14' } }],
    quotes: [], frames: [],
  });
  await s.saveAnalyses([mod]);
  assert.deepEqual((await buildReport(s, { actor: 'Lithuania' })).timeline.map((l) => l.type), ['SANCTION', 'ACCUSE']);
  assert.deepEqual((await buildReport(s, { actor: 'LTUMIL' })).timeline.map((l) => l.type), ['ACCUSE']);
  await s.close();
});

test('one event told by two documents is one line of the timeline and one count', async () => {
  const s = await store();
  const again = makeAnalysis({
    body: 'Vilnius expelled a pair of Russian diplomats on Tuesday over spying.', source: 'again.txt', meta: { published: '2025-03-11', outlet: 'Second Desk' },
    actors: [ACTORS.LTU, ACTORS.RUS], mentions: [],
    events: [{ type: 'SANCTION', trigger: 'expelled', source: { text: 'Vilnius', code: 'LTUGOV', actor: 'state:LTU' }, target: { text: 'Russian', code: 'RUSGOV', actor: 'state:RUS' }, when: { text: 'on Tuesday', start: '2025-03-11', end: '2025-03-11' } }],
    quotes: [], frames: [],
  });
  await s.saveAnalyses([again]);
  await s.saveLinks(linkAnalyses(await collect(s.analyses())));
  const r = await buildReport(s);
  const expulsions = r.timeline.filter((l) => l.type === 'SANCTION');
  assert.equal(expulsions.length, 1);
  assert.equal(expulsions[0].alsoTold?.length, 1);
  assert.equal(r.relations.find((x) => x.a.part === 'LTU')!.conflictual, 1);
  assert.match(renderReport(r, 'text'), /SANCTION .* 2\n/);
  await s.close();
});
