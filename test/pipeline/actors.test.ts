import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadKnowledgeBase } from '../../src/kb/knowledge-base.ts';
import { emptyAnalysis, type Analysis, type Mention } from '../../src/model/types.ts';
import { textStage } from '../../src/pipeline/text.ts';
import { actorsStage } from '../../src/pipeline/actors.ts';
import { recentActor } from '../../src/pipeline/actors/recent.ts';

const kb = loadKnowledgeBase();

function read(body: string, published?: string): Analysis {
  const a = emptyAnalysis({ id: 'test', source: 'test', body, meta: published ? { published } : {}, dropped: [] });
  textStage.run(a, { kb });
  actorsStage.run(a, { kb });
  return a;
}

function mention(a: Analysis, text: string): Mention {
  const m = a.mentions.find((x) => x.text === text);
  assert.ok(m, `no mention "${text}" among: ${a.mentions.map((x) => x.text).join(' | ')}`);
  return m;
}

const counted = (a: Analysis) => a.actors.filter((x) => ['state', 'igo', 'org', 'person'].includes(x.kind));

test('states by name, possessive and acronym', () => {
  const a = read('Lithuania’s plan worried Belarus’ neighbours, and the US and the UK said little.');
  assert.equal(mention(a, 'Lithuania').code, 'LTU');
  assert.equal(mention(a, 'Belarus').actor, 'state:BLR');
  assert.equal(mention(a, 'US').actor, 'state:USA');
  assert.equal(mention(a, 'UK').actor, 'state:GBR');
});

test('a day or a date written right after a state is when, not more of its name ("Estonia Monday")', () => {
  const a = read('Estonia Monday closed two crossings, and Latvia March 3 recalled its envoy; Georgia Brown, a writer, disagreed.');
  assert.equal(mention(a, 'Estonia').actor, 'state:EST');
  assert.equal(mention(a, 'Latvia').actor, 'state:LVA');
  assert.ok(!a.mentions.some((m) => m.text === 'Georgia'), 'an unknown capitalised word after a one-word name still makes a longer name');
});

test('demonyms: compounds name each state, the head noun gives the sector', () => {
  const a = read('Hungarian-Romanian ties improved. A Polish delegation came, Polish officials spoke, the Belarusian military watched, and Belarusian officers left.');
  assert.equal(mention(a, 'Hungarian').actor, 'state:HUN');
  assert.equal(mention(a, 'Romanian').actor, 'state:ROU');
  assert.equal(mention(a, 'Polish').code, 'POL');
  assert.equal(mention(a, 'Polish officials').code, 'POLGOV');
  assert.equal(mention(a, 'Belarusian military').code, 'BLRMIL');
  assert.equal(mention(a, 'Belarusian officers').code, 'BLRMIL');
  assert.ok(!a.actors.some((x) => x.kind === 'org'), 'a sector phrase is no new organisation');
});

test('coordinated possessives share the head noun: "Belarus’ and Lithuania’s top brass"', () => {
  const a = read('Belarus’ and Lithuania’s top brass met on the border.');
  assert.equal(mention(a, 'Belarus').code, 'BLRMIL');
  assert.match(a.mentions.find((m) => m.actor === 'state:LTU')?.code ?? '', /^LTUMIL$/);
});

test('a capital stands for its government, unless it is where something happens', () => {
  const a = read('Minsk said the Kremlin agreed with the Moscow-led bloc, and Warsaw knows it. Envoys held talks in Vilnius and arrived in Riga before the group came to Brest.');
  assert.equal(mention(a, 'Minsk').code, 'BLRGOV');
  assert.equal(mention(a, 'Kremlin').code, 'RUSGOV');
  assert.equal(mention(a, 'Moscow').code, 'RUSGOV');
  assert.equal(mention(a, 'Warsaw').code, 'POLGOV');
  for (const place of ['Vilnius', 'Riga']) {
    const m = mention(a, place);
    assert.equal(m.kind, 'place');
    assert.equal(m.actor, undefined);
  }
  assert.ok(!a.actors.some((x) => x.id === 'state:LTU' || x.id === 'state:LVA'), 'a place makes no state actor');
});

test('named ministries are org actors; "its Foreign Ministry" and "the ministry" look back', () => {
  const a = read('The Defence Ministry of Lithuania and the Latvian MoD met. Vilnius, for its part, said through its Foreign Ministry that it was ready. Later the ministry added nothing.');
  const ltuMod = mention(a, 'Defence Ministry of Lithuania');
  assert.equal(ltuMod.kind, 'org');
  assert.equal(ltuMod.code, 'LTUMIL');
  assert.equal(mention(a, 'Latvian MoD').code, 'LVAMIL');
  const fm = mention(a, 'Foreign Ministry');
  assert.equal(fm.code, 'LTUGOV');
  assert.equal(fm.via, 'coref:its');
  assert.equal(mention(a, 'the ministry').actor, fm.actor);
});

