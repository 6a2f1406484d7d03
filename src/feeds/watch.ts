// `sitrep watch`: follows feeds (and OPML lists of feeds) round after round. Each round fetches
// every feed conditionally, fetches the page of each item not seen before, extracts its article
// text through the HTML ingest, runs the pipeline and stores the analysis, as `sitrep analyze`
// does; after a round that stored anything, the cross-document links are rebuilt (src/run/link.ts).
// A broken feed or page gives one error line that names it, and the others go on. A feed that
// fails waits longer and longer before the next try; items are never fetched twice once handled.
import { readFile } from 'node:fs/promises';
import { setTimeout as sleep } from 'node:timers/promises';
import { ingestText, IngestError } from '../ingest/index.ts';
import { looksLikeHtml } from '../ingest/html.ts';
import { normalizeDate } from '../ingest/dates.ts';
import type { Pipeline } from '../pipeline/index.ts';
import type { Store } from '../store/index.ts';
import { linkIfBehind } from '../run/link.ts';
import type { DocumentMeta } from '../model/types.ts';
import { FetchError, fetchText, type Fetched, type Validators } from './fetch.ts';
import { isOpml, readFeed, readFeedList, type FeedItem, type ParsedFeed } from './parse.ts';
import { HostGate } from './politeness.ts';
import { backingOff, parseState, recordFailure, recordSuccess, stateJson, type FeedState } from './state.ts';

export interface WatchOptions {
  /** Feed or OPML addresses (http, https) or local files. */
  feeds: string[];
  /** Seconds between the starts of two rounds. */
  intervalSeconds: number;
  /** One round, then return. */
  once: boolean;
  /** Least time between two requests to one host. */
  hostDelayMs: number;
  /** The first back-off after a failed feed fetch; it doubles with each failure in a row. */
  backoffMs: number;
  timeoutMs: number;
  /** A page that fails this many times in a row (5xx, network) is given up. */
  maxPageTries?: number;
  signal?: AbortSignal;
}

export interface RoundSummary {
  round: number;
  feeds: number;
  notModified: number;
  failedFeeds: number;
  backingOff: number;
  newItems: number;
  stored: number;
  unchanged: number;
  failedItems: number;
  events: number;
}

const FEED_ACCEPT = 'application/rss+xml, application/atom+xml, application/rdf+xml, application/feed+json, application/json;q=0.9, text/x-opml, application/xml;q=0.8, text/xml;q=0.8, */*;q=0.5';
const PAGE_ACCEPT = 'text/html, application/xhtml+xml;q=0.9, */*;q=0.5';
const MAX_LIST_DEPTH = 3;

const isUrl = (s: string) => /^https?:\/\//i.test(s);
const reasonOf = (err: unknown) => (err instanceof IngestError ? err.reason : err instanceof Error ? err.message : String(err));

export class FeedWatcher {
  private gate: HostGate;
  private round = 0;

  constructor(private store: Store, private pipeline: Pipeline, private options: WatchOptions, private log: (line: string) => void) {
    this.gate = new HostGate(options.hostDelayMs);
  }

  /** Rounds until `once` or the signal says stop; `onRound` hears each round's summary. */
  async run(onRound: (s: RoundSummary) => void): Promise<void> {
    const { signal } = this.options;
    for (;;) {
      const started = Date.now();
      onRound(await this.runRound());
      if (this.options.once || signal?.aborted) return;
      const wait = Math.max(0, this.options.intervalSeconds * 1000 - (Date.now() - started));
      try { await sleep(wait, undefined, { signal }); } catch { return; }
    }
  }

  async runRound(): Promise<RoundSummary> {
    const s: RoundSummary = { round: ++this.round, feeds: 0, notModified: 0, failedFeeds: 0, backingOff: 0, newItems: 0, stored: 0, unchanged: 0, failedItems: 0, events: 0 };
    const done = new Set<string>();
    for (const source of this.options.feeds) await this.follow(source, s, done, 0);
    // as analyze does: links rebuilt from the store when documents were stored after them
    await linkIfBehind(this.store);
    return s;
  }

  private stopped(): boolean {
    return this.options.signal?.aborted ?? false;
  }

  private async get(address: string, validators: Validators, accept: string): Promise<Fetched> {
    if (!isUrl(address)) {
      try {
        return { status: 'ok', text: await readFile(address, 'utf8'), url: address, contentType: '', validators: {} };
      } catch (err) {
        throw new FetchError(`cannot be read (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`, false);
      }
    }
    await this.gate.wait(address, this.options.signal);
    try {
      return await fetchText(address, validators, { timeoutMs: this.options.timeoutMs, accept });
    } finally {
      this.gate.finished(address);
    }
  }

