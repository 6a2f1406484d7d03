import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { loadKnowledgeBase, type NameMatch } from '../../src/kb/knowledge-base.ts';
import { tokenize } from '../../src/text/tokenize.ts';

const fixture = (name: string) => fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url));
const kb = loadKnowledgeBase();

function matches(text: string): NameMatch[] {
  return kb.matchNames(tokenize(text).tokens);
}
/** "text -> actor/form/code" of the best reading of each match, for compact assertions. */
function best(text: string): string[] {
  return matches(text).map((m) => `${m.text} -> ${m.entries[0].actor} ${m.entries[0].form} ${m.entries[0].code}`);
}

test('loads states, organisations and people with their codes', () => {
  assert.equal(kb.get('state:BLR')?.code, 'BLR');
  assert.equal(kb.state('pol')?.name, 'Poland');
  assert.equal(kb.get('igo:CSTO')?.kind, 'igo');
  const luk = kb.get('person:alexander-lukashenko');
  assert.equal(luk?.code, 'BLRGOV');
  assert.ok(luk?.aliases.includes('Alyaksandr Lukashenka'));
  assert.deepEqual(kb.state('POL')?.memberships?.find((m) => m.org === 'igo:NATO'), { org: 'igo:NATO', from: '1999-03-12' });
});

test('a bad knowledge-base file fails with its name and the problem', () => {
  assert.throws(() => loadKnowledgeBase({ kbFiles: [fixture('bad-role.yaml')] }), /bad-role\.yaml:5: people\[0\] \(Invented Person\) roles\[0\]: unknown office "chief_dreamer"/);
  assert.throws(() => loadKnowledgeBase({ kbFiles: [fixture('bad-day.yaml')] }), /bad-day\.yaml:4: igos\[0\] \(TESTORG\) member BLR: "BLR" must be an ISO day/);
  assert.throws(() => loadKnowledgeBase({ kbFiles: [fixture('missing.yaml')] }), /missing\.yaml: cannot read/);
  assert.throws(() => loadKnowledgeBase({ kbFiles: [fixture('bad-type.yaml')] }), /bad-type\.yaml: orgs\[0\] \(ministry-of-dreams\): unknown institution type/);
});

test('a user file adds people and groups', () => {
  const more = loadKnowledgeBase({ kbFiles: [fixture('extra.yaml')] });
  const ostap = more.get('person:ostap-invented-person');
  assert.equal(ostap?.code, 'UKRGOV');
  assert.equal(ostap?.roles?.length, 2);
  assert.equal(more.officeHolder('UKR', 'defence_minister', '2032-05-01')?.id, 'person:ostap-invented-person');
  const m = more.matchNames(tokenize('Imaginary Bloc countries met Invented-Person on Monday.').tokens);
  assert.deepEqual(m.map((x) => x.entries[0].actor), ['group:imaginary-bloc', 'person:ostap-invented-person']);
});

test('longest match wins and names end where words end', () => {
  assert.deepEqual(best('The Belarusian Defence Ministry denied it.'), ['Belarusian Defence Ministry -> org:blr-ministry-of-defence alias BLRMIL']);
  assert.deepEqual(best('Belarus’ MoD and the Defense Ministry of Belarus agree.'), [
    'Belarus’ MoD -> org:blr-ministry-of-defence alias BLRMIL',
    'Defense Ministry of Belarus -> org:blr-ministry-of-defence alias BLRMIL',
  ]);
  assert.deepEqual(best('Polandia is an invented word.'), []);
});

test('acronyms match only as written: US is not us', () => {
  assert.deepEqual(best('They told us that the US and the U.S. Army would come.').map((s) => s.split(' -> ')[0]), ['US', 'U.S. Army']);
  assert.deepEqual(best('nato eu'), []);
  assert.deepEqual(best('NATO and the EU'), ['NATO -> igo:NATO acronym NATO', 'EU -> igo:EU acronym EU']);
});

test('possessives keep the state: Poland\'s, Belarus\'', () => {
  assert.deepEqual(best("Poland's plans and Belarus' answer").map((s) => s.split(' -> ')[1]), ['state:POL name POL', 'state:BLR name BLR']);
});

test('demonyms and sector words name the state with the sector code', () => {
  assert.deepEqual(best('Belarusian and Belarussian units'), ['Belarusian -> state:BLR demonym BLR', 'Belarussian -> state:BLR demonym BLR']);
  assert.deepEqual(best('the Belarusian military and Russia’s top brass'), [
    'Belarusian military -> state:BLR sector BLRMIL',
    'Russia’s top brass -> state:RUS sector RUSMIL',
  ]);
  assert.equal(kb.sectorCode('Top Brass'), 'MIL');
  assert.ok(kb.lexicon('sector-words').includes('military'));
});

