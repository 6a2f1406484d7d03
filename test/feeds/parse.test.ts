import { test } from 'node:test';
import assert from 'node:assert/strict';
import { FeedFormatError, isOpml, readFeed, readFeedList } from '../../src/feeds/parse.ts';

const BASE = 'http://127.0.0.1:8080/feeds/main.xml';

test('RSS items: the guid identifies, the link (or a permalink guid) is the page, relative links resolved', () => {
  const feed = readFeed(`<rss version="2.0"><channel><title> Wire </title>
    <item><title>One</title><link>../news/1.html</link><guid isPermaLink="false">g-1</guid><pubDate>Mon, 02 Dec 2024 09:00:00 GMT</pubDate></item>
    <item><title>Two</title><guid>http://127.0.0.1:8080/news/2.html</guid></item>
    <item><title>No address at all</title></item>
  </channel></rss>`, BASE);
  assert.equal(feed.format, 'rss');
  assert.equal(feed.title, 'Wire');
  assert.deepEqual(feed.items, [
    { key: 'g-1', url: 'http://127.0.0.1:8080/news/1.html', title: 'One', published: 'Mon, 02 Dec 2024 09:00:00 GMT' },
    { key: 'http://127.0.0.1:8080/news/2.html', url: 'http://127.0.0.1:8080/news/2.html', title: 'Two' },
  ]);
});

test('Atom entries take the alternate link; JSON Feed items their url', () => {
  const atom = readFeed(`<feed xmlns="http://www.w3.org/2005/Atom"><title type="text">Daily</title><id>urn:d</id><updated>2024-12-04T12:00:00Z</updated>
    <entry><id>urn:d:1</id><title>A</title><updated>2024-12-04T12:00:00Z</updated>
      <link rel="enclosure" href="/a.mp3"/><link rel="alternate" href="/a.html"/><author><name>Ann</name></author></entry></feed>`, BASE);
  assert.deepEqual(atom.items, [{ key: 'urn:d:1', url: 'http://127.0.0.1:8080/a.html', title: 'A', published: '2024-12-04T12:00:00Z', author: 'Ann' }]);
  assert.equal(atom.title, 'Daily');
  const json = readFeed(JSON.stringify({ version: 'https://jsonfeed.org/version/1.1', title: 'Notes', items: [{ id: '7', url: '/n/7', authors: [{ name: 'Q' }] }] }), BASE);
  assert.deepEqual(json.items, [{ key: '7', url: 'http://127.0.0.1:8080/n/7', author: 'Q' }]);
});

test('malformed XML, broken JSON and pages that are no feed are refused with the reason', () => {
  assert.throws(() => readFeed('<rss version="2.0"><channel><title>x</tilte></channel></rss>', BASE), (e: Error) => e instanceof FeedFormatError && /^malformed feed/.test(e.message));
  assert.throws(() => readFeed('{"version": "https://jsonfeed.org/version/1.1", "items": [', BASE), /^FeedFormatError: malformed JSON feed/);
  assert.throws(() => readFeed('<!doctype html><html><body><p>Hello</p></body></html>', BASE), /not an RSS, Atom, RDF or JSON feed/);
});

test('OPML lists give their feeds, nested folders included, each once', () => {
  const text = `<?xml version="1.0"?>\n<!-- exported -->\n<opml version="1.0"><head/><body>
    <outline text="A"><outline text="a1" xmlUrl="/a1.xml"/><outline text="deeper"><outline text="a2" xmlUrl="http://example.test/a2.xml"/></outline></outline>
    <outline text="dup" xmlUrl="/a1.xml"/><outline text="a site, no feed" htmlUrl="http://example.test/"/></body></opml>`;
  assert.ok(isOpml(text));
  assert.ok(!isOpml('<rss version="2.0"></rss>'));
  assert.deepEqual(readFeedList(text, BASE), ['http://127.0.0.1:8080/a1.xml', 'http://example.test/a2.xml']);
});
