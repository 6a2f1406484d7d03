import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ingestText } from '../../src/ingest/index.ts';

// Invented article paragraphs, long enough to be the article before a footer.
const A = 'Naval units of both countries shadowed each other through the strait for most of the week, according to officials who asked not to be named.';
const B = 'The foreign ministry summoned the ambassador on Thursday and handed him a note of protest over what it called repeated violations of its waters.';
const C = 'Analysts in the region expect the dispute to come up at the summit next month, though no meeting between the two leaders has been scheduled.';
const ARTICLE = `${A}\n\n${B}\n\n${C}`;

function body(text: string): string {
  return ingestText(text, 'test.md').body;
}

test('an author bio naming the byline author is dropped', () => {
  const doc = ingestText(`By Petra Lindqvist\n\n${ARTICLE}\n\n**Petra Lindqvist** is a Stockholm-based security analyst and writer. She is a frequent contributor to Nordic Affairs.`, 'x.md');
  assert.equal(doc.body, ARTICLE);
  assert.equal(doc.meta.author, 'Petra Lindqvist');
  assert.ok(doc.dropped.some((d) => d.reason === 'author-bio'));
});

test('a bio with a bio cue is dropped at the end even without a byline', () => {
  assert.equal(body(`${ARTICLE}\n\nMarek Zielinski is a journalist covering Eastern Europe. He writes for several outlets.`), ARTICLE);
});

test('a sentence about an expert inside the article is not a bio', () => {
  const inner = 'Karl Brandt is a retired general who commanded the northern brigade, and he doubts the drills were routine.';
  assert.equal(body(`${A}\n\n${inner}\n\n${B}\n\n${C}`), `${A}\n\n${inner}\n\n${B}\n\n${C}`);
});

test('everything from "The original source of this article" on is dropped', () => {
  const text = `${ARTICLE}\n\nThe original source of this article is Example Monitor\nCopyright © Someone, Example Monitor, 2020\n\nA further paragraph of site text that follows the end marker.`;
  const doc = ingestText(text, 'x.md');
  assert.equal(doc.body, ARTICLE);
  assert.deepEqual(doc.dropped.map((d) => d.reason), ['original-source', 'after-original-source']);
});

test('a disclaimer and the legal paragraphs after it are dropped', () => {
  const text = `${ARTICLE}\n\n**Disclaimer:** The contents of this article are the sole responsibility of the author.\n\nThis site contains copyrighted material used under the provisions of fair use for research and education.`;
  assert.equal(body(text), ARTICLE);
});

test('a disclaimer before the article drops only itself', () => {
  const text = `Disclaimer: the views expressed are the author's own.\n\n${ARTICLE}`;
  assert.equal(body(text), ARTICLE);
});

test('copyright, share, comment, member, follow, donate, subscribe and media lines are dropped', () => {
  const lines = [
    'Copyright © 2022 Example Monitor', '[Comment on Example Monitor articles on our Facebook page](#)',
    '[Become a Member of Example Monitor](#)', 'Share this article', 'Follow us on Telegram', 'Donate',
    'Subscribe to our newsletter for weekly updates', 'For media inquiries: desk@example.org', 'Articles by: [Jo Park](#)',
    '(Reporting by Jo Park; Editing by Sam Lee)', '[Twitter](#) [Facebook](#) [Telegram](#)',
  ];
  assert.equal(body(`${A}\n\n${lines.join('\n\n')}\n\n${B}\n\n${C}`), ARTICLE);
});

test('"About the author:" starts the footer', () => {
  assert.equal(body(`${ARTICLE}\n\n### **About the author:**\n\nSomeone who writes things.`), ARTICLE);
});

test('short unpunctuated lines after the last paragraph are related headlines', () => {
  const doc = ingestText(`${ARTICLE}\n\nMinister: talks with neighbours to resume next month\n\nPort strike enters its second week`, 'x.txt');
  assert.equal(doc.body, ARTICLE);
  assert.deepEqual(doc.dropped.map((d) => d.reason), ['related-headline', 'related-headline']);
});

test('a last paragraph that ends in a quote or a full stop is kept', () => {
  const last = '“We will not be intimidated,” the minister said.';
  assert.equal(body(`${ARTICLE}\n\n${last}`), `${ARTICLE}\n\n${last}`);
  const quote = '“We will answer in kind”';
  assert.equal(body(`${ARTICLE}\n\n${quote}`), `${ARTICLE}\n\n${quote}`);
});

test('a line wrapped inside a paragraph is kept as it is; paragraphs are never joined', () => {
  const wrapped = 'The convoy left at dawn\nand reached the depot by noon.';
  assert.equal(body(`${wrapped}\n\n${ARTICLE}`), `${wrapped}\n\n${ARTICLE}`);
});