test('capitals and seats of government stand for the government', () => {
  assert.deepEqual(best('Minsk answered the Kremlin while Kiev and Kyiv waited.'), [
    'Minsk -> state:BLR capital BLRGOV',
    'Kremlin -> state:RUS capital RUSGOV',
    'Kiev -> state:UKR capital UKRGOV',
    'Kyiv -> state:UKR capital UKRGOV',
  ]);
  assert.deepEqual(kb.place('Minsk'), { name: 'Minsk', country: 'BLR', kind: 'city' });
});

test('Lukashenko, Lukashenka and Łukaszenka are one actor', () => {
  const ids = matches('Lukashenko spoke; Lukashenka listened; Łukaszenka left; Alyaksandr Lukashenka returned.').map((m) => m.entries[0].actor);
  assert.deepEqual(ids, Array(4).fill('person:alexander-lukashenko'));
});

test('office holders by date', () => {
  assert.equal(kb.officeHolder('BLR', 'head_of_state', '2020-08-09')?.id, 'person:alexander-lukashenko');
  assert.equal(kb.officeHolder('BLR', 'head_of_state')?.id, 'person:alexander-lukashenko');
  assert.equal(kb.officeHolder('BLR', 'head_of_state', '1990-01-01'), undefined);
  assert.equal(kb.officeHolder('RUS', 'head_of_state', '2010-06-01')?.id, 'person:dmitry-medvedev');
  assert.equal(kb.officeHolder('RUS', 'head_of_government', '2010-06-01')?.id, 'person:vladimir-putin');
  assert.equal(kb.officeHolder('RUS', 'defence_minister', '2018-06-01')?.id, 'person:sergei-shoigu');
  assert.equal(kb.officeHolder('RUS', 'defence_minister')?.id, 'person:andrei-belousov');
  assert.equal(kb.officeHolder('POL', 'defence_minister', '2018-06-01')?.id, 'person:mariusz-blaszczak');
  assert.equal(kb.officeHolder('USA', 'head_of_government', '2022-03-01')?.id, 'person:joe-biden');
  // the day power changes hands belongs to the newcomer
  assert.equal(kb.officeHolder('POL', 'head_of_government', '2023-12-13')?.id, 'person:donald-tusk');
  assert.equal(kb.officeHolder('POL', 'head_of_government', '2023-12-12')?.id, 'person:mateusz-morawiecki');
});

test('a person\'s code follows the latest role', () => {
  assert.equal(kb.get('person:sergei-shoigu')?.code, 'RUSGOV');
  assert.equal(kb.get('person:viktor-khrenin')?.code, 'BLRMIL');
  assert.equal(kb.get('person:donald-tusk')?.code, 'POLGOV');
  assert.ok(kb.get('person:donald-tusk')?.roles?.some((r) => r.org === 'igo:EUCOUNCIL'));
});

test('titles after a state name stand for an office', () => {
  const [m] = matches('The Polish foreign minister and his Lithuanian counterpart spoke.');
  assert.equal(m.text, 'Polish foreign minister');
  assert.deepEqual(m.entries[0], { actor: 'state:POL', form: 'title', code: 'POLGOV', office: 'foreign_minister' });
  assert.deepEqual(best("Lithuania's top diplomat arrived."), ["Lithuania's top diplomat -> state:LTU title LTUGOV"]);
});

test('ministries and services are qualified by country in the usual ways', () => {
  for (const text of ['the Ministry of Defense of Belarus', 'Belarus’s Defence Ministry', 'the Belarussian MoD', 'the Belarus defence ministry']) {
    assert.deepEqual(matches(text).map((m) => m.entries[0].actor), ['org:blr-ministry-of-defence'], text);
  }
  assert.deepEqual(best("Russia's FSB and Poland's Sejm"), ["Russia's FSB -> org:rus-federal-security-service alias RUSSPY", "Poland's Sejm -> org:pol-sejm alias POLLEG"]);
  assert.equal(kb.get('org:blr-ministry-of-defence')?.name, 'Ministry of Defence of Belarus');
});

test('generic armed forces are a sector; the capitalised institution is an organisation', () => {
  assert.deepEqual(best('Latvian armed forces'), ['Latvian armed forces -> state:LVA sector LVAMIL']);
  assert.deepEqual(best('The Armed Forces of Latvia'), ['Armed Forces of Latvia -> org:lva-armed-forces alias LVAMIL']);
});

