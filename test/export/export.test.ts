import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DOMParser } from 'linkedom';
import { collect, openStore, type Store } from '../../src/store/index.ts';
import { linkAnalyses } from '../../src/link/index.ts';
import { exportStore } from '../../src/export/index.ts';
import { corpus, makeAnalysis, ACTORS } from '../store/fixture.ts';

async function store(): Promise<Store> {
  const s = await openStore(':memory:');
  const awkward = makeAnalysis({
    body: 'Vilnius condemned the "so-called" drills, saying: tabs\tand, commas <won\'t> & "quotes" stay intact.',
    source: 'odd.txt', meta: { title: 'Odd <title> & "quotes"', outlet: 'Test, Inc.', published: '2025-04-01' },
    actors: [ACTORS.LTU, ACTORS.RUS], mentions: [],
    events: [{ type: 'ACCUSE', trigger: 'condemned', source: { text: 'Vilnius', code: 'LTUGOV', actor: 'state:LTU' }, target: { text: 'drills', code: 'RUS&MIL', actor: 'state:RUS' } }],
    quotes: [], frames: [],
  });
  await s.saveAnalyses([...corpus(), awkward]);
  await s.saveLinks(linkAnalyses(await collect(s.analyses())));
  return s;
}

async function run(s: Store, format: Parameters<typeof exportStore>[1]): Promise<string> {
  const chunks: string[] = [];
  await exportStore(s, format, (c) => chunks.push(c));
  return chunks.join('');
}

