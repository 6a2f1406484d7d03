import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ingestText } from '../../src/ingest/index.ts';
import { inlineToText, looksLikeMarkdown, markdownToBlocks } from '../../src/ingest/markdown.ts';

const LONG = 'The envoys met behind closed doors for a third day, and neither side would say what had been agreed about the convoy routes.';

test('links keep their text, images go, autolinks keep the address', () => {
  assert.equal(inlineToText('The [ministry said](https://example.org/a) so.'), 'The ministry said so.');
  assert.equal(inlineToText('See [the report](#) and [this (one)](http://x.org/a_(b)).'), 'See the report and this (one).');
  assert.equal(inlineToText('A map ![a map](map.png) here.'), 'A map  here.');
  assert.equal(inlineToText('Write to <mailto:desk@example.org>.'), 'Write to desk@example.org.');
  assert.equal(inlineToText('Read [it][1] first.'), 'Read it first.');
});

test('emphasis markers go, the words stay; underscores inside words stay', () => {
  assert.equal(inlineToText('**Bold claim** and *quiet aside* and _stress_ and __strong__.'), 'Bold claim and quiet aside and stress and strong.');
  assert.equal(inlineToText('the snake_case_name stays'), 'the snake_case_name stays');
  assert.equal(inlineToText('3 * 4 * 5 is sixty'), '3 * 4 * 5 is sixty');
});

test('inline HTML is reduced to its text', () => {
  assert.equal(inlineToText('the 21<sup>st</sup> century and <em>this</em>'), 'the 21st century and this');
  assert.equal(inlineToText('fish &amp; chips &#8212; done'), 'fish & chips — done');
});

test('heading markers, rules, lone stars and escapes', () => {
  const blocks = markdownToBlocks(`# Top title\n\n${LONG}\n\n## A section ##\n\nCost: \\$2 billion, a \\*starred\\* word.\n\n\\*\n\n---\n\n* * *\n\n> Quoted block\n> on two lines.\n\n- first item\n- second item`);
  assert.deepEqual(blocks.map((b) => [b.kind, b.text]), [
    ['heading', 'Top title'],
    ['paragraph', LONG],
    ['heading', 'A section'],
    ['paragraph', 'Cost: $2 billion, a *starred* word.'],
    ['paragraph', 'Quoted block\non two lines.'],
    ['paragraph', 'first item\nsecond item'],
  ]);
});

test('setext headings are headings', () => {
  const blocks = markdownToBlocks('Big news\n========\n\nSome text here.');
  assert.deepEqual(blocks[0], { text: 'Big news', kind: 'heading', level: 1 });
});

test('a markdown article: no markup left in the body, paragraphs one blank line apart', () => {
  const md = `# Envoys meet again\n\n${LONG}\n\nThe **defence minister** said the [talks](https://example.org) would *resume* next week.\nHe gave no date.\n\n## Background\n\nA second paragraph with a \\$ sign.`;
  const doc = ingestText(md, 'a.md', { format: 'md' });
  assert.equal(doc.meta.title, 'Envoys meet again');
  assert.equal(doc.body, `${LONG}\n\nThe defence minister said the talks would resume next week.\nHe gave no date.\n\nBackground\n\nA second paragraph with a $ sign.`);
  assert.doesNotMatch(doc.body, /[*#[\]\\]/);
});

test('markdown is recognised in a .txt file by its signs', () => {
  assert.equal(looksLikeMarkdown('# Title\n\ntext'), true);
  assert.equal(looksLikeMarkdown('see [here](http://x)'), true);
  assert.equal(looksLikeMarkdown('*A whole paragraph in italics.*\n\nMore.'), true);
  assert.equal(looksLikeMarkdown('A plain report. Nothing else.\n\nSecond paragraph.'), false);
});
