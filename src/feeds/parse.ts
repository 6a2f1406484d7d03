// Feeds and feed lists to plain items with feedsmith: RSS, Atom, RDF and JSON Feed give the
// items (a key that stays the same, the page's address, title, date, author); OPML gives the
// addresses of the feeds it lists. Relative addresses are resolved against the feed's own.
import { parseFeed, parseOpml, type AnyFeed, type Opml } from 'feedsmith';

export interface FeedItem {
  /** What identifies the item across fetches: its guid or id, else its link. */
  key: string;
  url?: string;
  title?: string;
  published?: string;
  author?: string;
}

export interface ParsedFeed { format: 'rss' | 'atom' | 'rdf' | 'json'; title?: string; items: FeedItem[] }

export class FeedFormatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'FeedFormatError';
  }
}

function absolute(href: string | undefined, base: string): string | undefined {
  if (!href?.trim()) return undefined;
  try { return new URL(href.trim(), base).href; } catch { return undefined; }
}

const textOf = (t: string | { value?: string } | undefined): string | undefined =>
  (typeof t === 'string' ? t : t?.value)?.trim() || undefined;

/** Whether a fetched text is an OPML list of feeds rather than a feed. */
export function isOpml(text: string): boolean {
  return /^\s*(<\?xml[^>]*>\s*)?(<!--[\s\S]*?-->\s*)*<opml[\s>]/i.test(text.replace(/^\uFEFF/, ''));
}

export function readFeed(text: string, base: string): ParsedFeed {
  let input: unknown = text.replace(/^\uFEFF/, '');
  if (/^\s*\{/.test(input as string)) {
    try { input = JSON.parse(input as string); } catch (e) { throw new FeedFormatError(`malformed JSON feed (${(e as Error).message})`); }
  }
  let parsed: AnyFeed<string>;
  try {
    parsed = parseFeed(input);
  } catch (e) {
    const name = (e as Error).name;
    if (name === 'DetectError') throw new FeedFormatError('not an RSS, Atom, RDF or JSON feed');
    throw new FeedFormatError(`malformed feed (${(e as Error).message})`);
  }
  const items: FeedItem[] = [];
  const add = (key: string | undefined, url: string | undefined, rest: Omit<FeedItem, 'key' | 'url'>) => {
    const k = key?.trim() || url;
    if (!k) return;
    const item: FeedItem = { key: k };
    if (url) item.url = url;
    for (const [f, v] of Object.entries(rest)) if (typeof v === 'string' && v.trim()) item[f as 'title'] = v.trim();
    items.push(item);
  };
  switch (parsed.format) {
    case 'rss':
      for (const i of parsed.feed.items ?? []) {
        add(i.guid?.value, absolute(i.link ?? (i.guid?.isPermaLink !== false ? i.guid?.value : undefined), base),
          { title: i.title, published: i.pubDate ?? i.dc?.dates?.[0], author: i.dc?.creators?.[0] ?? i.authors?.[0]?.name });
      }
      return { format: 'rss', title: parsed.feed.title, items };
    case 'atom':
      for (const e of parsed.feed.entries ?? []) {
        const link = e.links?.find((l) => !l.rel || l.rel === 'alternate') ?? e.links?.[0];
        add(e.id, absolute(link?.href, base), { title: textOf(e.title), published: e.published ?? e.updated, author: e.authors?.[0]?.name });
      }
      return { format: 'atom', title: textOf(parsed.feed.title), items };
    case 'rdf':
      for (const i of parsed.feed.items ?? []) {
        add(i.rdf?.about, absolute(i.link, base), { title: i.title, published: i.dc?.dates?.[0], author: i.dc?.creators?.[0] });
      }
      return { format: 'rdf', title: parsed.feed.title, items };
    case 'json':
      for (const i of parsed.feed.items ?? []) {
        add(i.id, absolute(i.url ?? i.external_url, base), { title: i.title, published: i.date_published, author: i.authors?.[0]?.name });
      }
      return { format: 'json', title: parsed.feed.title, items };
  }
}

/** The feed addresses an OPML list gives (outlines nested in folders included), each once. */
export function readFeedList(text: string, base: string): string[] {
  let doc: Opml.Document<string>;
  try {
    doc = parseOpml(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    throw new FeedFormatError(`malformed OPML (${(e as Error).message})`);
  }
  const out = new Set<string>();
  const walk = (outlines: Opml.Outline<string>[] | undefined) => {
    for (const o of outlines ?? []) {
      const url = absolute(o.xmlUrl, base);
      if (url) out.add(url);
      walk(o.outlines);
    }
  };
  walk(doc.body?.outlines);
  return [...out];
}