/** RFC 4180 reader, enough to check what the writer quotes. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [], cell = '', quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') { cell += '"'; i++; } else if (ch === '"') quoted = false; else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') { row.push(cell); cell = ''; }
    else if (ch === '\r' && text[i + 1] === '\n') { row.push(cell); rows.push(row); row = []; cell = ''; i++; }
    else cell += ch;
  }
  return rows;
}

test('plover-json gives one parseable record per event with PLOVER fields and provenance', async () => {
  const s = await store();
  const lines = (await run(s, 'plover-json')).trimEnd().split('\n').map((l) => JSON.parse(l));
  assert.equal(lines.length, 8);
  const offer = lines.find((r) => r.event === 'AGREE');
  assert.equal(offer.source, 'POLGOV');
  assert.equal(offer.target, 'USA');
  assert.equal(offer.modality, 'asserted');
  assert.equal(offer.date, '2025-03-10');
  assert.equal(offer.doc.outlet, 'Baltic Monitor');
  assert.equal(offer.doc.url, 'https://example.org/a');
  assert.match(offer.text, /^Warsaw offered/);
  assert.equal(offer.via, 'test:agree');
  const feared = lines.find((r) => r.event === 'MOBILIZE' && r.modality === 'hypothetical');
  assert.equal(feared.date, null, 'an undated hypothetical gets no date');
  assert.deepEqual(feared.location, { name: 'Kaliningrad', country: null });
  await s.close();
});

test('events-tsv has a header and the same number of columns on every row', async () => {
  const s = await store();
  const rows = (await run(s, 'events-tsv')).trimEnd().split('\n').map((l) => l.split('\t'));
  assert.deepEqual(rows[0].slice(0, 5), ['event_id', 'date', 'source_code', 'target_code', 'event_type']);
  assert.equal(rows.length, 9);
  for (const r of rows) assert.equal(r.length, rows[0].length);
  const odd = rows.find((r) => r[4] === 'ACCUSE')!;
  assert.equal(odd[rows[0].indexOf('sentence')], 'Vilnius condemned the "so-called" drills, saying: tabs and, commas <won\'t> & "quotes" stay intact.');
  assert.equal(odd[rows[0].indexOf('cameo_root')], '11');
  await s.close();
});

test('csv quotes commas, quote marks and keeps every field', async () => {
  const s = await store();
  const rows = parseCsv(await run(s, 'csv'));
  const head = rows[0];
  assert.equal(rows.length, 9);
  for (const r of rows) assert.equal(r.length, head.length);
  const odd = rows.find((r) => r[head.indexOf('event_type')] === 'ACCUSE')!;
  assert.equal(odd[head.indexOf('doc_title')], 'Odd <title> & "quotes"');
  assert.equal(odd[head.indexOf('doc_outlet')], 'Test, Inc.');
  assert.equal(odd[head.indexOf('sentence')], 'Vilnius condemned the "so-called" drills, saying: tabs and, commas <won\'t> & "quotes" stay intact.');
  await s.close();
});

/** Tags open and close in order, attributes are quoted, entities are known: well-formed enough for Gephi. */
function assertWellFormed(xml: string): void {
  const stack: string[] = [];
  const body = xml.replace(/^<\?xml[^?]*\?>/, '');
  for (const m of body.matchAll(/<(\/?)([A-Za-z_][\w:.-]*)((?:\s+[\w:.-]+="[^"<]*")*)\s*(\/?)>|<|&(?!(?:amp|lt|gt|quot|apos);)/g)) {
    if (m[0] === '<' || m[0].startsWith('&')) assert.fail(`stray markup character at ${m.index}`);
    if (m[1]) assert.equal(stack.pop(), m[2], `closing </${m[2]}> matches its opening tag`);
    else if (!m[4]) stack.push(m[2]);
  }
  assert.deepEqual(stack, []);
}

test('graphml is well-formed XML with actors as nodes and relations as edges', async () => {
  const s = await store();
  const xml = await run(s, 'graphml');
  assertWellFormed(xml);
  const doc = new DOMParser().parseFromString(xml, 'text/xml');
  const nodes = [...doc.querySelectorAll('node')];
  const edges = [...doc.querySelectorAll('edge')];
  const ids = new Set(nodes.map((n) => n.getAttribute('id')));
  assert.ok(ids.has('state:POL') && ids.has('state:USA'));
  for (const e of edges) assert.ok(ids.has(e.getAttribute('source')) && ids.has(e.getAttribute('target')), 'edges join known nodes');
  const polUsa = edges.find((e) => [e.getAttribute('source'), e.getAttribute('target')].sort().join() === 'state:POL,state:USA')!;
  const val = (key: string) => polUsa.querySelector(`data[key="${key}"]`)?.textContent;
  assert.equal(val('e_cooperative'), '2');
  assert.equal(val('e_conflictual'), '0');
  assert.equal(val('e_mean_goldstein'), '2.5');
  const jpnAus = edges.find((e) => [e.getAttribute('source'), e.getAttribute('target')].sort().join() === 'state:AUS,state:JPN')!;
  assert.equal(jpnAus.querySelector('data[key="e_not_asserted"]')?.textContent, '1', 'the expected exercise is counted apart');
  await s.close();
});

test('an unknown format is refused', async () => {
  const s = await store();
  await assert.rejects(() => exportStore(s, 'xlsx' as never, () => {}), /unknown export format "xlsx"/);
  await s.close();
});

test('events-tsv and plover-json carry source, target, type, mode, modality, dates, place with its country, and the sentence', async () => {
  const s = await openStore(':memory:');
  const a = makeAnalysis({
    body: 'Thousands of farmers rallied in Grodno against Polish grain imports from 3 to 5 March 2025.',
    source: 'rally.txt', meta: { title: 'Rally', outlet: 'Test', published: '2025-03-06' },
    actors: [ACTORS.POL], mentions: [],
    events: [{ type: 'PROTEST', trigger: 'rallied', modality: 'asserted', source: { text: 'farmers', code: 'BLRCVL', actor: 'state:BLR' },
      target: { text: 'Polish', code: 'POL', actor: 'state:POL' }, place: 'Grodno', when: { text: 'from 3 to 5 March 2025', start: '2025-03-03', end: '2025-03-05' } }],
    quotes: [], frames: [],
  });
  a.events[0].mode = 'demo';
  a.events[0].place!.country = 'BLR';
  await s.saveAnalyses([a]);
  const [head, row] = (await run(s, 'events-tsv')).trimEnd().split('\n').map((l) => l.split('\t'));
  const cell = (name: string) => row[head.indexOf(name)];
  assert.equal(cell('source_code'), 'BLRCVL');
  assert.equal(cell('target_code'), 'POL');
  assert.equal(cell('event_type'), 'PROTEST');
  assert.equal(cell('mode'), 'demo');
  assert.equal(cell('modality'), 'asserted');
  assert.equal(cell('date'), '2025-03-03');
  assert.equal(cell('date_end'), '2025-03-05');
  assert.equal(cell('date_text'), 'from 3 to 5 March 2025');
  assert.equal(cell('place'), 'Grodno');
  assert.equal(cell('place_country'), 'BLR');
  assert.match(cell('sentence'), /^Thousands of farmers rallied in Grodno/);
  const [rec] = (await run(s, 'plover-json')).trimEnd().split('\n').map((l) => JSON.parse(l));
  assert.deepEqual([rec.source, rec.target, rec.event, rec.mode, rec.modality, rec.date, rec.date_end], ['BLRCVL', 'POL', 'PROTEST', 'demo', 'asserted', '2025-03-03', '2025-03-05']);
  assert.deepEqual(rec.location, { name: 'Grodno', country: 'BLR' });
  assert.equal(rec.date_text, 'from 3 to 5 March 2025');
  assert.match(rec.text, /^Thousands of farmers rallied/);
  await s.close();
});
