// Every read resource and every filter over real HTTP, on each database: the answers are checked
// against the fixture corpus the store holds.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Analysis, Event } from '../../src/model/types.ts';
import { allPages, apiCorpus, eachDatabase, fillStore, get, startApi, type Api } from './harness.ts';

const docs = apiCorpus();
const [A, B, C] = docs;
const allEvents = docs.flatMap((a) => a.events.map((e) => ({ a, e })));
/** The contract's day of an event: its resolved time, else its document's publication day. */
const dayOf = (a: Analysis, e: Event) => e.when?.start ?? a.doc.meta.published!;
const idsWhere = (p: (a: Analysis, e: Event) => boolean) => allEvents.filter(({ a, e }) => p(a, e)).map(({ e }) => e.id).sort();
const sorted = (xs: string[]) => [...xs].sort();

eachDatabase((db) => {
  let api: Api;
  before(async () => { api = await startApi(await fillStore(await db.open())); });
  after(async () => { await api.close(); await api.store.close(); });
  const events = async (query: string) => {
    const r = await get(api.url, `/events?limit=500&${query}`);
    assert.equal(r.status, 200, r.text);
    return sorted(r.json.items.map((x: { event: Event }) => x.event.id));
  };

  test(`${db.name}: /health answers with the store's counts`, async () => {
    const r = await get(api.url, '/health');
    assert.equal(r.status, 200);
    assert.equal(r.json.status, 'ok');
    assert.equal(r.json.counts.documents, 3);
    assert.equal(r.json.counts.events, allEvents.length);
    assert.equal(r.json.writable, false);
  });

  test(`${db.name}: /events filters by actor (id or name), dyad in either direction, type, quad class, modality`, async () => {
    const pol = idsWhere((_a, e) => e.source?.actor === 'state:POL' || e.target?.actor === 'state:POL');
    assert.equal(pol.length, 2);
    assert.deepEqual(await events('actor=state:POL'), pol);
    assert.deepEqual(await events('actor=Poland'), pol);
    const usPol = idsWhere((_a, e) => [e.source?.actor, e.target?.actor].sort().join() === 'state:POL,state:USA');
    assert.deepEqual(await events('dyad=state:USA,state:POL'), usPol);
    assert.deepEqual(await events('dyad=state:POL&dyad=state:USA'), usPol);
    assert.deepEqual(await events('type=MOBILIZE'), idsWhere((_a, e) => e.type === 'MOBILIZE'));
    assert.deepEqual(await events('type=MOBILIZE,SANCTION'), idsWhere((_a, e) => e.type === 'MOBILIZE' || e.type === 'SANCTION'));
    assert.deepEqual(await events('quadClass=4'), idsWhere((_a, e) => e.quadClass === 4));
    assert.deepEqual(await events('quadClass=1&quadClass=2'), idsWhere((_a, e) => e.quadClass === 1 || e.quadClass === 2));
    assert.deepEqual(await events('modality=hypothetical'), idsWhere((_a, e) => e.modality === 'hypothetical'));
    assert.deepEqual(await events('modality=predicted,asserted'), idsWhere((_a, e) => e.modality === 'predicted' || e.modality === 'asserted'));
  });

  test(`${db.name}: /events filters by outlet, document, day range, storyline and words`, async () => {
    assert.deepEqual(await events('outlet=Pacific%20Desk'), idsWhere((a) => a.doc.meta.outlet === 'Pacific Desk'));
    assert.deepEqual(await events(`doc=${A.doc.id}`), idsWhere((a) => a === A));
    assert.deepEqual(await events('since=2025-03-01&until=2025-03-31'), idsWhere((a, e) => dayOf(a, e) >= '2025-03-01' && dayOf(a, e) <= '2025-03-31'));
    assert.deepEqual(await events('until=2025-02'), idsWhere((a, e) => dayOf(a, e) <= '2025-02-28'));
    assert.deepEqual(await events('q=missiles'), idsWhere((a, e) => a.doc.body.slice(e.start, e.end).includes('missiles')));
    assert.deepEqual(await events('actor=state:RUS&modality=asserted'), idsWhere((_a, e) => e.modality === 'asserted' && (e.source?.actor === 'state:RUS' || e.target?.actor === 'state:RUS')));
    const lines = (await api.store.links()).storylines;
    assert.ok(lines.length > 0, 'the fixture has storylines');
    for (const s of lines) assert.deepEqual(await events(`storyline=${encodeURIComponent(s.id)}`), sorted(s.events.map((x) => x.event)));
  });

  test(`${db.name}: an event row carries its sentence, outlet and day`, async () => {
    const r = await get(api.url, `/events?doc=${B.doc.id}&type=SANCTION`);
    assert.equal(r.json.items.length, 1);
    const row = r.json.items[0];
    assert.equal(row.outlet, 'Eastern Flank Review');
    assert.equal(row.published, '2025-03-12');
    assert.match(row.sentence, /^Lithuania expelled two Russian diplomats/);
    assert.equal(row.event.target.actor, 'state:RUS');
  });

  test(`${db.name}: /events/{id} gives the rule that coded it, its sentence, actors and document`, async () => {
    const e = A.events[0];
    const r = await get(api.url, `/events/${encodeURIComponent(e.id)}`);
    assert.equal(r.status, 200, r.text);
    assert.equal(r.json.rule, e.via);
    assert.equal(r.json.event.type, 'AGREE');
    assert.equal(r.json.sentence.text, A.doc.body.slice(r.json.sentence.start, r.json.sentence.end));
    assert.match(r.json.sentence.text, /^Warsaw offered on Monday/);
    assert.equal(r.json.source.name, 'Poland');
    assert.equal(r.json.target.id, 'state:USA');
    assert.equal(r.json.doc.meta.outlet, 'Baltic Monitor');
    assert.ok(Array.isArray(r.json.sameEvent));
  });

  test(`${db.name}: /documents lists and filters by outlet, actor, day and words`, async () => {
    const ids = async (q: string) => sorted((await get(api.url, `/documents?${q}`)).json.items.map((d: { id: string }) => d.id));
    assert.deepEqual(await ids(''), sorted(docs.map((a) => a.doc.id)));
    assert.deepEqual(await ids('outlet=Baltic%20Monitor'), [A.doc.id]);
    assert.deepEqual(await ids('actor=state:LTU'), [B.doc.id]);
    assert.deepEqual(await ids('actor=Japan'), [C.doc.id]);
    assert.deepEqual(await ids('since=2025-03-11'), [B.doc.id]);
    assert.deepEqual(await ids('until=2025-02-28'), [C.doc.id]);
    assert.deepEqual(await ids('q=naval'), [C.doc.id]);
    const one = (await get(api.url, `/documents?outlet=Pacific%20Desk`)).json.items[0];
    assert.equal(one.meta.title, 'Naval talks in Darwin');
    assert.equal(one.events, C.events.length);
    assert.equal(one.body, undefined, 'a listing carries no body');
  });

  test(`${db.name}: /documents/{id} gives the body and every span layer`, async () => {
    const r = await get(api.url, `/documents/${A.doc.id}`);
    assert.equal(r.status, 200, r.text);
    assert.equal(r.json.body, A.doc.body);
    assert.deepEqual(r.json.meta, A.doc.meta);
    assert.deepEqual(r.json.dropped, []);
    assert.equal(r.json.sentences.length, A.sentences.length);
    for (const s of r.json.sentences) assert.equal(s.text, A.doc.body.slice(s.start, s.end));
    for (const layer of ['mentions', 'events', 'quotes', 'claims', 'frames', 'actors', 'times'] as const) {
      assert.equal(r.json[layer].length, A[layer].length, layer);
    }
    assert.equal(r.json.mentions[0].text, A.doc.body.slice(r.json.mentions[0].start, r.json.mentions[0].end));
    assert.equal(r.json.tokens, undefined);
    const withTokens = await get(api.url, `/documents/${A.doc.id}?tokens=true`);
    assert.equal(withTokens.json.tokens.length, A.tokens.length);
  });

  test(`${db.name}: /quotes filters by speaker, kind, outlet, document and words`, async () => {
    const texts = async (q: string) => sorted((await get(api.url, `/quotes?${q}`)).json.items.map((x: { quote: { text: string } }) => x.quote.text));
    const all = docs.flatMap((a) => a.quotes.map((q) => ({ a, q })));
    assert.deepEqual(await texts(''), sorted(all.map((x) => x.q.text)));
    assert.deepEqual(await texts('speaker=new:person:jan-kowalczyk'), [A.quotes[0].text]);
    assert.deepEqual(await texts('kind=indirect'), sorted(all.filter((x) => x.q.kind === 'indirect').map((x) => x.q.text)));
    assert.deepEqual(await texts('outlet=Eastern%20Flank%20Review'), [B.quotes[0].text]);
    assert.deepEqual(await texts(`doc=${C.doc.id}`), [C.quotes[0].text]);
    assert.deepEqual(await texts('q=provocation'), [B.quotes[0].text]);
    assert.deepEqual(await texts('since=2025-03-01&until=2025-03-10'), sorted(A.quotes.map((q) => q.text)));
  });

  test(`${db.name}: /claims filters by holder, actor they are about, outlet, document and words`, async () => {
    const texts = async (q: string) => sorted((await get(api.url, `/claims?${q}`)).json.items.map((x: { claim: { text: string } }) => x.claim.text));
    const all = docs.flatMap((a) => a.claims);
    assert.equal((await texts('')).length, all.length);
    assert.deepEqual(await texts('holder=author'), sorted(all.filter((c) => c.holder === 'author').map((c) => c.text)));
    assert.deepEqual(await texts('holder=state:LTU'), [B.claims[1].text]);
    assert.deepEqual(await texts('about=Lithuania'), [B.claims[1].text]);
    assert.deepEqual(await texts('outlet=Baltic%20Monitor'), [A.claims[0].text]);
    assert.deepEqual(await texts(`doc=${B.doc.id}`), sorted(B.claims.map((c) => c.text)));
    assert.deepEqual(await texts('q=deepen'), [A.claims[0].text]);
  });

  test(`${db.name}: /actors lists by name, kind, country and newness, with counts`, async () => {
    const list = async (q: string) => (await get(api.url, `/actors?limit=500&${q}`)).json.items as { id: string; kind: string; isNew?: boolean; country?: string; events: number }[];
    const persons = await list('kind=person');
    assert.ok(persons.length >= 3 && persons.every((a) => a.kind === 'person'));
    assert.ok(persons.some((a) => a.id === 'new:person:emi-tanaka'));
    assert.ok((await list('name=Poland')).some((a) => a.id === 'state:POL'));
    const jpn = await list('country=jpn');
    assert.ok(jpn.length >= 2 && jpn.every((a) => a.country === 'JPN'));
    const fresh = await list('isNew=true');
    assert.ok(fresh.length >= 3 && fresh.every((a) => a.isNew === true));
    const known = await list('isNew=false');
    assert.ok(known.length > 0 && known.every((a) => !a.isNew));
    const ltu = (await list('name=Lithuania')).find((a) => a.id === 'state:LTU')!;
    assert.equal(ltu.events, 1);
  });

  test(`${db.name}: /actors/{id} gives mentions, roles and relations with counts and mean Goldstein`, async () => {
    const r = await get(api.url, '/actors/state:POL');
    assert.equal(r.status, 200, r.text);
    assert.equal(r.json.actor.name, 'Poland');
    assert.equal(r.json.documents, 2);
    assert.deepEqual(r.json.mentions.map((m: { text: string }) => m.text).sort(), ['Poland', 'Warsaw']);
    const usa = r.json.relations.find((x: { actor: string }) => x.actor === 'state:USA');
    const expected = A.events.concat(B.events).filter((e) => e.modality === 'asserted' && [e.source?.actor, e.target?.actor].includes('state:USA'));
    assert.equal(usa.events, 2);
    assert.equal(usa.asSource, 2);
    assert.equal(usa.cooperative, 2);
    assert.equal(usa.meanGoldstein, expected.reduce((s, e) => s + e.goldstein!, 0) / expected.length);
    const byName = await get(api.url, '/actors/Poland');
    assert.equal(byName.json.actor.id, 'state:POL');
    const person = await get(api.url, '/actors/new:person:jan-kowalczyk');
    assert.deepEqual(person.json.roles.observed, [{ role: 'Defence Minister', count: 1 }]);
    assert.deepEqual(person.json.roles.known, [{ title: 'Defence Minister' }]);
  });

  test(`${db.name}: /storylines and /storylines/{id}`, async () => {
    const list = await get(api.url, '/storylines');
    assert.equal(list.status, 200);
    const stored = (await api.store.links()).storylines;
    assert.deepEqual(list.json.items.map((x: { id: string }) => x.id), stored.map((x) => x.id));
    const s = stored[0];
    assert.deepEqual(list.json.items[0], { id: s.id, label: s.label, actors: s.actors, events: s.events.length, documents: new Set(s.events.map((e) => e.doc)).size });
    const one = await get(api.url, `/storylines/${encodeURIComponent(s.id)}`);
    assert.equal(one.status, 200, one.text);
    assert.equal(one.json.storyline.label, s.label);
    assert.deepEqual(sorted(one.json.events.map((x: { event: Event }) => x.event.id)), sorted(s.events.map((x) => x.event)));
    assert.ok(one.json.actors.every((a: { id: string }) => s.actors.includes(a.id)));
    const rus = await get(api.url, '/storylines?actor=state:RUS');
    assert.ok(rus.json.items.every((x: { actors: string[] }) => x.actors.includes('state:RUS')));
    const none = await get(api.url, '/storylines?actor=state:ZZZ');
    assert.deepEqual(none.json.items, []);
  });

  test(`${db.name}: /outlets gives each outlet's counts`, async () => {
    const r = await get(api.url, '/outlets');
    assert.equal(r.status, 200);
    assert.deepEqual(r.json.items.map((o: { outlet: string }) => o.outlet).sort(), ['Baltic Monitor', 'Eastern Flank Review', 'Pacific Desk']);
    const baltic = r.json.items.find((o: { outlet: string }) => o.outlet === 'Baltic Monitor');
    assert.equal(baltic.documents, 1);
    assert.equal(baltic.events, A.events.length);
    assert.equal(baltic.quotes, A.quotes.length);
  });

  test(`${db.name}: /dyads/{a}/{b}/series by day and month, either order, names or ids`, async () => {
    const day = await get(api.url, '/dyads/state:POL/state:USA/series?interval=day');
    assert.equal(day.status, 200, day.text);
    const asserted = allEvents.filter(({ e }) => e.modality === 'asserted' && [e.source?.actor, e.target?.actor].sort().join() === 'state:POL,state:USA');
    assert.deepEqual(day.json.points.map((p: { period: string }) => p.period), sorted(asserted.map(({ a, e }) => dayOf(a, e))));
    for (const p of day.json.points) {
      const here = asserted.filter(({ a, e }) => dayOf(a, e) === p.period);
      assert.equal(p.events, here.length);
      assert.equal(p.meanGoldstein, here.reduce((s, { e }) => s + e.goldstein!, 0) / here.length);
    }
    const month = await get(api.url, '/dyads/United%20States/Poland/series?interval=month');
    assert.equal(month.json.a.id, 'state:USA');
    assert.deepEqual(month.json.points.map((p: { period: string; events: number }) => [p.period, p.events]), [['2025-03', 2]]);
    assert.equal(month.json.points[0].meanGoldstein, asserted.reduce((s, { e }) => s + e.goldstein!, 0) / asserted.length);
    const filtered = await get(api.url, '/dyads/state:POL/state:USA/series?interval=month&type=CONSULT');
    assert.equal(filtered.json.points[0].events, 1);
    const week = await get(api.url, '/dyads/state:JPN/state:AUS/series?interval=week');
    assert.ok(week.json.points.every((p: { period: string }) => /^\d{4}-W\d{2}$/.test(p.period)));
  });

  test(`${db.name}: /search finds document bodies, quotes and actors`, async () => {
    const r = await get(api.url, '/search?q=Kaliningrad');
    assert.equal(r.status, 200, r.text);
    const docHits = r.json.items.filter((h: { kind: string }) => h.kind === 'document').map((h: { id: string }) => h.id);
    assert.deepEqual(sorted(docHits), sorted([A.doc.id, B.doc.id]));
    const quotes = await get(api.url, '/search?q=provocation&kinds=quote');
    assert.ok(quotes.json.items.length >= 1 && quotes.json.items.every((h: { kind: string; doc: string }) => h.kind === 'quote' && h.doc === B.doc.id));
    const actors = await get(api.url, '/search?q=Tanaka&kinds=actor');
    assert.ok(actors.json.items.some((h: { id: string }) => h.id === 'new:person:emi-tanaka'));
  });

  test(`${db.name}: paging follows next to the end with no duplicates and no gaps`, async () => {
    const ev = await allPages(api.url, '/events?limit=2', (x) => x.event.id);
    assert.equal(ev.pages, Math.ceil(allEvents.length / 2));
    assert.deepEqual(sorted(ev.keys), sorted(allEvents.map(({ e }) => e.id)));
    assert.equal(new Set(ev.keys).size, ev.keys.length);
    const filtered = await allPages(api.url, '/events?limit=1&modality=asserted', (x) => x.event.id);
    assert.deepEqual(sorted(filtered.keys), idsWhere((_a, e) => e.modality === 'asserted'));
    for (const [path, key, total] of [
      ['/documents?limit=1', (x: { id: string }) => x.id, docs.length],
      ['/quotes?limit=1', (x: { doc: string; quote: { start: number } }) => `${x.doc}:${x.quote.start}`, docs.flatMap((a) => a.quotes).length],
      ['/claims?limit=1', (x: { doc: string; claim: { start: number } }) => `${x.doc}:${x.claim.start}`, docs.flatMap((a) => a.claims).length],
      ['/storylines?limit=1', (x: { id: string }) => x.id, undefined],
      ['/actors?limit=3', (x: { id: string }) => x.id, undefined],
    ] as const) {
      const p = await allPages(api.url, path, key as (x: any) => string);
      assert.equal(new Set(p.keys).size, p.keys.length, `${path}: duplicates`);
      if (total !== undefined) assert.equal(p.keys.length, total, path);
    }
    const page = await get(api.url, '/events?limit=2');
    const link = page.headers.get('link')!;
    const href = /^<([^>]+)>; rel="next"$/.exec(link)![1];
    const second = await get(api.url, href);
    assert.equal(second.status, 200);
    assert.ok(!second.json.items.some((x: { event: Event }) => page.json.items.some((y: { event: Event }) => y.event.id === x.event.id)));
  });

  test(`${db.name}: tables: events as CSV, GDELT-like TSV and PLOVER JSON; other lists as CSV`, async () => {
    const csv = await get(api.url, '/events?format=csv&limit=500');
    assert.match(csv.headers.get('content-type')!, /^text\/csv/);
    const lines = csv.text.trim().split('\r\n');
    assert.match(lines[0], /^event_id,date,/);
    assert.equal(lines.length, allEvents.length + 1);
    const tsv = await get(api.url, `/events?format=events-tsv&doc=${B.doc.id}`);
    assert.match(tsv.headers.get('content-type')!, /^text\/tab-separated-values/);
    const rows = tsv.text.trim().split('\n').map((l) => l.split('\t'));
    assert.equal(rows[0][0], 'event_id');
    const sanction = rows.find((r) => r[4] === 'SANCTION')!;
    assert.equal(sanction[2], 'LTU');
    assert.equal(sanction[1], '2025-03-11');
    const plover = await get(api.url, '/events?format=plover-json&type=AGREE');
    const recs = plover.text.trim().split('\n').map((l) => JSON.parse(l));
    assert.equal(recs.length, 1);
    assert.equal(recs[0].source_name, 'Poland');
    assert.equal(recs[0].doc.outlet, 'Baltic Monitor');
    for (const path of ['/documents?format=csv', '/quotes?format=csv', '/claims?format=csv', '/actors?format=csv', '/outlets?format=csv', '/dyads/state:POL/state:USA/series?format=csv']) {
      const r = await get(api.url, path);
      assert.equal(r.status, 200, `${path}: ${r.text}`);
      assert.match(r.headers.get('content-type')!, /^text\/csv/, path);
      assert.ok(r.text.split('\r\n').length >= 2, path);
    }
    const quotes = await get(api.url, '/quotes?format=csv&q=provocation');
    assert.match(quotes.text, /"a provocation & nothing else"|a provocation & nothing else/);
  });

  test(`${db.name}: errors: 404 for unknown items and endpoints, 400 naming the field for bad parameters and cursors`, async () => {
    for (const path of ['/documents/0000000000000000', '/events/nope:e1', '/actors/state:ZZZ', '/storylines/nope', '/dyads/state:POL/state:ZZZ/series', '/nowhere']) {
      const r = await get(api.url, path);
      assert.equal(r.status, 404, path);
      assert.equal(typeof r.json.error, 'string', path);
    }
    const cases: [string, string][] = [
      ['/events?cursor=not-a-cursor', 'cursor'],
      ['/documents?cursor=eyJ4IjoxfQ', 'cursor'],
      ['/storylines?cursor=zzz', 'cursor'],
      ['/events?limit=0', 'limit'],
      ['/events?limit=100000', 'limit'],
      ['/events?type=FIGHT', 'type'],
      ['/events?quadClass=5', 'quadClass'],
      ['/events?modality=rumoured', 'modality'],
      ['/events?since=last-week', 'since'],
      ['/events?until=2025-13-01', 'until'],
      ['/events?dyad=state:POL', 'dyad'],
      ['/events?actors=state:POL', 'actors'],
      ['/quotes?kind=paraphrase', 'kind'],
      ['/actors?kind=planet', 'kind'],
      ['/dyads/state:POL/state:USA/series?interval=year', 'interval'],
      ['/search', 'q'],
      ['/search?q=', 'q'],
      ['/documents?format=xml', 'format'],
    ];
    for (const [path, field] of cases) {
      const r = await get(api.url, path);
      assert.equal(r.status, 400, `${path}: ${r.text}`);
      assert.equal(r.json.field, field, `${path}: ${r.text}`);
      assert.match(r.json.error, new RegExp(field), path);
    }
  });
});
