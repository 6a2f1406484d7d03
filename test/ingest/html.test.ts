import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ingestText } from '../../src/ingest/index.ts';

const para = (n: number): string => `The defence ministry of Freedonia said on Tuesday that its forces had completed drills near the border with Sylvania, and that observers from neighbouring states had been invited. Paragraph ${n} adds detail about the scale of the exercise.`;

const PAGE = `<!doctype html><html><head><title>Drills end near border | The Daily Example</title>
<meta property="og:title" content="Freedonia ends border drills">
<meta property="og:site_name" content="The Daily Example">
<meta name="author" content="Maria Example">
<meta property="article:published_time" content="2021-03-04T08:15:00+01:00">
<link rel="canonical" href="https://example.org/drills">
<script>var tracking = 1;</script><style>p { color: red }</style></head>
<body><nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article><h1>Freedonia ends border drills</h1><p class="byline">By Maria Example</p>
<figure><img src="a.jpg"><figcaption>Soldiers at a range in the north.</figcaption></figure>
<p>${para(1)}</p><p>${para(2)} It was <b>large</b>, said <a href="/x">a source</a>.</p>
<h2>What comes next</h2><p>${para(3)}</p></article>
<footer><p>Copyright © 2021 The Daily Example. All rights reserved.</p><p>Share this article</p></footer>
</body></html>`;

test('HTML: meta tags give title, outlet, author, date and address', () => {
  const doc = ingestText(PAGE, 'page.html', { format: 'html' });
  assert.deepEqual(doc.meta, {
    title: 'Freedonia ends border drills', outlet: 'The Daily Example', author: 'Maria Example',
    published: '2021-03-04', url: 'https://example.org/drills',
  });
});

test('HTML: the article text only, one paragraph per block, captions and page furniture out', () => {
  const doc = ingestText(PAGE, 'page.html');
  assert.equal(doc.body, `${para(1)}\n\n${para(2)} It was large, said a source.\n\nWhat comes next\n\n${para(3)}`);
  assert.deepEqual(doc.dropped.map((d) => d.reason).filter((r) => r !== 'title'), ['byline', 'caption']);
  assert.doesNotMatch(doc.body, /Freedonia ends border drills|Home|Copyright|Share/);
});

test('HTML: JSON-LD gives the date when meta tags do not', () => {
  const page = `<html><head><script type="application/ld+json">{"@type":"NewsArticle","headline":"Ceasefire holds","datePublished":"2023-10-02","author":{"name":"Ola Berg"},"publisher":{"name":"Fjord Post"}}</script></head>
<body><p>${para(1)}</p><p>${para(2)}</p></body></html>`;
  const doc = ingestText(page, 'ld.html');
  assert.deepEqual(doc.meta, { title: 'Ceasefire holds', outlet: 'Fjord Post', author: 'Ola Berg', published: '2023-10-02' });
  assert.equal(doc.body, `${para(1)}\n\n${para(2)}`);
});

test('HTML: a page with no date has no published date', () => {
  const doc = ingestText(`<html><head><title>Quiet week</title></head><body><p>${para(1)}</p></body></html>`, 'q.html');
  assert.equal(doc.meta.published, undefined);
});

test('HTML: the site name is taken off the end of a <title>', () => {
  const page = `<html><head><title>Ceasefire holds | Fjord Post</title><meta property="og:site_name" content="Fjord Post"></head><body><p>${para(1)}</p></body></html>`;
  assert.equal(ingestText(page, 't.html').meta.title, 'Ceasefire holds');
});
