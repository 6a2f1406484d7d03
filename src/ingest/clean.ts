// From blocks to the cleaned body: the title, metadata lines and boilerplate are taken out (each
// kept in `dropped` with its reason); what is left, joined by blank lines, is the article.
import type { DocumentMeta, DroppedBlock } from '../model/types.ts';
import type { Block } from './blocks.ts';
import { defaultBoilerplate, firstMatch, type Boilerplate } from './boilerplate.ts';
import { parseByline, parseDateline } from './meta-lines.ts';
import { foldDiacritics } from '../text/fold.ts';

export interface Cleaned { body: string; meta: DocumentMeta; dropped: DroppedBlock[] }

export interface CleanOptions {
  /** Whether the first short line may be the title (plain text and markdown, not HTML). */
  titleFromFirstLine: boolean;
  boilerplate?: Boilerplate;
}

const HEADER_BLOCKS = 12;           // bylines and datelines are looked for this far from the top
const MIN_TEXT_BEFORE_END = 300;    // characters of article needed before an end marker cuts the rest
const WEAK_MARKER_SHARE = 0.3;      // a weak end marker cuts only when less than this share of text follows
const MAX_META_LINE = 300;
const MAX_TITLE_LINE = 200;
const MAX_TRAILING_HEADLINES = 8;
const FINAL_PUNCTUATION = /[.!?…:;,"”’'»)\]]$/u;

/** Text as the gold compares it: case, diacritics, quote styles and white space ignored. */
export function comparable(text: string): string {
  return foldDiacritics(text)
    .replace(/[‘’‚‛`´]/g, "'").replace(/[“”„‟«»]/g, '"').replace(/\s+/g, ' ').trim();
}

interface Item extends Block { drop?: string }

const BIO_START = /^(?:(?:dr|prof|professor|col|gen|sir)\.?\s+)?(\p{Lu}[\p{L}'’.-]*(?:\s+(?:\p{Lu}[\p{L}'’.-]*|de|van|von|al|bin|la|le|der|da)){0,5})\s*,?\s+(?:is|was|has been|serves as|works as)\s+(?:an?|the|currently|also|now|one|among)\b/u;

function bioName(text: string, bp: Boilerplate): string | undefined {
  if (text.length > bp.bio.maxLength) return undefined;
  const m = BIO_START.exec(text);
  if (!m) return undefined;
  const firstSentence = text.slice(0, text.search(/[.!?](\s|$)/) + 1 || text.length).toLowerCase();
  const words = firstSentence.split(/[^\p{L}-]+/u);
  return words.some((w) => bp.bio.roles.has(w) || bp.bio.roles.has(w.replace(/s$/, ''))) ? m[1] : undefined;
}

/** Whether the bio's subject is (one of) the byline's author(s): the surnames must agree. */
function namesAuthor(name: string, author: string | undefined): boolean {
  if (!author) return false;
  const surname = comparable(name).split(' ').pop() ?? '';
  return surname.length > 1 && comparable(author).split(/[\s,]+/).includes(surname);
}

export function cleanBlocks(blocks: Block[], given: DocumentMeta, options: CleanOptions): Cleaned {
  const bp = options.boilerplate ?? defaultBoilerplate();
  const items: Item[] = blocks.map((b) => ({ ...b }));
  const meta: DocumentMeta = { ...given };
  const kept = (): Item[] => items.filter((it) => !it.drop);

  takeTitle(items, meta, options);
  takeHeaderLines(items, meta, bp);

  for (const it of items) {
    if (it.drop) continue;
    if (it.kind === 'caption') { it.drop = 'caption'; continue; }
    const rule = (it.text.length <= MAX_META_LINE ? firstMatch(bp.metaLines, it.text) : undefined)
      ?? (it.text.length <= bp.captionMaxLength ? firstMatch(bp.captions, it.text) : undefined)
      ?? (it.text.length <= bp.lines.maxLength ? firstMatch(bp.lines.rules, it.text) : undefined)
      ?? (it.text.length <= bp.promotions.maxLength ? firstMatch(bp.promotions.rules, it.text) : undefined);
    if (rule) it.drop = rule.reason;
  }

  cutAtEndMarker(items, bp);

  const live = kept();
  live.forEach((it, i) => {
    const name = bioName(it.text, bp);
    if (!name) return;
    const nearEnd = i >= live.length - 4 && i > 0;
    const cue = bp.bio.cues.some((re) => re.test(it.text));
    if (namesAuthor(name, meta.author) ? (nearEnd || i < 3) : nearEnd && cue) it.drop = 'author-bio';
  });

  dropTrailingHeadlines(items, bp);

  const dropped = items.filter((it) => it.drop).map((it) => ({ text: it.text, reason: it.drop as string }));
  return { body: kept().map((it) => it.text).join('\n\n'), meta, dropped };
}

function takeTitle(items: Item[], meta: DocumentMeta, options: CleanOptions): void {
  const first = items[0];
  if (!first) return;
  if (meta.title) {
    const title = comparable(meta.title);
    for (const it of items.slice(0, 3)) {
      if (comparable(it.text) === title) { it.drop = 'title'; return; }
    }
    return;
  }
  if (first.kind === 'heading') {
    meta.title = first.text.replace(/\n/g, ' ');
    first.drop = 'title';
    const title = comparable(meta.title);
    for (const it of items.slice(1, 3)) if (comparable(it.text) === title) it.drop = 'title';
    return;
  }
  if (options.titleFromFirstLine && items.length > 1 && !first.text.includes('\n')
    && first.text.length <= MAX_TITLE_LINE && !/[.…,;:]$/.test(first.text)
    && !parseByline(first.text) && !parseDateline(first.text)) {
    meta.title = first.text;
    first.drop = 'title';
  }
}

/** What the header says besides `meta`: an "Updated:" date, used when no other date is given. */
interface HeaderDates { updated?: string }

/** What one header line says: a byline or a dateline, read into `meta`; undefined when neither. */
function readHeaderLine(line: string, meta: DocumentMeta, dates: HeaderDates): string | undefined {
  const byline = parseByline(line);
  if (byline) {
    meta.author ??= byline.author;
    if (byline.published) meta.published ??= byline.published;
    return 'byline';
  }
  const dateline = parseDateline(line);
  if (dateline) {
    // an "Updated:" date stands in for the publication date only when no other date is given
    if (dateline.updated) dates.updated ??= dateline.published;
    else meta.published ??= dateline.published;
    if (dateline.outlet) meta.outlet ??= dateline.outlet;
    if (dateline.author) meta.author ??= dateline.author;
    return 'dateline';
  }
  return undefined;
}

/** "Published: June 1, 2018 | Updated: June 3, 2018 | 5 min read": each part metadata or page furniture. */
function readHeaderParts(line: string, meta: DocumentMeta, dates: HeaderDates, bp: Boilerplate): string | undefined {
  const parts = line.split(/\s+[|•·]\s+/);
  if (parts.length < 2 || line.length > 200) return undefined;
  const probe: DocumentMeta = {};
  const kinds = parts.map((p) => readHeaderLine(p, probe, {}) ?? firstMatch(bp.lines.rules, p)?.reason ?? firstMatch(bp.metaLines, p)?.reason);
  if (!kinds.every(Boolean) || !kinds.some((k) => k === 'byline' || k === 'dateline')) return undefined;
  for (const p of parts) readHeaderLine(p, meta, dates);
  return kinds.includes('byline') ? 'byline' : 'dateline';
}

function takeHeaderLines(items: Item[], meta: DocumentMeta, bp: Boilerplate): void {
  const dates: HeaderDates = {};
  for (const it of items.slice(0, HEADER_BLOCKS)) {
    if (it.drop) continue;
    const lines = it.text.split('\n');
    if (lines.length === 1) { it.drop = readHeaderLine(it.text, meta, dates) ?? readHeaderParts(it.text, meta, dates, bp); continue; }
    // "By Jane Doe\nJune 1, 2018" in one block: dropped only when every line is metadata
    if (lines.length > 4 || lines.some((l) => l.length > 120)) continue;
    const probe: DocumentMeta = {};
    const kinds = lines.map((l) => readHeaderLine(l, probe, {}) ?? firstMatch(bp.metaLines, l)?.reason);
    if (kinds.every(Boolean)) {
      for (const l of lines) readHeaderLine(l, meta, dates);
      it.drop = kinds.includes('byline') ? 'byline' : kinds[0];
    }
  }
  if (dates.updated) meta.published ??= dates.updated;
}

function cutAtEndMarker(items: Item[], bp: Boilerplate): void {
  let before = 0;
  for (let i = 0; i < items.length; i++) {
    const it = items[i];
    const rule = firstMatch(bp.endMarkers, it.text);
    if (rule) {
      it.drop ??= rule.reason;
      const after = items.slice(i + 1).reduce((n, x) => n + (x.drop ? 0 : x.text.length), 0);
      if (before >= MIN_TEXT_BEFORE_END && (!rule.weak || after <= before * WEAK_MARKER_SHARE)) {
        for (const rest of items.slice(i + 1)) rest.drop ??= `after-${rule.reason}`;
        return;
      }
    }
    if (!it.drop && it.kind === 'paragraph') before += it.text.length;
  }
}

function dropTrailingHeadlines(items: Item[], bp: Boilerplate): void {
  const live = items.filter((it) => !it.drop);
  let n = 0;
  for (let i = live.length - 1; i >= 2 && n < MAX_TRAILING_HEADLINES; i--, n++) {
    const it = live[i];
    if (parseDateline(it.text)) { it.drop = 'dateline'; continue; }   // a date under the related links
    const headline = !it.text.includes('\n') && it.text.length <= bp.trailingHeadline.maxLength
      && !FINAL_PUNCTUATION.test(it.text) && /\s/.test(it.text);
    if (!headline && it.kind !== 'heading') return;
    it.drop = 'related-headline';
  }
}
