import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Actor, Analysis } from '../../src/model/types.ts';
import { linkAnalyses, skeleton } from '../../src/link/index.ts';
import { corpus, docB, makeAnalysis, ACTORS } from '../store/fixture.ts';

function withActors(actors: Actor[]): Analysis {
  const a = makeAnalysis({ body: 'A short note.', source: 'n.txt', meta: {}, actors: [], mentions: [], events: [], quotes: [], frames: [] });
  a.actors = actors;
  return a;
}
const person = (id: string, name: string, isNew = true, country = 'BLR'): Actor =>
  ({ id, name, kind: 'person', code: `${country}GOV`, aliases: [], country, ...(isNew ? { isNew } : {}) });

test('transliterations of one name share a skeleton', () => {
  assert.equal(skeleton('Alexander'), skeleton('Aliaksandr'));
  assert.equal(skeleton('Aleksandr'), skeleton('Alyaksandr'));
  assert.equal(skeleton('Lukashenko'), skeleton('Łukaszenka'));
  assert.equal(skeleton('Makarov'), skeleton('Makarau'));
  assert.notEqual(skeleton('Makarov'), skeleton('Markov'));
});

test('name variants of new actors merge into the knowledge-base actor or the fullest name', () => {
  const links = linkAnalyses([
    withActors([person('person:alexander-lukashenko', 'Alexander Lukashenko', false)]),
    withActors([person('new:person:aliaksandr-lukashenka', 'Aliaksandr Lukashenka'), person('new:person:lukaszenka', 'Łukaszenka')]),
    withActors([person('new:person:ivan-marchenka', 'Ivan Marchenka'), person('new:person:i-marchenko', 'I. Marchenko')]),
    withActors([person('new:person:ivan-marchenko', 'Ivan Marchenko')]),
  ]);
  assert.equal(links.sameActor['new:person:aliaksandr-lukashenka'], 'person:alexander-lukashenko');
  assert.equal(links.sameActor['new:person:lukaszenka'], 'person:alexander-lukashenko');
  assert.equal(links.sameActor['person:alexander-lukashenko'], undefined);
  const marchenko = ['new:person:ivan-marchenka', 'new:person:i-marchenko', 'new:person:ivan-marchenko']
    .map((id) => links.sameActor[id] ?? id);
  assert.equal(new Set(marchenko).size, 1);
});

test('different people who share a surname stay apart', () => {
  const links = linkAnalyses([
    withActors([person('new:person:anna-kovalenko', 'Anna Kovalenko', true, 'UKR')]),
    withActors([person('new:person:petro-kovalenko', 'Petro Kovalenko', true, 'UKR')]),
    withActors([person('new:person:kovalenka', 'Kovalenka', true, 'UKR')]),
    withActors([person('new:person:ivan-marchenko', 'Ivan Marchenko', true, 'BLR'), person('new:person:ivan-marchenko-ru', 'Ivan Marchenko', true, 'RUS')]),
  ]);
  assert.deepEqual(links.sameActor, {});
});

test('events about one subject in several documents form a storyline; unrelated ones do not', () => {
  const list = corpus();
  const [a, b, c] = list;
  const links = linkAnalyses(list);
  const storyOf = (event: string) => links.storylines.find((s) => s.events.some((e) => e.event === event));
  const base = storyOf(a.events[0].id);
  assert.ok(base, 'the base offer is in a storyline');
  assert.equal(storyOf(b.events[0].id), base, 'the base negotiations join it');
  const missiles = storyOf(a.events[1].id);
  assert.ok(missiles, 'the hypothetical missiles are in a storyline');
  assert.equal(storyOf(b.events[1].id), missiles, 'the missile deployment joins it');
  assert.notEqual(base, missiles);
  assert.equal(storyOf(b.events[2].id), undefined, 'the expulsion stands alone');
  assert.equal(storyOf(c.events[0].id), undefined);
  assert.equal(base!.label, 'US military base — Poland, United States', 'the phrase most events use, then the dyad');
  assert.match(base!.label, /Poland/);
  assert.match(missiles!.label, /missiles in Kaliningrad — Russia/);
  assert.deepEqual(base!.actors.slice(0, 2).sort(), ['state:POL', 'state:USA']);
});

test('one event told by two documents is one event; another date makes another event', () => {
  const expel = (day: string, when: string, body: string) => makeAnalysis({
    body, source: `${day}.txt`, meta: { published: day },
    actors: [ACTORS.LTU, ACTORS.RUS], mentions: [],
    events: [{ type: 'SANCTION', trigger: 'expelled', source: { text: 'Vilnius', code: 'LTUGOV', actor: 'state:LTU' }, target: { text: 'Russian', code: 'RUSGOV', actor: 'state:RUS' }, when: { text: when, start: day, end: day } }],
    quotes: [], frames: [],
  });
  const b = docB();
  const again = expel('2025-03-11', 'on Tuesday', 'Vilnius expelled a pair of Russian diplomats on Tuesday over spying.');
  const later = expel('2025-06-20', 'on Friday', 'Vilnius expelled another Russian diplomat on Friday.');
  const links = linkAnalyses([b, again, later]);
  const group = links.sameEvent.find((g) => g.events.some((e) => e.event === b.events[2].id));
  assert.ok(group);
  assert.deepEqual(group.events.map((e) => e.event).sort(), [b.events[2].id, again.events[0].id].sort());
  assert.equal(links.sameEvent.some((g) => g.events.some((e) => e.event === later.events[0].id)), false);
});