test('people from the kb by any spelling, with titles, and by office on the publication date', () => {
  const a = read('Lukashenka spoke after Lukashenko’s aides did. President Putin called. The Belarusian leader then met the Russian president.', '2019-05-02');
  assert.equal(mention(a, 'Lukashenka').actor, 'person:alexander-lukashenko');
  assert.equal(mention(a, 'Lukashenko').actor, 'person:alexander-lukashenko');
  const putin = mention(a, 'Putin');
  assert.equal(putin.actor, 'person:vladimir-putin');
  assert.equal(putin.role, 'President');
  assert.equal(mention(a, 'Belarusian leader').actor, 'person:alexander-lukashenko');
  assert.equal(mention(a, 'Russian president').actor, 'person:vladimir-putin');
});

test('new people are coded from their roles and the context', () => {
  const a = read([
    'The ministry of the Lithuanian MoD kept quiet.',
    '“Nothing to add,” MoD Spokesman Ruslanas Bendoraitis told Radio Baltija.',
    'Colonel Marek Zielonka, Head of the Training Department of Poland’s MoD, went to Grodno.',
    'Viktar Lahunou, Head of the Department of Military Planning, led the group of Belarusian officers.',
    'Jan Nowicki, an analyst at the Polish Institute of Baltic Affairs, believes it is routine.',
    '“It is a show,” Belarusian military expert Dzmitry Kaliada said.',
  ].join(' '));
  const code = (name: string) => a.actors.find((x) => x.name === name)?.code;
  assert.equal(code('Ruslanas Bendoraitis'), 'LTUMIL');
  assert.equal(mention(a, 'Ruslanas Bendoraitis').role, 'MoD Spokesman');
  assert.equal(code('Marek Zielonka'), 'POLMIL');
  assert.match(mention(a, 'Marek Zielonka').role ?? '', /Head of the Training Department of Poland’s MoD/);
  assert.equal(code('Viktar Lahunou'), 'BLRMIL');
  assert.equal(code('Jan Nowicki'), 'POLELI');
  assert.equal(code('Dzmitry Kaliada'), 'BLRELI');
  const p = a.actors.find((x) => x.name === 'Jan Nowicki')!;
  assert.equal(p.id, 'new:person:jan-nowicki');
  assert.equal(p.isNew, true);
  assert.deepEqual(p.roles, [{ title: 'analyst at the Polish Institute of Baltic Affairs' }]);
});

test('ids of new people fold diacritics, so one spelling gives one id everywhere', () => {
  const a = read('Paweł Żukowski, a Polish defence analyst, said the drills were routine.');
  assert.ok(a.actors.some((x) => x.id === 'new:person:pawel-zukowski'), a.actors.map((x) => x.id).join(' '));
  assert.ok(a.mentions.some((m) => m.text === 'Paweł Żukowski'));
});

test('a surname alone later points to the same person', () => {
  const a = read('Jan Nowicki, an analyst at a Warsaw think tank, spoke first. “It is routine,” Nowicki stressed.');
  const later = mention(a, 'Nowicki');
  assert.equal(later.actor, 'new:person:jan-nowicki');
  assert.equal(later.via, 'coref:surname');
});

test('shows, slogans, doctrines and headings are no people or organisations', () => {
  const a = read([
    'Grand Dialogue With Leader',
    '',
    'He spoke during the Grand Dialogue With Leader broadcast about the Iron Shield Doctrine, Hybrid Threats and the Amber Road Initiative.',
    'Silent Partners Everywhere. Experts explain little.',
  ].join('\n'));
  assert.deepEqual(counted(a).map((x) => x.id), []);
});

test('outlets and think tanks are kept only with evidence', () => {
  const a = read('“We are ready,” the general told Radio Baltija. The Baltic Policy Institute published a study. Storm Watch was a slogan.');
  const outlet = a.actors.find((x) => x.name === 'Radio Baltija');
  assert.equal(outlet?.code, 'MED');
  const tank = a.actors.find((x) => x.name === 'Baltic Policy Institute');
  assert.equal(tank?.kind, 'org');
  assert.match(tank?.code ?? '', /ELI$/);
  assert.ok(!a.actors.some((x) => x.name.includes('Storm')));
});

test('the West is the group actor WST', () => {
  const a = read('Minsk keeps talking to the West while balancing between East and West.');
  assert.equal(mention(a, 'the West').code, 'WST');
  assert.equal(mention(a, 'the West').kind, 'group');
});

