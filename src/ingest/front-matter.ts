// YAML front matter ("---" ... "---" at the top of a markdown file) read into metadata.
import { parse } from 'yaml';
import type { DocumentMeta } from '../model/types.ts';
import { normalizeDate } from './dates.ts';

const FRONT_MATTER = /^---[ \t]*\n([\s\S]*?)\n(?:---|\.\.\.)[ \t]*(?:\n|$)/;

const KEYS: Record<keyof DocumentMeta, string[]> = {
  title: ['title', 'headline'],
  outlet: ['outlet', 'site', 'site_name', 'publication', 'publisher', 'source', 'source_name'],
  author: ['author', 'authors', 'byline', 'creator'],
  published: ['published', 'date', 'pubdate', 'pub_date', 'published_at', 'publish_date', 'date_published'],
  url: ['url', 'link', 'canonical', 'canonical_url', 'source_url'],
};

/** A field's value as text: a string, a list of them, or an object's `name` (JSON-LD authors). */
export function textOf(value: unknown): string | undefined {
  if (typeof value === 'string') return value.trim() || undefined;
  if (Array.isArray(value)) {
    const parts = value.map(textOf).filter((x): x is string => !!x);
    return parts.length ? parts.join(', ') : undefined;
  }
  if (value && typeof value === 'object' && 'name' in value) return textOf((value as { name: unknown }).name);
  return undefined;
}

/** Metadata from a record of fields (front matter or a JSONL line), by the usual key names. */
export function metaFromFields(fields: Record<string, unknown>): DocumentMeta {
  const lower = new Map(Object.entries(fields).map(([k, v]) => [k.toLowerCase(), v]));
  const pick = (keys: string[]): unknown => keys.map((k) => lower.get(k)).find((v) => v !== undefined && v !== null && v !== '');
  const meta: DocumentMeta = {};
  for (const field of ['title', 'outlet', 'author', 'url'] as const) {
    const v = textOf(pick(KEYS[field]));
    if (v) meta[field] = v;
  }
  const published = normalizeDate(pick(KEYS.published));
  if (published) meta.published = published;
  return meta;
}

/** Splits front matter off the text; text without a valid YAML mapping on top comes back unchanged. */
export function splitFrontMatter(source: string): { meta: DocumentMeta; body: string } {
  const m = FRONT_MATTER.exec(source);
  if (!m) return { meta: {}, body: source };
  let data: unknown;
  try {
    data = parse(m[1]);
  } catch {
    return { meta: {}, body: source };
  }
  if (!data || typeof data !== 'object' || Array.isArray(data)) return { meta: {}, body: source };
  return { meta: metaFromFields(data as Record<string, unknown>), body: source.slice(m[0].length) };
}
