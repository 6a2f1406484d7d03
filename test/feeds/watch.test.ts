// sitrep watch against a real HTTP server on loopback: what is stored, the conditional requests
// of the second round, the back-off of a broken feed, the retries of a failing page, the
// politeness delay, and one error line per broken feed or page.
import { test, after } from 'node:test';
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import assert from 'node:assert/strict';
import { createPipeline } from '../../src/pipeline/index.ts';
import { collect, openStore } from '../../src/store/index.ts';
import { FeedWatcher, describeRound, type RoundSummary, type WatchOptions } from '../../src/feeds/watch.ts';
import { ARTICLE_TITLES, startFeedServer } from './server.ts';

const server = await startFeedServer();
after(() => server.close());
const pipeline = createPipeline();
const HOST_DELAY = 40;

/** A loopback port nothing listens on. */
async function closedPort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

async function round(store: Awaited<ReturnType<typeof openStore>>, feeds: string[], extra: Partial<WatchOptions> = {}) {
  const lines: string[] = [];
  let summary: RoundSummary | undefined;
  const watcher = new FeedWatcher(store, pipeline, {
    feeds, intervalSeconds: 900, once: true, hostDelayMs: HOST_DELAY, backoffMs: 60_000, timeoutMs: 5000, ...extra,
  }, (l) => lines.push(l));
  const from = server.requests.length;
  await watcher.run((s) => { summary = s; });
  return { lines, summary: summary!, requests: server.requests.slice(from) };
}

test('two rounds over RSS, Atom, RDF, JSON Feed and an OPML list: new items stored once, 304s, back-off and retries', async () => {
  const store = await openStore(':memory:');
  const b = server.base;
  try {
    const feeds = [`${b}/rss.xml`, `${b}/list.opml`, `${b}/bad.xml`, `${b}/rdf.xml`];
    const first = await round(store, feeds);

    // every article page stored once, with the feed's metadata
    const docs = await collect(store.documents());
    assert.deepEqual(docs.map((d) => d.meta.title).sort(), Object.values(ARTICLE_TITLES).sort());
    const byUrl = new Map(docs.map((d) => [d.meta.url, d]));
    assert.equal(byUrl.get(`${b}/news/1.html`)?.meta.outlet, 'Baltic Wire', 'a relative RSS link resolved against the feed');
    assert.equal(byUrl.get(`${b}/news/1.html`)?.meta.published, '2024-12-02');
    assert.equal(byUrl.get(`${b}/news/3.html`)?.meta.outlet, 'Eastern Flank Daily', 'the Atom feed listed by the OPML file');
    assert.equal(byUrl.get(`${b}/news/3.html`)?.meta.author, 'A. Nowak');
    assert.equal(byUrl.get(`${b}/news/4.html`)?.meta.outlet, 'Nordic Security Notes', 'the JSON feed under a relative OPML address');
    assert.equal(byUrl.get(`${b}/news/5.html`)?.meta.published, '2024-12-06', 'the RDF item');
    assert.equal(byUrl.get(`${b}/news/1.html`)?.source, `${b}/news/1.html`);
    const article = await store.getAnalysis(byUrl.get(`${b}/news/1.html`)!.id);
    assert.match(article!.doc.body, /closed two of its six border crossings/);
    assert.doesNotMatch(article!.doc.body, /All rights reserved|Home/, 'the page around the article is left out');

    assert.deepEqual({ ...first.summary, events: 0 }, {
      round: 1, feeds: 4, notModified: 0, failedFeeds: 1, backingOff: 0, newItems: 6, stored: 5, unchanged: 0, failedItems: 1, events: 0,
    });
    assert.ok(first.summary.events > 0, 'the pipeline found events in the articles');
    assert.match(describeRound(first.summary), /^round 1: 5 feeds \(1 failed\); 6 new items: 5 stored, 0 unchanged, 1 failed; \d+ events$/);
    // one error line for the malformed feed, one for the page that fails; both named
    const errors = first.lines.filter((l) => l.startsWith('error: '));
    assert.equal(errors.length, 2, first.lines.join('\n'));
    assert.match(errors.find((l) => l.includes('/bad.xml'))!, new RegExp(`^error: ${b}/bad\\.xml: malformed feed \\(.+\\) \\(next try after \\d{4}-`));
    assert.equal(errors.find((l) => l.includes('broken'))!,
      `error: ${b}/news/broken.html (in ${b}/feed.json): HTTP 500 Internal Server Error (will try again next round)`);
    assert.equal(await store.linksBehind(), false, 'links were rebuilt after the round');

    // requests to one host are spaced by the politeness delay: the k-th comes k delays after the first at the earliest
    const times = first.requests.map((r) => r.at);
    for (let k = 1; k < times.length; k++) assert.ok(times[k] - times[0] >= k * HOST_DELAY - 10, `request ${k} came ${times[k] - times[0]} ms after the first`);
    assert.ok(first.requests.every((r) => r.userAgent?.startsWith('sitrep-watch/')));

    // the second round, as a cron job would run it: conditional requests, nothing fetched twice
    const second = await round(store, feeds);
    const asked = (path: string) => second.requests.filter((r) => r.path === path);
    assert.equal(asked('/rss.xml')[0].ifNoneMatch, '"rss-v1"', 'the ETag is sent back');
    assert.equal(asked('/list.opml')[0].ifNoneMatch, '"list-v1"');
    assert.equal(asked('/atom.xml')[0].ifModifiedSince, 'Wed, 04 Dec 2024 12:00:00 GMT', 'Last-Modified is sent back');
    assert.equal(asked('/atom.xml').length, 1, 'a list answering 304 still has its feeds followed');
    assert.equal(asked('/bad.xml').length, 0, 'the broken feed waits out its back-off');
    assert.equal(second.requests.filter((r) => /^\/news\/\d\.html$/.test(r.path)).length, 0, 'no stored page is fetched again');
    assert.equal(asked('/news/broken.html').length, 1, 'the failing page is tried again');
    assert.equal(second.summary.notModified, 3);
    assert.equal(second.summary.backingOff, 1);
    assert.equal(second.summary.stored, 0);
    assert.ok(second.lines.some((l) => l.startsWith(`skip: ${b}/bad.xml: backing off after 1 failed fetch (malformed feed`)), second.lines.join('\n'));
    assert.equal((await store.counts()).documents, 5);

    // a third try of the failing page is the last
    const third = await round(store, feeds, { maxPageTries: 3 });
    assert.ok(third.lines.includes(`error: ${b}/news/broken.html (in ${b}/feed.json): HTTP 500 Internal Server Error (given up after 3 tries)`), third.lines.join('\n'));
    const fourth = await round(store, feeds);
    assert.equal(fourth.requests.filter((r) => r.path === '/news/broken.html').length, 0, 'a page given up is not fetched again');
  } finally {
    await store.close();
  }
});

