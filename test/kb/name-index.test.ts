// The name index remembers how it cut each run of text; a form added after a text was matched
// must still be found in that text (the remembered cuts are dropped on every new form).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { NameIndex } from '../../src/kb/name-index.ts';
import { tokenize } from '../../src/text/tokenize.ts';

const TEXT = 'Delegates of the Oranmore Compact met officials of Velland in Tarsk on Monday.';

const found = (index: NameIndex, text: string) =>
  index.match(tokenize(text).tokens).map((m) => m.entries.map((n) => n.actor).join('|'));

test('a form added after a text was matched is found in the same text', () => {
  const index = new NameIndex();
  index.add('Velland', { actor: 'state:VEL', form: 'name', code: 'VEL' });
  assert.deepEqual(found(index, TEXT), ['state:VEL']);
  index.add('Oranmore Compact', { actor: 'igo:ORC', form: 'name', code: 'ORC' });
  assert.deepEqual(found(index, TEXT), ['igo:ORC', 'state:VEL'], 'the new form, from the same cut run');
  index.add('Tarsk', { actor: 'state:VEL', form: 'capital', code: 'VELGOV' });
  assert.deepEqual(found(index, TEXT), ['igo:ORC', 'state:VEL', 'state:VEL']);
});

test('the same text matched again gives the same matches', () => {
  const index = new NameIndex();
  index.add('Oranmore Compact', { actor: 'igo:ORC', form: 'name', code: 'ORC' });
  const first = index.match(tokenize(TEXT).tokens);
  const again = index.match(tokenize(TEXT).tokens);
  assert.deepEqual(again, first);
  assert.equal(first.length, 1);
});