test('a one-word kb name inside a longer unknown name is not matched ("Soviet Union")', () => {
  const a = read('Much changed in the former Soviet Union after the war.');
  assert.ok(!a.actors.some((x) => x.id === 'igo:EU'));
});

test('each actor is listed once; kb actors are copies', () => {
  const a = read('Poland and Poland’s army and Warsaw said so.');
  assert.equal(a.actors.filter((x) => x.id === 'state:POL').length, 1);
  assert.notEqual(a.actors.find((x) => x.id === 'state:POL'), kb.get('state:POL'));
});

test('recentActor finds the person last named before an offset', () => {
  const body = 'Jan Nowicki, an analyst, spoke. Then Lithuania replied. He said more.';
  const a = read(body);
  const m = recentActor(a, body.indexOf('He said'));
  assert.equal(m?.actor, 'new:person:jan-nowicki');
  assert.equal(recentActor(a, body.indexOf('He said'), ['state'])?.actor, 'state:LTU');
  assert.equal(recentActor(a, 0), undefined);
});

test('a capital named as a place by the noun before it ("the capital Vilnius") is a place', () => {
  const a = read('Protesters gathered in the capital Vilnius, and later the city Riga followed.');
  assert.equal(mention(a, 'Vilnius').kind, 'place');
  assert.equal(mention(a, 'Riga').kind, 'place');
});

test('titles: hyphenated, from the kb, and title words that are surnames', () => {
  const a = read('UN Secretary-General Amara Okonkwo spoke. Then Lithuanian Foreign Minister Darius Vaitkus replied, and Defence Secretary John Marshal said nothing.');
  assert.equal(a.actors.find((x) => x.name === 'Amara Okonkwo')?.code, 'UN');
  assert.equal(a.actors.find((x) => x.name === 'Darius Vaitkus')?.code, 'LTUGOV');
  assert.ok(a.actors.some((x) => x.name === 'John Marshal'), a.actors.map((x) => x.name).join(' | '));
});

test('a single capitalised word after a lower-case title is no person ("the official Baltic Wire")', () => {
  const a = read('The report came from the official Tallinnese wire, an official Kaunasian said.');
  assert.deepEqual(counted(a).filter((x) => x.kind === 'person'), []);
});

test('the role sector of a person follows the head noun, the country a country word in the role', () => {
  const a = read('The Kremlin’s spokesman Ivan Dorofeev spoke, and Latvian opposition leader Ilze Berzina answered.');
  assert.equal(a.actors.find((x) => x.name === 'Ivan Dorofeev')?.code, 'RUSGOV');
  assert.equal(a.actors.find((x) => x.name === 'Ilze Berzina')?.code, 'LVAOPP');
});

test('a kb person is coded by the role held on the publication date', () => {
  const early = read('Prime Minister Kaja Kallas asked for more troops.', '2022-03-01');
  assert.equal(early.actors.find((x) => x.id === 'person:kaja-kallas')?.code, 'ESTGOV');
  const late = read('Kaja Kallas asked for more troops.', '2025-03-01');
  assert.equal(late.actors.find((x) => x.id === 'person:kaja-kallas')?.code, 'EU');
});

test('an acronym defined after a name stands for it later in the document', () => {
  const a = read('Jan Kowal, an analyst at the Polish Institute of Eastern Affairs (PIEA), spoke. PIEA later published a report.');
  const uses = a.mentions.filter((m) => m.text === 'PIEA');
  assert.equal(uses.length, 2);
  assert.ok(uses.every((m) => m.actor === 'new:org:polish-institute-of-eastern-affairs'));
  assert.equal(uses[1].via, 'coref:acronym');
});

test('an acronym in a title-case headline is still matched', () => {
  const a = read('Why The Corridor Keeps NATO Planners Awake');
  assert.ok(a.actors.some((x) => x.id === 'igo:NATO'));
});

test('a direction before a state keeps the state; "the West" inside a place name is no group', () => {
  const a = read('Troops entered Northern Moldova, while settlers stayed in the West Bank.');
  assert.ok(a.actors.some((x) => x.id === 'state:MDA'));
  assert.ok(!a.actors.some((x) => x.id === 'group:west'));
});

test('a capital with a sector noun is that part of its state ("the Tbilisi government")', () => {
  const a = read('The Tbilisi government protested, and Moscow’s military kept silent.');
  assert.equal(mention(a, 'Tbilisi government').code, 'GEOGOV');
  assert.equal(a.mentions.find((m) => m.actor === 'state:RUS')?.code, 'RUSMIL');
});

test('ships, credit lines and places with personal names are no people', () => {
  const a = read('The Admiral Gorshkov frigate sailed past the Jordan Valley. Photo: Agency/Viktor Petrenko');
  assert.deepEqual(counted(a).filter((x) => x.kind === 'person').map((x) => x.name), []);
});
