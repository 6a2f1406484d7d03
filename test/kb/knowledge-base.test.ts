import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
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
  assert.throws(() => loadKnowledgeBase({ kbFiles: [fixture('bad-role.yaml')] }), /bad-role\.yaml: people\[0\] \(Invented Person\) roles\[0\]: unknown office "chief_dreamer"/);
  assert.throws(() => loadKnowledgeBase({ kbFiles: [fixture('bad-day.yaml')] }), /bad-day\.yaml: igos\[0\] \(TESTORG\) member BLR: "BLR" must be an ISO day/);
  assert.throws(() => loadKnowledgeBase({ kbFiles: [fixture('missing.yaml')] }), /missing\.yaml: cannot read/);
});

test('a user file adds people and groups', () => {
  const more = loadKnowledgeBase({ kbFiles: [fixture('extra.yaml')] });
  assert.equal(more.get('person:ostap-invented-person')?.code, 'UKRMIL');
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
});
