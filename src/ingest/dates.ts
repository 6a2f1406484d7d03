// Publication dates written the ways articles and metadata write them, normalised to YYYY-MM-DD.

const MONTHS: Record<string, number> = {
  jan: 1, january: 1, feb: 2, february: 2, mar: 3, march: 3, apr: 4, april: 4, may: 5,
  jun: 6, june: 6, jul: 7, july: 7, aug: 8, august: 8, sep: 9, sept: 9, september: 9,
  oct: 10, october: 10, nov: 11, november: 11, dec: 12, december: 12,
};

const MONTH = '(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?';
const DAY = '(\\d{1,2})(?:st|nd|rd|th)?';
const YEAR = '((?:19|20)\\d{2})';
const WEEKDAY = '(?:(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day|nesday|sday|urday)?\\.?,?\\s+)?';

/** A date anywhere in a string: ISO, "June 1, 2018", "1 June 2018". Each is a regexp with named parts. */
const FORMS: { re: RegExp; parts: (m: RegExpExecArray) => [string, string, string] }[] = [
  { re: new RegExp(`\\b${YEAR}-(\\d{1,2})-(\\d{1,2})(?![\\d])`, 'i'), parts: (m) => [m[1], m[2], m[3]] },
  { re: new RegExp(`\\b${YEAR}/(\\d{1,2})/(\\d{1,2})\\b`, 'i'), parts: (m) => [m[1], m[2], m[3]] },
  { re: new RegExp(`\\b${WEEKDAY}${MONTH}\\s+${DAY},?\\s+${YEAR}\\b`, 'i'), parts: (m) => [m[3], m[1], m[2]] },
  // day.month.year, as European outlets write it
  { re: new RegExp(`(?<![\\d.])(\\d{1,2})\\.(\\d{1,2})\\.${YEAR}\\b`, 'i'), parts: (m) => [m[3], m[2], m[1]] },
  { re: new RegExp(`\\b${WEEKDAY}${DAY}\\s+(?:of\\s+)?${MONTH},?\\s+${YEAR}\\b`, 'i'), parts: (m) => [m[3], m[2], m[1]] },
];

function monthNumber(s: string): number {
  if (/^\d+$/.test(s)) return Number(s);
  return MONTHS[s.toLowerCase().replace(/\.$/, '')] ?? 0;
}

function iso(year: number, month: number, day: number): string | undefined {
  if (month < 1 || month > 12 || day < 1 || day > 31) return undefined;
  const d = new Date(Date.UTC(year, month - 1, day));
  if (d.getUTCMonth() !== month - 1) return undefined;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

export interface DateMatch { iso: string; index: number; length: number }

/** The first date written in the text, with where it stands. */
export function findDate(text: string): DateMatch | undefined {
  let best: DateMatch | undefined;
  for (const form of FORMS) {
    const m = form.re.exec(text);
    if (!m) continue;
    const [y, mo, d] = form.parts(m);
    const value = iso(Number(y), monthNumber(mo), Number(d));
    if (value && (!best || m.index < best.index)) best = { iso: value, index: m.index, length: m[0].length };
  }
  return best;
}

/** Normalises a metadata date value ("2018-06-01T09:00:00Z", "June 1, 2018", "Fri, 01 Jun 2018 ..."). */
export function normalizeDate(value: unknown): string | undefined {
  if (value instanceof Date) {
    return Number.isNaN(value.getTime()) ? undefined : value.toISOString().slice(0, 10);
  }
  if (typeof value === 'number' && Number.isFinite(value)) {
    // Unix time in seconds or milliseconds
    const ms = value < 1e11 ? value * 1000 : value;
    return new Date(ms).toISOString().slice(0, 10);
  }
  if (typeof value !== 'string') return undefined;
  return findDate(value)?.iso;
}
