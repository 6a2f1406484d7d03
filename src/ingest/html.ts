// HTML to plain-text blocks and metadata. The page's meta tags (Open Graph, article:*, name=date,
// JSON-LD) give the metadata; @mozilla/readability finds the article inside the page.
import { parseHTML } from 'linkedom';
import { Readability } from '@mozilla/readability';
import type { DocumentMeta } from '../model/types.ts';
import { tidyText, type Block } from './blocks.ts';
import { normalizeDate } from './dates.ts';
import { textOf } from './front-matter.ts';

type Dom = ReturnType<typeof parseHTML>['document'];

export interface HtmlContent { blocks: Block[]; meta: DocumentMeta }

const SKIP = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'SVG', 'IFRAME', 'OBJECT', 'EMBED', 'CANVAS',
  'FORM', 'BUTTON', 'INPUT', 'SELECT', 'TEXTAREA', 'NAV', 'HEAD', 'IMG', 'PICTURE', 'VIDEO', 'AUDIO']);
const BLOCK = new Set(['P', 'DIV', 'SECTION', 'ARTICLE', 'MAIN', 'HEADER', 'FOOTER', 'ASIDE', 'UL', 'OL', 'LI',
  'BLOCKQUOTE', 'PRE', 'FIGURE', 'FIGCAPTION', 'TABLE', 'THEAD', 'TBODY', 'TR', 'TD', 'TH', 'DL', 'DT', 'DD',
  'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HR', 'ADDRESS', 'CAPTION', 'DETAILS', 'SUMMARY']);
const HEADING = /^H([1-6])$/;

function attr(doc: Dom, selectors: string[], name = 'content'): string | undefined {
  for (const sel of selectors) {
    const value = doc.querySelector(sel)?.getAttribute(name)?.trim();
    if (value) return value;
  }
  return undefined;
}

function jsonLd(doc: Dom): Record<string, unknown>[] {
  const out: Record<string, unknown>[] = [];
  const visit = (v: unknown): void => {
    if (Array.isArray(v)) v.forEach(visit);
    else if (v && typeof v === 'object') {
      out.push(v as Record<string, unknown>);
      const graph = (v as Record<string, unknown>)['@graph'];
      if (graph) visit(graph);
    }
  };
  for (const script of doc.querySelectorAll('script[type="application/ld+json"]')) {
    try { visit(JSON.parse(script.textContent ?? '')); } catch { /* a broken block says nothing */ }
  }
  return out;
}

/** "Talks resume | The Daily Example" -> "Talks resume": a <title> often ends with the site's name. */
function withoutOutlet(title: string, outlet: string | undefined): string {
  if (!outlet) return title;
  const suffix = new RegExp(`\\s+[|–—:-]\\s+${outlet.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*$`, 'i');
  return title.replace(suffix, '') || title;
}

function isUrl(s: string): boolean {
  return /^https?:\/\//i.test(s);
}

/** Metadata from the page's head, before Readability changes the tree. */
export function htmlMeta(doc: Dom): DocumentMeta {
  const ld = jsonLd(doc).find((o) => o.headline || o.datePublished) ?? {};
  const meta: DocumentMeta = {};
  const title = attr(doc, ['meta[property="og:title"]', 'meta[name="twitter:title"]', 'meta[name="title"]'])
    ?? textOf(ld.headline) ?? doc.querySelector('title')?.textContent?.trim()
    ?? doc.querySelector('h1')?.textContent?.trim();
  const outlet = attr(doc, ['meta[property="og:site_name"]', 'meta[name="application-name"]', 'meta[name="publisher"]'])
    ?? textOf(ld.publisher);
  if (outlet) meta.outlet = outlet;
  if (title) meta.title = withoutOutlet(tidyText(title).replace(/\n/g, ' '), outlet);
  const author = [attr(doc, ['meta[name="author"]', 'meta[property="article:author"]', 'meta[name="byl"]', 'meta[name="dc.creator"]']),
    textOf(ld.author)].find((a) => a && !isUrl(a));
  if (author) meta.author = author.replace(/^by\s+/i, '');
  const published = normalizeDate(attr(doc, ['meta[property="article:published_time"]', 'meta[name="article:published_time"]',
    'meta[itemprop="datePublished"]', 'meta[name="date"]', 'meta[name="pubdate"]', 'meta[name="publish-date"]',
    'meta[name="publication_date"]', 'meta[name="dc.date"]', 'meta[name="DC.date.issued"]', 'meta[property="og:published_time"]'])
    ?? (typeof ld.datePublished === 'string' ? ld.datePublished : undefined)
    ?? attr(doc, ['time[datetime][pubdate]', 'article time[datetime]'], 'datetime'));
  if (published) meta.published = published;
  const url = attr(doc, ['meta[property="og:url"]']) ?? attr(doc, ['link[rel="canonical"]'], 'href');
  if (url) meta.url = url;
  return meta;
}

/** Walks an element and emits one block per paragraph-level element, headings and captions marked. */
function collectBlocks(root: Element): Block[] {
  const blocks: Block[] = [];
  let buffer = '';
  const flush = (kind: Block['kind'] = 'paragraph', level?: number): void => {
    const text = tidyText(buffer);
    buffer = '';
    if (!text) return;
    blocks.push(level ? { text, kind, level } : { text, kind });
  };
  const walk = (node: Node): void => {
    for (const child of Array.from(node.childNodes)) {
      if (child.nodeType === 3) { buffer += (child.textContent ?? '').replace(/\s+/g, ' '); continue; }
      if (child.nodeType !== 1) continue;
      const el = child as Element;
      const tag = el.tagName.toUpperCase();
      if (SKIP.has(tag) || el.getAttribute('hidden') !== null || el.getAttribute('aria-hidden') === 'true') continue;
      if (tag === 'BR') { buffer += '\n'; continue; }
      if (!BLOCK.has(tag)) { walk(el); continue; }
      flush();
      walk(el);
      const heading = HEADING.exec(tag);
      if (heading) flush('heading', Number(heading[1]));
      else flush(tag === 'FIGCAPTION' || tag === 'CAPTION' ? 'caption' : 'paragraph');
    }
  };
  walk(root);
  flush();
  return blocks;
}

export function htmlToContent(html: string): HtmlContent {
  const { document } = parseHTML(html);
  const meta = htmlMeta(document);
  let article: string | null | undefined;
  try {
    article = new Readability(document as unknown as globalThis.Document, { charThreshold: 200 }).parse()?.content;
  } catch {
    article = undefined;
  }
  let root: Element | null;
  if (article) {
    root = parseHTML(`<!doctype html><html><body>${article}</body></html>`).document.body as unknown as Element;
  } else {
    const fallback = parseHTML(html).document;
    for (const el of fallback.querySelectorAll('header, footer, aside, nav')) el.remove();
    root = (fallback.querySelector('article') ?? fallback.querySelector('main') ?? fallback.body) as unknown as Element | null;
  }
  return { blocks: root ? collectBlocks(root) : [], meta };
}

/** Signs that a text is an HTML page rather than markdown or plain text. */
export function looksLikeHtml(text: string): boolean {
  const head = text.slice(0, 2000).trimStart().toLowerCase();
  return head.startsWith('<!doctype html') || head.startsWith('<html') || /<(body|article|head)[\s>]/.test(head)
    || (head.startsWith('<') && /<\/(p|div)>/.test(text.slice(0, 20000).toLowerCase()));
}
