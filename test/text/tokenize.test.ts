import { test } from 'node:test';
import assert from 'node:assert/strict';
import { tokenize } from '../../src/text/tokenize.ts';

test('tokens carry offsets that point back into the body', () => {
  const body = 'The minister met his counterpart in Warsaw. “No comment,” he said.';
  const { tokens } = tokenize(body);
  for (const t of tokens) assert.equal(body.slice(t.start, t.end), t.text);
  assert.deepEqual(tokens.slice(0, 3).map((t) => t.text), ['The', 'minister', 'met']);
  assert.equal(tokens[2].lemma, 'meet');
});

test('a blank line ends a sentence and starts a paragraph, even without a full stop', () => {
  const body = 'A heading with no stop\n\nThe talks began on Tuesday. They ended on Friday.';
  const { sentences } = tokenize(body);
  assert.deepEqual(sentences.map((s) => body.slice(s.start, s.end)), [
    'A heading with no stop', 'The talks began on Tuesday.', 'They ended on Friday.',
  ]);
  assert.deepEqual(sentences.map((s) => s.paragraph), [0, 1, 1]);
});

test('empty text gives no sentences', () => {
  assert.deepEqual(tokenize(''), { sentences: [], tokens: [] });
});

test('words that wink-nlp cuts at letters it does not know are one proper-noun token again', () => {
  const { tokens } = tokenize('Paweł Błaszczak met Lech Wałęsa and Antonín Dvořák in Łódź. He cannot stay.');
  const texts = tokens.map((t) => t.text);
  for (const w of ['Paweł', 'Błaszczak', 'Wałęsa', 'Dvořák', 'Łódź']) {
    const t = tokens.find((x) => x.text === w);
    assert.ok(t, `"${w}" is not one token: ${texts.join(' | ')}`);
    assert.equal(t.pos, 'PROPN');
  }
  // ASCII words wink splits on purpose stay split ("can" + "not")
  assert.ok(texts.includes('can') && texts.includes('not'));
});
