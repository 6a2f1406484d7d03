import { test } from 'node:test';
import assert from 'node:assert/strict';
import { foldDiacritics } from '../../src/text/fold.ts';

test('diacritics, strokes and ligatures fold to plain lower-case letters', () => {
  assert.equal(foldDiacritics('Łukaszenka'), 'lukaszenka');
  assert.equal(foldDiacritics('Šakalienė'), 'sakaliene');
  assert.equal(foldDiacritics('Søren Ærø'), 'soren aero');
  assert.equal(foldDiacritics('Straße'), 'strasse');
  assert.equal(foldDiacritics('İstanbul'), 'istanbul');
});

test('plain ASCII only changes case', () => {
  assert.equal(foldDiacritics('NATO and the CSTO'), 'nato and the csto');
});
