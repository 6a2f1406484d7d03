// The StoreQueries contract (the API's lists, series and search) on every database: each filter,
// keyset paging, merged actors, bad input.
import { test, type TestContext } from 'node:test';
import assert from 'node:assert/strict';
import type { Analysis, Claim } from '../../src/model/types.ts';
import { collect, StoreQueryError, type Store } from '../../src/store/index.ts';
import type { ActorQuery, ClaimQuery, DocumentQuery, EventQuery, Page, QuoteQuery } from '../../src/store/queries.ts';
import { linkAnalyses } from '../../src/link/index.ts';
import { corpus, docA, docB, docC, makeAnalysis } from './fixture.ts';
import { eachBackend, type Backend } from './backends.ts';

const A = docA().doc.id, B = docB().doc.id, C = docC().doc.id;
const MARCHENKA = 'new:person:ivan-marchenka', MARCHENKO = 'new:person:ivan-marchenko';

function claim(a: Analysis, text: string, holder: string, about: string[], hedge: number): Claim {
  const start = a.doc.body.indexOf(text);
  assert.ok(start >= 0, `claim text in body: ${text}`);
  return { start, end: start + text.length, text, holder, about, hedge, cues: hedge ? ['could'] : [] };
}

/** The fixture corpus with a few claims, stored and linked as `sitrep analyze` leaves it. */
async function filled(b: Backend, t: TestContext): Promise<Store> {
  const [a, bb, c] = corpus();
  a.claims = [claim(a, 'Russia could answer by placing more missiles in Kaliningrad', 'new:person:ivan-marchenka', ['state:RUS'], 0.6)];
  bb.claims = [
    claim(bb, 'Poland is negotiating the stationing of a US military base on its soil', 'author', ['state:POL', 'state:USA'], 0),
    claim(bb, 'called the move "a provocation & nothing else"', MARCHENKO, ['state:LTU'], 0),
  ];
  const store = await b.open();
  t.after(() => store.close());
  await store.saveAnalyses([a, bb, c]);
  await store.saveLinks(linkAnalyses(await collect(store.analyses())));
  return store;
}

/** Every item of a list, page by page; checks that cursors move forward and the last page says so. */
async function all<T, Q extends { cursor?: string; limit?: number }>(list: (q: Q) => Promise<Page<T>>, q: Q, limit: number): Promise<{ items: T[]; pages: number }> {
  const items: T[] = [];
  let cursor: string | undefined;
  for (let pages = 1; ; pages++) {
    const page = await list({ ...q, cursor, limit });
    assert.ok(page.items.length <= limit, 'a page holds at most `limit` items');
    items.push(...page.items);
    if (page.next === null) return { items, pages };
    assert.equal(page.items.length, limit, 'only the last page is short');
    cursor = page.next;
  }
}

const eventIds = async (s: Store, q: Parameters<Store['listEvents']>[0]) => (await s.listEvents({ limit: 500, ...q })).items.map((r) => r.event.id);