test('every dropped block is recorded with a reason', () => {
  const doc = ingestText(`# Title here\n\nBy Jo Park\n\n${ARTICLE}\n\nShare this article`, 'x.md');
  assert.deepEqual(doc.dropped, [
    { text: 'Title here', reason: 'title' },
    { text: 'By Jo Park', reason: 'byline' },
    { text: 'Share this article', reason: 'share' },
  ]);
});

test('inline related links, reading times, bare addresses and photo credits are dropped', () => {
  const lines = ['Related: Minister resigns over port scandal', '4 min read', 'https://example.org/story/123',
    'Sailors on deck during the exercise. (Photo: Ana Ruiz/Reuters)', 'Image source, Harbour Agency'];
  const doc = ingestText(`${A}\n\n${lines.join('\n\n')}\n\n${B}\n\n${C}`, 'x.txt');
  assert.equal(doc.body, ARTICLE);
  assert.deepEqual(doc.dropped.map((d) => d.reason), ['related-link', 'reading-time', 'url-line', 'caption', 'caption']);
});

test('a notes section at the end is dropped with its entries', () => {
  assert.equal(body(`${ARTICLE}\n\n## Notes\n\n[1] A report of the committee, 2019.\n\n[2] Ibid.`), ARTICLE);
});

test('site promotion paragraphs are dropped even when long', () => {
  const promo = 'Click the share button above to email this article to your friends and colleagues. Feel free to repost and share widely the articles of this site, and follow us on the social networks we use.';
  assert.equal(body(`${promo}\n\n${ARTICLE}\n\nNote to readers: please click the share buttons above.`), ARTICLE);
});

test('a byline and a date on two lines of one block are both read', () => {
  const doc = ingestText(`Headline of the story\n\nBy Ruth Adler\nMay 7, 2021\n\n${ARTICLE}`, 'x.txt');
  assert.equal(doc.meta.author, 'Ruth Adler');
  assert.equal(doc.meta.published, '2021-05-07');
  assert.equal(doc.body, ARTICLE);
});

test('a title repeated under the heading is dropped too', () => {
  assert.equal(body(`# Fleet returns to port\n\nFleet returns to port\n\n${ARTICLE}`), ARTICLE);
});

test('related headlines with a date after them are dropped', () => {
  assert.equal(body(`${ARTICLE}\n\nMinister: talks with neighbours to resume next month\n\n05.09.2019`), ARTICLE);
});

test('a "Related" label in the middle of a long article does not cut it', () => {
  const text = `${A}\n\nRelated\n\n${B}\n\n${C}\n\n${A} Again.\n\n${B} Again.`;
  const doc = ingestText(text, 'x.txt');
  assert.equal(doc.body, `${A}\n\n${B}\n\n${C}\n\n${A} Again.\n\n${B} Again.`);
  assert.equal(body(`${ARTICLE}\n\nRelated articles\n\nFleet returns to port\n\nTalks stall again`), ARTICLE);
});

test('a paragraph about someone who shares only the author\'s first name is kept', () => {
  const other = 'Petra Holm is a retired colonel who now advises the parliament, and she expects more drills in the spring.';
  const doc = ingestText(`By Petra Lindqvist\n\n${other}\n\n${ARTICLE}`, 'x.md');
  assert.equal(doc.body, `${other}\n\n${ARTICLE}`);
});

test('the words a boilerplate pattern requires are read from the pattern, only when certain', async () => {
  const { requiredWords, firstMatch } = await import('../../src/ingest/boilerplate.ts');
  assert.deepEqual(requiredWords('\\bfeel free to (re-?post|share)\\b'), ['feel free to ']);
  assert.deepEqual(requiredWords('\\b(reader-funded|consider (making a donation|supporting us))\\b'), ['reader-funded', 'making a donation', 'supporting us']);
  assert.deepEqual(requiredWords('^.{0,60}\\/\\s*(afp|reuters)$'), ['afp', 'reuters']);
  assert.deepEqual(requiredWords('ab?cd'), ['cd']);              // an optional letter is no sure part of a word
  assert.deepEqual(requiredWords('ab\\x41cd'), ['ab']);          // escapes stand for no plain letter
  assert.equal(requiredWords('(foo)?bar|x?'), undefined);        // an alternative that requires nothing
  assert.equal(requiredWords('(?=abc)[a-z]+'), undefined);       // look-arounds and classes are skipped
  // Texts that hold the words in another case, or folded to them (long s), still meet the pattern.
  const rule = { reason: 'r', re: /\bsubscribe to\b/iu, needs: ['subscribe to'] };
  assert.equal(firstMatch([rule], 'Please SUBSCRIBE TO us')?.reason, 'r');
  assert.equal(firstMatch([rule], 'Please \u017fubscribe to us')?.reason, 'r');
  assert.equal(firstMatch([rule], 'Nothing here'), undefined);
});
