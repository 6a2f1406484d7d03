import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fold, isAcronym, splitUnits } from '../../src/kb/normalize.ts';
import { personVariants, surnameVariants, expandCores, possessive, respell } from '../../src/kb/variants.ts';

const norms = (s: string) => splitUnits(s).map((u) => u.norm);

test('folding removes case and diacritics, including letters NFD keeps', () => {
  assert.equal(fold('Łukaszenka'), 'lukaszenka');
  assert.equal(fold('Gdańsk Kraków Ærø'), 'gdansk krakow aero');
  assert.equal(fold('Лукашенко'), 'лукашенко');
});

test('units: possessives, inner apostrophes, hyphens and dots', () => {
  assert.deepEqual(norms("Poland's army"), ['poland', "'s", 'army']);
  assert.deepEqual(norms('Belarus’ MoD'), ['belarus', "'s", 'mod']);
  assert.deepEqual(norms("Côte d'Ivoire"), ['cote', "d'ivoire"]);
  assert.deepEqual(norms('Guinea-Bissau'), norms('Guinea Bissau'));
  assert.deepEqual(norms('U.S.'), ['u', '.', 's', '.']);
});

test('acronyms are told from names', () => {
  for (const a of ['NATO', 'MoD', 'U.S.', 'EU', 'MoFA', 'ОДКБ']) assert.ok(isAcronym(a), a);
  for (const n of ['Minsk', 'McCain', 'Kyiv', 'Defence Ministry']) assert.ok(!isAcronym(n), n);
});

test('transliteration variants of names', () => {
  const t = { givenNames: new Map([['alexander', ['Alexander', 'Alyaksandr']]]), surnameEndings: [['enko', 'enka'], ['sky', 'skyy']], spellings: [] };
  assert.deepEqual(personVariants('Alexander Petrenko', t).sort(), ['Alexander Petrenka', 'Alexander Petrenko', 'Alyaksandr Petrenka', 'Alyaksandr Petrenko']);
  assert.deepEqual(surnameVariants('Ostrovsky', t).sort(), ['Ostrovsky', 'Ostrovskyy']);
  assert.deepEqual(personVariants('Alexander Petrenko', undefined), ['Alexander Petrenko']);
});

test('institution cores are reordered and respelled', () => {
  const cores = expandCores(['Ministry of Defence']);
  for (const c of ['Ministry of Defence', 'Ministry of Defense', 'Defence Ministry', 'Defense Ministry']) assert.ok(cores.includes(c), c);
  assert.equal(possessive('Belarus'), "Belarus'");
  assert.equal(possessive('Poland'), "Poland's");
});

test('respelling by another system\'s letter rules', () => {
  const polish = { sh: 'sz', ch: 'cz', kh: 'ch', v: 'w', oi: 'oj' };
  assert.equal(respell('Shoigu', polish), 'Szojgu');
  assert.equal(respell('Khrenin', polish), 'Chrenin');   // kh -> ch is not rewritten again to cz
  assert.equal(respell('Lavrov', polish), 'Lawrow');
  const t = { givenNames: new Map(), surnameEndings: [['enko', 'enka']], spellings: [polish] };
  assert.ok(surnameVariants('Lukashenko', t).includes('Lukaszenka'));
});
