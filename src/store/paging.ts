// Keyset paging and the small checks every list shares: opaque cursors that carry the sort key
// of the last item (so a page never shifts when documents are added meanwhile), page sizes, days.
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, type DayRange, type Page } from './queries.ts';
import { StoreQueryError } from './errors.ts';

export type Key = (string | number)[];

export function encodeCursor(key: Key): string {
  return Buffer.from(JSON.stringify(key)).toString('base64url');
}

/** The key a cursor carries; `shape` lists the type of each part ('s' string, 'n' number). */
export function decodeCursor(cursor: string | undefined, shape: ('s' | 'n')[]): Key | undefined {
  if (cursor === undefined || cursor === '') return undefined;
  let key: unknown;
  try { key = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')); } catch { key = undefined; }
  const ok = Array.isArray(key) && key.length === shape.length &&
    key.every((v, i) => (shape[i] === 'n' ? Number.isInteger(v) : typeof v === 'string'));
  if (!ok) throw new StoreQueryError('cursor', 'not a cursor this list gave out');
  return key as Key;
}

export function pageSize(limit: number | undefined): number {
  if (limit === undefined) return DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(limit) || limit < 1) throw new StoreQueryError('limit', `must be a whole number from 1 to ${MAX_PAGE_SIZE}`);
  return Math.min(limit, MAX_PAGE_SIZE);
}

/** Cuts the one extra row a query fetched into the page and the cursor of its last item. */
export function toPage<R, T>(rows: R[], size: number, key: (r: R) => Key, item: (r: R) => T): Page<T> {
  const more = rows.length > size;
  const kept = more ? rows.slice(0, size) : rows;
  return { items: kept.map(item), next: more ? encodeCursor(key(kept[kept.length - 1])) : null };
}

const DAY = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

/** Inclusive bounds as full ISO days: since '2025-03' is '2025-03-01', until '2025-03' is '2025-03-31'. */
export function dayBounds(r: DayRange): { since?: string; until?: string } {
  const out: { since?: string; until?: string } = {};
  for (const field of ['since', 'until'] as const) {
    const v = r[field];
    if (v === undefined || v === '') continue;
    const m = DAY.exec(v);
    if (!m || (m[2] && (+m[2] < 1 || +m[2] > 12)) || (m[3] && (+m[3] < 1 || +m[3] > 31))) {
      throw new StoreQueryError(field, `'${v}' is not a day (YYYY, YYYY-MM or YYYY-MM-DD)`);
    }
    // '31' is past every real day of a month, and days compare as strings
    out[field] = field === 'since' ? `${m[1]}-${m[2] ?? '01'}-${m[3] ?? '01'}` : `${m[1]}-${m[2] ?? '12'}-${m[3] ?? '31'}`;
  }
  return out;
}

/** A LIKE pattern that finds `word` anywhere, with the wildcards in it escaped (ESCAPE '\'). */
export function containsPattern(word: string): string {
  return `%${escapeLike(word.toLowerCase())}%`;
}

export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => '\\' + c);
}

/** The ISO week of a day, as '2025-W11'. */
export function isoWeek(day: string): string {
  const d = new Date(`${day.slice(0, 10)}T00:00:00Z`);
  const weekday = (d.getUTCDay() + 6) % 7;          // Monday 0
  d.setUTCDate(d.getUTCDate() - weekday + 3);       // the Thursday of this week decides its year
  const year = d.getUTCFullYear();
  const jan4 = new Date(Date.UTC(year, 0, 4));
  const week = 1 + Math.round(((d.getTime() - jan4.getTime()) / 86_400_000 - 3 + ((jan4.getUTCDay() + 6) % 7)) / 7);
  return `${year}-W${String(week).padStart(2, '0')}`;
}