test('a feed that cannot be reached or is not a feed gives an error line naming it, and the others are still read', async () => {
  const store = await openStore(':memory:');
  const b = server.base;
  try {
    const closed = await closedPort();
    const { lines, summary } = await round(store, [`${b}/missing.xml`, `${b}/news/2.html`, `http://127.0.0.1:${closed}/feed.xml`, `${b}/rdf.xml`]);
    assert.equal(summary.failedFeeds, 3);
    assert.equal(summary.stored, 1, 'the RDF feed after the broken ones');
    assert.match(lines[0], new RegExp(`^error: ${b}/missing\\.xml: HTTP 404 Not Found \\(next try after `));
    assert.match(lines[1], new RegExp(`^error: ${b}/news/2\\.html: not an RSS, Atom, RDF or JSON feed \\(next try after `));
    assert.match(lines[2], new RegExp(`^error: http://127\\.0\\.0\\.1:${closed}/feed\\.xml: could not be fetched \\(ECONNREFUSED\\) \\(next try after `));
    assert.equal(lines.length, 3);
  } finally {
    await store.close();
  }
});

test('without --once, rounds follow one another at the interval until the signal stops them', async () => {
  const store = await openStore(':memory:');
  const stop = new AbortController();
  const rounds: RoundSummary[] = [];
  const lines: string[] = [];
  const started = Date.now();
  try {
    const watcher = new FeedWatcher(store, pipeline, {
      feeds: [`${server.base}/rss.xml`], intervalSeconds: 0.3, once: false, hostDelayMs: 0, backoffMs: 60_000, timeoutMs: 5000, signal: stop.signal,
    }, (l) => lines.push(l));
    await watcher.run((s) => { rounds.push(s); if (rounds.length === 3) stop.abort(); });
    assert.deepEqual(rounds.map((r) => [r.round, r.stored, r.notModified]), [[1, 2, 0], [2, 0, 1], [3, 0, 1]], lines.join('\n'));
    assert.ok(Date.now() - started >= 600, 'two waits of the interval between three rounds');
  } finally {
    await store.close();
  }
});