test('phrases that hold a name but name no actor match nothing', () => {
  assert.deepEqual(best('Trade with Latin America grew; the Minsk agreements were never kept.'), []);
});

test('common words in lower case are not states', () => {
  assert.deepEqual(best('We ate turkey and rice on china plates near the jordan.'), []);
  assert.deepEqual(best('Turkey and Jordan signed; Chad abstained.').map((s) => s.split(' -> ')[1]), ['state:TUR name TUR', 'state:JOR name JOR', 'state:TCD name TCD']);
});

test('places know their country', () => {
  assert.equal(kb.place('Hrodna')?.country, 'BLR');
  assert.equal(kb.place('Brest')?.country, 'BLR');
  assert.equal(kb.place('the Suwalki Gap')?.kind, 'region');
  assert.deepEqual(kb.place('Belarus'), { name: 'Belarus', country: 'BLR', kind: 'country' });
  assert.equal(kb.place('Atlantis'), undefined);
  assert.deepEqual(kb.place('Lviv region'), { name: 'Lviv region', country: 'UKR', kind: 'region' });
  assert.equal(kb.place("Poland's")?.country, 'POL');
});

test('lexicons for the actors stage', () => {
  assert.ok(kb.lexicon('person-titles').includes('Spokeswoman'));
  assert.ok(kb.lexicon('given-names').length >= 300);
  assert.ok(kb.lexicon('given-names').includes('Uladzimir'));
  assert.ok(kb.lexicon('sector-words:MIL').includes('top brass'));
  assert.deepEqual(kb.lexicon('no-such-list'), []);
});

test('every UN member state is there with a demonym and a capital', () => {
  const states = [...kb.actors.values()].filter((a) => a.kind === 'state');
  assert.ok(states.length >= 198, `only ${states.length} states`);
  const data = parse(readFileSync(fileURLToPath(new URL('../../data/kb/states.yaml', import.meta.url)), 'utf8')) as { states: { code: string; demonyms?: string[]; capital?: string }[] };
  for (const s of data.states) {
    assert.ok(s.demonyms?.length, `${s.code} has no demonym`);
    assert.equal(kb.place(s.capital!)?.country, s.code, `${s.code}: capital ${s.capital}`);
  }
  for (const code of ['XKX', 'TWN', 'PSE', 'ESH', 'VAT']) assert.ok(kb.state(code), code);
});

test('offices qualified after the title: "President of Belarus"', () => {
  assert.deepEqual(best('The Defence Minister of the Republic of Poland met the President of Belarus.'), [
    'Defence Minister of the Republic of Poland -> state:POL title POLMIL',
    'President of Belarus -> state:BLR title BLRGOV',
  ]);
});

test('Cyrillic names and all-capital headlines', () => {
  assert.deepEqual(matches('Лукашенко и ОДКБ').map((m) => m.entries[0].actor), ['person:alexander-lukashenko', 'igo:CSTO']);
  assert.deepEqual(matches('BELARUS AND POLAND TRADE BLAME').map((m) => m.entries[0].actor), ['state:BLR', 'state:POL']);
});

test('a name never runs across a sentence end', () => {
  // "Belarus. Armed Forces..." must not become the Belarusian armed forces
  const m = matches('They flew to Belarus. Armed Forces Day followed.');
  assert.deepEqual(m.map((x) => x.text), ['Belarus']);
});

test('an institution named like a sector needs its capitals', () => {
  assert.deepEqual(best('the Belarusian parliament voted'), ['Belarusian parliament -> state:BLR sector BLRLEG']);
  assert.deepEqual(best('the Belarusian Parliament voted'), ['Belarusian Parliament -> org:blr-national-assembly alias BLRLEG']);
});

test('Polish respellings of Slavic surnames', () => {
  assert.deepEqual(matches('Szojgu and Ławrow').map((m) => m.entries[0].actor), ['person:sergei-shoigu', 'person:sergey-lavrov']);
});

test('a capital before "summit" or "agreements" is not the government', () => {
  assert.deepEqual(best('After the Vilnius summit, Warsaw objected to the Istanbul process.'), ['Warsaw -> state:POL capital POLGOV']);
});

test('bodies of an organisation carry its code', () => {
  assert.deepEqual(best('The UN Security Council met; the European Commission abstained.'), [
    'UN Security Council -> igo:UNSC alias UN',
    'European Commission -> igo:EUCOM name EU',
  ]);
});