eachBackend((b) => {
  test('listDocuments: stored order, counts, every filter, paging', async (t) => {
    const s = await filled(b, t);
    const first = await s.listDocuments({});
    assert.deepEqual(first.items.map((d) => [d.id, d.source, d.sentences, d.events, d.quotes]), [[A, 'a.txt', 4, 2, 2], [B, 'feed.jsonl:2', 4, 3, 1], [C, 'c.txt', 2, 2, 1]]);
    assert.equal(first.items[0].meta.title, 'Warsaw offers to pay for a US base');
    assert.equal(first.next, null);
    const ids = async (q: Parameters<Store['listDocuments']>[0]) => (await s.listDocuments(q)).items.map((d) => d.id);
    assert.deepEqual(await ids({ outlet: 'Pacific Desk' }), [C]);
    assert.deepEqual(await ids({ outlet: 'Nobody' }), []);
    assert.deepEqual(await ids({ actor: 'state:JPN' }), [C]);
    assert.deepEqual(await ids({ actor: MARCHENKO }), [A, B], 'a merged id finds the documents of the actor it merges into');
    assert.deepEqual(await ids({ actor: MARCHENKA }), [A, B]);
    assert.deepEqual(await ids({ text: 'missiles' }), [A, B]);
    assert.deepEqual(await ids({ text: 'deploy Kaliningrad' }), [B], 'every word, stemmed');
    assert.deepEqual(await ids({ text: 'naval' }), [C], 'titles are searched too');
    assert.deepEqual(await ids({ text: 'base', actor: 'state:POL', outlet: 'Baltic Monitor' }), [A], 'filters combine');
    assert.deepEqual(await ids({ since: '2025-03' }), [A, B]);
    assert.deepEqual(await ids({ since: '2025-03-11' }), [B]);
    assert.deepEqual(await ids({ until: '2025-02' }), [C]);
    assert.deepEqual(await ids({ since: '2025', until: '2025-03-10' }), [A, C]);
    const paged = await all((q: DocumentQuery) => s.listDocuments(q), {}, 1);
    assert.equal(paged.pages, 3);
    assert.deepEqual(paged.items.map((d) => d.id), [A, B, C]);
  });

  test('listEvents: provenance, every filter, paging', async (t) => {
    const s = await filled(b, t);
    const page = await s.listEvents({});
    assert.equal(page.items.length, 7);
    const first = page.items[0];
    assert.equal(first.event.id, `${A}:e1`);
    assert.deepEqual(first.event, docA().events[0]);
    assert.deepEqual({ doc: first.doc, outlet: first.outlet, published: first.published, sentence: first.sentence },
      { doc: A, outlet: 'Baltic Monitor', published: '2025-03-10', sentence: 'Warsaw offered on Monday to pay for a permanent American base near the eastern border.' });
    assert.deepEqual(await eventIds(s, { actor: 'state:RUS' }), [`${A}:e2`, `${B}:e2`, `${B}:e3`]);
    assert.deepEqual(await eventIds(s, { dyad: ['state:USA', 'state:POL'] }), [`${A}:e1`, `${B}:e1`], 'either direction');
    assert.deepEqual(await eventIds(s, { dyad: ['state:RUS', 'state:LTU'] }), [`${B}:e3`]);
    assert.deepEqual(await eventIds(s, { type: ['CONSULT'] }), [`${B}:e1`, `${C}:e1`]);
    assert.deepEqual(await eventIds(s, { type: ['CONSULT', 'SANCTION'] }), [`${B}:e1`, `${B}:e3`, `${C}:e1`]);
    assert.deepEqual(await eventIds(s, { quadClass: [4] }), [`${A}:e2`, `${B}:e2`, `${B}:e3`]);
    assert.deepEqual(await eventIds(s, { modality: ['predicted', 'hypothetical'] }), [`${A}:e2`, `${C}:e2`]);
    assert.deepEqual(await eventIds(s, { outlet: 'Pacific Desk' }), [`${C}:e1`, `${C}:e2`]);
    assert.deepEqual(await eventIds(s, { doc: B }), [`${B}:e1`, `${B}:e2`, `${B}:e3`]);
    const kaliningrad = (await s.storylines()).find((st) => st.label.includes('Kaliningrad'));
    assert.ok(kaliningrad, 'the linker made a storyline of the missiles');
    assert.deepEqual(await eventIds(s, { storyline: kaliningrad.id }), [`${A}:e2`, `${B}:e2`]);
    assert.deepEqual(await eventIds(s, { text: 'expelled diplomats' }), [`${B}:e3`]);
    assert.deepEqual(await eventIds(s, { text: 'KALININGRAD' }), [`${A}:e2`, `${B}:e2`], 'case does not matter');
    // an event's day is its resolved time, else its document's publication day
    assert.deepEqual(await eventIds(s, { since: '2025-03-11', until: '2025-03-11' }), [`${B}:e3`]);
    assert.deepEqual(await eventIds(s, { since: '2025-03-12' }), [`${B}:e1`, `${B}:e2`, `${C}:e2`]);
    assert.deepEqual(await eventIds(s, { until: '2025-02' }), [`${C}:e1`]);
    assert.deepEqual(await eventIds(s, { since: '2025-05', modality: ['predicted'], actor: 'state:AUS' }), [`${C}:e2`]);
    const paged = await all((q: EventQuery) => s.listEvents(q), { actor: 'state:POL' }, 1);
    assert.deepEqual(paged.items.map((r) => r.event.id), [`${A}:e1`, `${B}:e1`]);
    const pages3 = await all((q: EventQuery) => s.listEvents(q), {}, 3);
    assert.equal(pages3.pages, 3);
    assert.deepEqual(pages3.items.map((r) => r.event.id), page.items.map((r) => r.event.id));
  });

  test('merged actors count as the actor they merge into, in events and actor lists', async (t) => {
    const s = await filled(b, t);
    const links = await s.links();
    await s.saveLinks({ ...links, sameActor: { ...links.sameActor, 'state:LTU': 'state:POL' } });
    assert.deepEqual(await eventIds(s, { actor: 'state:POL' }), [`${A}:e1`, `${B}:e1`, `${B}:e3`]);
    assert.deepEqual(await eventIds(s, { actor: 'state:LTU' }), [`${A}:e1`, `${B}:e1`, `${B}:e3`]);
    assert.deepEqual(await eventIds(s, { dyad: ['state:RUS', 'state:POL'] }), [`${B}:e3`]);
    const pol = (await s.listActors({ name: 'Poland' })).items;
    assert.deepEqual(pol.map((a) => [a.id, a.documents, a.mentions, a.events]), [['state:POL', 2, 3, 3]]);
    assert.deepEqual((await s.listActors({ name: 'Lithuania' })).items, [], 'a merged actor is not listed on its own');
    assert.deepEqual((await s.dyadSeries('state:RUS', 'state:LTU', 'day')).map((p) => p.eventIds), [[`${B}:e3`]]);
  });

  test('listQuotes: provenance, every filter, paging', async (t) => {
    const s = await filled(b, t);
    const page = await s.listQuotes({});
    assert.deepEqual(page.items.map((r) => [r.doc, r.quote.text]), [
      [A, 'stands for as long as Washington wants it'], [A, 'Such a "deterrent" would only deepen the crisis'],
      [B, 'a provocation & nothing else'], [C, 'the two navies will conduct a joint exercise in May'],
    ]);
    assert.equal(page.items[0].sentence, 'Defence Minister Jan Kowalczyk said the offer "stands for as long as Washington wants it".');
    assert.deepEqual(page.items[0].quote, docA().quotes[0]);
    assert.equal(page.items[2].outlet, 'Eastern Flank Review');
    const texts = async (q: Parameters<Store['listQuotes']>[0]) => (await s.listQuotes(q)).items.map((r) => r.quote.text);
    assert.deepEqual(await texts({ speaker: MARCHENKA }), ['a provocation & nothing else'], 'a merged speaker counts');
    assert.deepEqual(await texts({ speaker: 'new:person:jan-kowalczyk' }), ['stands for as long as Washington wants it']);
    assert.deepEqual(await texts({ kind: 'indirect' }), ['Such a "deterrent" would only deepen the crisis', 'the two navies will conduct a joint exercise in May']);
    assert.deepEqual(await texts({ outlet: 'Pacific Desk' }), ['the two navies will conduct a joint exercise in May']);
    assert.deepEqual(await texts({ doc: B }), ['a provocation & nothing else']);
    assert.deepEqual(await texts({ text: 'provocation' }), ['a provocation & nothing else']);
    assert.deepEqual(await texts({ text: 'navy exercises' }), ['the two navies will conduct a joint exercise in May'], 'stemmed');
    assert.deepEqual(await texts({ until: '2025-03-10' }), ['stands for as long as Washington wants it', 'Such a "deterrent" would only deepen the crisis', 'the two navies will conduct a joint exercise in May']);
    assert.deepEqual(await texts({ since: '2025-03-11' }), ['a provocation & nothing else']);
    const base = (await s.storylines()).find((st) => st.label.includes('base'));
    assert.ok(base);
    assert.equal((await texts({ storyline: base.id })).length, 3, 'quotes of the documents the storyline runs through');
    const paged = await all((q: QuoteQuery) => s.listQuotes(q), {}, 3);
    assert.equal(paged.pages, 2);
    assert.equal(paged.items.length, 4);
  });

  test('listClaims: every filter, paging', async (t) => {
    const s = await filled(b, t);
    const texts = async (q: Parameters<Store['listClaims']>[0]) => (await s.listClaims(q)).items.map((r) => r.claim.text);
    const everything = await s.listClaims({});
    assert.equal(everything.items.length, 3);
    assert.equal(everything.items[0].sentence, 'Russia could answer by placing more missiles in Kaliningrad, the analyst Ivan Marchenka warned.');
    assert.deepEqual(everything.items[0].claim.about, ['state:RUS']);
    assert.deepEqual(await texts({ holder: 'author' }), ['Poland is negotiating the stationing of a US military base on its soil']);
    assert.deepEqual((await texts({ holder: MARCHENKA })).length, 2, 'the merged holder counts');
    assert.deepEqual(await texts({ about: 'state:LTU' }), ['called the move "a provocation & nothing else"']);
    assert.deepEqual(await texts({ about: 'state:USA' }), ['Poland is negotiating the stationing of a US military base on its soil']);
    assert.deepEqual(await texts({ outlet: 'Baltic Monitor' }), ['Russia could answer by placing more missiles in Kaliningrad']);
    assert.deepEqual(await texts({ doc: B, text: 'provocation' }), ['called the move "a provocation & nothing else"']);
    assert.deepEqual(await texts({ since: '2025-03-12' }), (await texts({ doc: B })));
    const paged = await all((q: ClaimQuery) => s.listClaims(q), {}, 2);
    assert.deepEqual(paged.items.map((r) => r.claim.text), everything.items.map((r) => r.claim.text));
  });

  test('listActors: counts, every filter, paging by id', async (t) => {
    const s = await filled(b, t);
    const every = (await s.listActors({ limit: 100 })).items;
    assert.deepEqual(every.map((a) => a.id), [
      'new:person:emi-tanaka', MARCHENKA, 'new:person:jan-kowalczyk', 'state:AUS', 'state:JPN', 'state:LTU', 'state:POL', 'state:RUS', 'state:USA',
    ], 'the merged Marchenko is not listed on his own');
    const m = every.find((a) => a.id === MARCHENKA)!;
    assert.deepEqual([m.documents, m.mentions, m.events, m.quotes], [2, 2, 0, 1]);
    const rus = every.find((a) => a.id === 'state:RUS')!;
    assert.deepEqual([rus.name, rus.documents, rus.mentions, rus.events, rus.quotes], ['Russia', 2, 3, 3, 0]);
    const ids = async (q: Parameters<Store['listActors']>[0]) => (await s.listActors(q)).items.map((a) => a.id);
    assert.deepEqual(await ids({ name: 'Warsaw' }), ['state:POL'], 'an alias');
    assert.deepEqual(await ids({ name: 'usa' }), ['state:USA'], 'a code');
    assert.deepEqual(await ids({ name: 'Ivan' }), [MARCHENKA], 'a prefix of the name');
    assert.deepEqual(await ids({ name: 'Kowalczyk' }), ['new:person:jan-kowalczyk'], 'a surname');
    assert.deepEqual(await ids({ name: '100%_' }), [], 'wildcards are plain characters');
    assert.deepEqual(await ids({ kind: 'person' }), ['new:person:emi-tanaka', MARCHENKA, 'new:person:jan-kowalczyk']);
    assert.deepEqual(await ids({ country: 'JPN' }), ['new:person:emi-tanaka', 'state:JPN']);
    assert.deepEqual(await ids({ isNew: true, country: 'POL' }), ['new:person:jan-kowalczyk']);
    assert.deepEqual(await ids({ isNew: false, country: 'POL' }), ['state:POL']);
    const paged = await all((q: ActorQuery) => s.listActors(q), {}, 4);
    assert.equal(paged.pages, 3);
    assert.deepEqual(paged.items.map((a) => a.id), every.map((a) => a.id));
  });

  test('outlets and storylines', async (t) => {
    const s = await filled(b, t);
    assert.deepEqual(await s.outlets(), [
      { outlet: 'Baltic Monitor', documents: 1, events: 2, quotes: 2, claims: 1, frames: 2, first: '2025-03-10', last: '2025-03-10' },
      { outlet: 'Eastern Flank Review', documents: 1, events: 3, quotes: 1, claims: 2, frames: 1, first: '2025-03-12', last: '2025-03-12' },
      { outlet: 'Pacific Desk', documents: 1, events: 2, quotes: 1, claims: 0, frames: 0, first: '2025-02-04', last: '2025-02-04' },
    ]);
    assert.deepEqual(await s.storylines(), (await s.links()).storylines);
    assert.ok((await s.storylines()).length >= 2);
  });

  test('dyadSeries: per day, ISO week and month, asserted events scored, filtered', async (t) => {
    const s = await filled(b, t);
    const days = await s.dyadSeries('state:USA', 'state:POL', 'day');
    assert.deepEqual(days.map((p) => [p.period, p.events, p.asserted, p.meanGoldstein, p.cooperative, p.conflictual]),
      [['2025-03-10', 1, 1, 4, 1, 0], ['2025-03-12', 1, 1, 1, 1, 0]]);
    const weeks = await s.dyadSeries('state:POL', 'state:USA', 'week');
    assert.deepEqual(weeks, [{ period: '2025-W11', events: 2, asserted: 2, meanGoldstein: 2.5, cooperative: 2, conflictual: 0, eventIds: [`${A}:e1`, `${B}:e1`] }]);
    const jpn = await s.dyadSeries('state:JPN', 'state:AUS', 'month');
    assert.deepEqual(jpn.map((p) => [p.period, p.events, p.asserted, p.meanGoldstein]), [['2025-02', 1, 1, 1], ['2025-05', 1, 0, null]],
      'a predicted event is counted, never scored');
    assert.deepEqual((await s.dyadSeries('state:JPN', 'state:AUS', 'month', { modality: ['asserted'] })).map((p) => p.period), ['2025-02']);
    assert.deepEqual((await s.dyadSeries('state:RUS', 'state:LTU', 'week')).map((p) => [p.period, p.conflictual, p.meanGoldstein]), [['2025-W11', 1, -4]]);
    assert.deepEqual(await s.dyadSeries('state:JPN', 'state:POL', 'day'), []);
    await assert.rejects(() => s.dyadSeries('state:JPN', 'state:AUS', 'year' as 'day'), StoreQueryError);
  });

  test('search: document bodies, quotes and actor names, ranked', async (t) => {
    const s = await filled(b, t);
    const missiles = await s.search('missiles');
    assert.deepEqual(missiles.map((h) => `${h.kind} ${h.id}`).sort(), [`document ${A}`, `document ${B}`].sort());
    const hit = missiles.find((h) => h.id === B)!;
    assert.equal(hit.title, 'Base talks advance');
    assert.match(hit.snippet, /\[missiles\]/);
    assert.ok(hit.rank > 0 && hit.rank < 1);
    const quotes = await s.search('provocation', { kinds: ['quote'] });
    assert.deepEqual(quotes.map((h) => [h.kind, h.id, h.doc]), [['quote', `${B}:q0`, B]]);
    assert.deepEqual((await s.search('Poland', { kinds: ['actor'] })).map((h) => [h.kind, h.id, h.rank]), [['actor', 'state:POL', 1]]);
    const mixed = await s.search('Tanaka');
    assert.deepEqual(mixed.map((h) => h.kind), ['actor', 'document'], 'an exact actor name ranks first');
    assert.equal((await s.search('missiles', { limit: 1 })).length, 1);
    assert.deepEqual(await s.search('"unbalanced AND (quotes* OR'), [], 'query syntax is never passed through');
    assert.deepEqual(await s.search('  ,;  '), []);
  });

  test('search folds diacritics and case, in the text and in the query', async (t) => {
    const s = await b.open();
    t.after(() => s.close());
    const a = makeAnalysis({
      body: 'Alaksandr Łukašenka met Šiauliai officials. "Mūsų sienos saugios," Ona Žukauskienė said.',
      source: 'lt.txt', meta: { title: 'Border talks' }, actors: [], mentions: [], events: [], frames: [],
      quotes: [{ text: 'Mūsų sienos saugios,' }],
    });
    await s.saveAnalyses([a]);
    for (const q of ['Lukasenka', 'ŁUKAŠENKA', 'siauliai officials']) {
      assert.deepEqual((await s.search(q, { kinds: ['document'] })).map((h) => h.id), [a.doc.id], q);
      assert.deepEqual((await s.listDocuments({ text: q })).items.map((d) => d.id), [a.doc.id], q);
    }
    assert.deepEqual((await s.listQuotes({ text: 'musu sienos' })).items.map((r) => r.quote.text), ['Mūsų sienos saugios,']);
  });

  test('bad cursors, limits, days and filters are refused, naming the field', async (t) => {
    const s = await filled(b, t);
    const field = (name: string) => (err: unknown) => err instanceof StoreQueryError && err.field === name;
    await assert.rejects(() => s.listEvents({ cursor: 'not-a-cursor' }), field('cursor'));
    const docCursor = (await s.listDocuments({ limit: 1 })).next!;
    await assert.rejects(() => s.listEvents({ cursor: docCursor }), field('cursor'), 'a cursor of another list');
    await assert.rejects(() => s.listActors({ cursor: docCursor }), field('cursor'));
    await assert.rejects(() => s.listDocuments({ limit: 0 }), field('limit'));
    await assert.rejects(() => s.listQuotes({ limit: 2.5 }), field('limit'));
    assert.equal((await s.listEvents({ limit: 100000 })).items.length, 7, 'a limit above 500 is cut to 500');
    await assert.rejects(() => s.listEvents({ since: '10 March' }), field('since'));
    await assert.rejects(() => s.listDocuments({ until: '2025-13' }), field('until'));
    await assert.rejects(() => s.listEvents({ quadClass: [5] }), field('quadClass'));
    await assert.rejects(() => s.listEvents({ modality: ['rumoured'] }), field('modality'));
    await assert.rejects(() => s.listQuotes({ kind: 'reported' as 'direct' }), field('kind'));
    await assert.rejects(() => s.search('x', { kinds: ['events' as 'actor'] }), field('kinds'));
    for (const list of [s.listDocuments, s.listEvents, s.listQuotes, s.listClaims]) await assert.rejects(() => list({ text: ' ;; ' }), field('text'));
  });
});