  /** One feed or list: fetched unless backing off, then its items (or listed feeds) followed. */
  private async follow(address: string, s: RoundSummary, done: Set<string>, depth: number): Promise<void> {
    if (done.has(address) || this.stopped()) return;
    done.add(address);
    const state = parseState(await this.store.feedState(address));
    if (backingOff(state)) {
      s.backingOff++;
      this.log(`skip: ${address}: backing off after ${state.failures} failed fetch${state.failures === 1 ? '' : 'es'} (${state.lastError}); next try after ${state.retryAt}`);
      return;
    }
    let fetched: Fetched;
    let feed: ParsedFeed | undefined;
    try {
      fetched = await this.get(address, state, FEED_ACCEPT);
      if (fetched.status === 'ok') {
        if (isOpml(fetched.text)) state.feeds = readFeedList(fetched.text, fetched.url);
        else { feed = readFeed(fetched.text, fetched.url); delete state.feeds; }
      }
    } catch (err) {
      if (this.stopped()) return;
      recordFailure(state, reasonOf(err), this.options.backoffMs);
      s.failedFeeds++;
      this.log(`error: ${address}: ${reasonOf(err)} (next try after ${state.retryAt})`);
      await this.store.saveFeedState(address, stateJson(state));
      return;
    }
    recordSuccess(state, fetched.status === 'ok' ? fetched.validators : undefined);
    if (fetched.status === 'not-modified') s.notModified++;
    if (state.feeds) {
      // a list: its feeds are followed on their own (a list in a list too, to a few levels)
      await this.store.saveFeedState(address, stateJson(state));
      if (depth >= MAX_LIST_DEPTH) { this.log(`error: ${address}: lists nested more than ${MAX_LIST_DEPTH} deep; its feeds are left out`); return; }
      for (const f of state.feeds) await this.follow(f, s, done, depth + 1);
      return;
    }
    s.feeds++;
    if (feed) await this.takeItems(address, feed, state, s);
    await this.store.saveFeedState(address, stateJson(state));
  }

  /** The items not seen before, oldest first (feeds list the newest first), each fetched, analysed and stored. */
  private async takeItems(address: string, feed: ParsedFeed, state: FeedState, s: RoundSummary): Promise<void> {
    const seen = new Set(state.seen);
    const handled = (key: string) => { seen.add(key); state.seen.push(key); delete state.tries[key]; };
    for (const item of [...feed.items].reverse()) {
      if (seen.has(item.key)) continue;
      if (this.stopped()) return;
      s.newItems++;
      if (!item.url) {
        s.failedItems++;
        this.log(`error: ${item.key} (in ${address}): the item has no link to a page`);
        handled(item.key);
        continue;
      }
      try {
        const events = await this.takeItem(item, feed);
        if (events === undefined) s.unchanged++;
        else { s.stored++; s.events += events; }
        handled(item.key);
      } catch (err) {
        if (this.stopped()) return;
        s.failedItems++;
        const tries = (state.tries[item.key] ?? 0) + 1;
        const again = err instanceof FetchError && err.transient && tries < (this.options.maxPageTries ?? 3);
        if (again) state.tries[item.key] = tries;
        else handled(item.key);
        this.log(`error: ${item.url} (in ${address}): ${reasonOf(err)}${again ? ' (will try again next round)' : tries > 1 ? ` (given up after ${tries} tries)` : ''}`);
      }
    }
  }

  /** The number of events of the stored document, or undefined when it was stored before. */
  private async takeItem(item: FeedItem, feed: ParsedFeed): Promise<number | undefined> {
    const page = await this.get(item.url!, {}, PAGE_ACCEPT);
    if (page.status !== 'ok') throw new FetchError('answered 304 to a request without validators', false);
    const meta: DocumentMeta = { url: item.url };
    if (item.title) meta.title = item.title;
    if (item.author) meta.author = item.author;
    if (feed.title) meta.outlet = feed.title;
    const published = normalizeDate(item.published);
    if (published) meta.published = published;
    const html = /html/i.test(page.contentType) || looksLikeHtml(page.text);
    const doc = ingestText(page.text, item.url!, { ...(html ? { format: 'html' as const } : {}), meta });
    if (await this.store.hasDocument(doc.id)) return undefined;
    const analysis = this.pipeline.analyze(doc);
    await this.store.saveAnalyses([analysis]);   // one transaction: a document is stored whole or not at all
    return analysis.events.length;
  }
}

export function describeRound(s: RoundSummary): string {
  const feedParts = [s.notModified && `${s.notModified} not modified`, s.failedFeeds && `${s.failedFeeds} failed`, s.backingOff && `${s.backingOff} backing off`].filter(Boolean);
  return `round ${s.round}: ${s.feeds + s.failedFeeds + s.backingOff} feeds${feedParts.length ? ` (${feedParts.join(', ')})` : ''}; ` +
    `${s.newItems} new items: ${s.stored} stored, ${s.unchanged} unchanged, ${s.failedItems} failed; ${s.events} events`;
}