test('one dyad with two subjects gives two storylines, and a bridging event does not chain them', () => {
  const usa = (text: string) => ({ text, code: 'USA', actor: 'state:USA' });
  const rus = (text: string) => ({ text, code: 'RUS', actor: 'state:RUS' });
  const doc = (body: string, day: string, ev: Parameters<typeof makeAnalysis>[0]['events'][number]) => makeAnalysis({
    body, source: `${day}.txt`, meta: { published: day }, actors: [ACTORS.USA, ACTORS.RUS], mentions: [], events: [ev], quotes: [], frames: [],
  });
  const exit = doc('Washington announced its withdrawal from the arms control treaty with Moscow.', '2025-01-02',
    { type: 'SANCTION', trigger: 'withdrawal', source: usa('Washington'), target: rus('Moscow') });
  const condemn = doc('Russia condemned the American exit from the arms control treaty.', '2025-01-03',
    { type: 'ACCUSE', trigger: 'condemned', source: rus('Russia'), target: usa('American') });
  const banks = doc('The US imposed new sanctions on Russian banks.', '2025-02-10',
    { type: 'SANCTION', trigger: 'imposed', source: usa('US'), target: rus('Russian') });
  const vow = doc('Moscow vowed to retaliate against the sanctions on its banks by Washington.', '2025-02-11',
    { type: 'THREATEN', trigger: 'vowed', source: rus('Moscow'), target: usa('Washington') });
  const talks = doc('Russia and the US discussed the treaty and the sanctions.', '2025-03-01',
    { type: 'CONSULT', trigger: 'discussed', source: rus('Russia'), target: usa('US') });
  const loose = doc('The bitter treaty row deepened.', '2025-03-02',
    { type: 'ACCUSE', trigger: 'deepened' });
  const links = linkAnalyses([exit, condemn, banks, vow, talks, loose]);
  const storyOf = (a: Analysis) => links.storylines.find((s) => s.events.some((e) => e.event === a.events[0].id));
  assert.ok(storyOf(exit));
  assert.equal(storyOf(condemn), storyOf(exit));
  assert.ok(storyOf(banks));
  assert.equal(storyOf(vow), storyOf(banks));
  assert.notEqual(storyOf(exit), storyOf(banks), 'treaty and sanctions stay two stories');
  assert.equal(storyOf(loose), undefined, 'an event with no actors needs more than one shared word');
  assert.match(storyOf(exit)!.label, /treaty/);
  assert.match(storyOf(banks)!.label, /sanctions|banks/);
});

test('an event whose actor is unknown joins a storyline on a shared name', () => {
  const b = docB();
  const vague = makeAnalysis({
    body: 'Nothing would stop these weapons from being placed in Kaliningrad instead.', source: 'v.txt', meta: {},
    actors: [], mentions: [], events: [{ type: 'MOBILIZE', trigger: 'placed', modality: 'hypothetical' }], quotes: [], frames: [],
  });
  const links = linkAnalyses([b, vague]);
  const story = links.storylines.find((s) => s.events.some((e) => e.event === vague.events[0].id));
  assert.ok(story, 'the vague event is in a storyline');
  assert.ok(story.events.some((e) => e.event === b.events[1].id), 'with the deployment in Kaliningrad');
  assert.equal(story.events.some((e) => e.event === b.events[0].id), false, 'not with the base talks');
});

test('Cyrillic spellings and surname particles', () => {
  assert.equal(skeleton('Лукашенко'), skeleton('Lukashenko'));
  assert.equal(skeleton('Лукашэнка'), skeleton('Lukashenka'));
  assert.equal(skeleton('Александр'), skeleton('Alexander'));
  const links = linkAnalyses([
    withActors([person('new:person:ursula-von-der-leyen', 'Ursula von der Leyen', true, 'DEU')]),
    withActors([person('new:person:von-der-leyen', 'von der Leyen', true, 'DEU')]),
    withActors([person('new:person:cyr', 'Александр Лукашенко', true, 'BLR'), person('new:person:lat', 'Aliaksandr Lukashenka', true, 'BLR')]),
  ]);
  assert.equal(links.sameActor['new:person:von-der-leyen'], 'new:person:ursula-von-der-leyen');
  const canon = (id: string) => links.sameActor[id] ?? id;
  assert.equal(canon('new:person:cyr'), canon('new:person:lat'));
});

test('a place the actors stage marked is a key word of the story, not an actor', () => {
  const tell = (body: string, ev: Parameters<typeof makeAnalysis>[0]['events'][number]) => makeAnalysis({
    body, source: 'p.txt', meta: {}, actors: [ACTORS.RUS],
    mentions: [{ text: 'Russia', actor: 'state:RUS', kind: 'state' }, { text: 'Kaliningrad', actor: undefined as unknown as string, kind: 'place' }],
    events: [ev], quotes: [], frames: [],
  });
  const one = tell('Russia moved Iskander launchers to Kaliningrad this spring.', { type: 'MOBILIZE', trigger: 'moved', source: { text: 'Russia', code: 'RUS', actor: 'state:RUS' } });
  const two = tell('Russia may station more launchers in Kaliningrad.', { type: 'MOBILIZE', trigger: 'station', modality: 'hypothetical', source: { text: 'Russia', code: 'RUS', actor: 'state:RUS' } });
  const [story] = linkAnalyses([one, two]).storylines;
  assert.ok(story);
  assert.equal(story.events.length, 2);
  assert.match(story.label, /in Kaliningrad — Russia/);
});
