// Calendar arithmetic on ISO days (YYYY-MM-DD), in UTC so that no time zone shifts a day.

export function iso(d: Date): string {
  return d.toISOString().slice(0, 10);
}

export function parseDay(day: string): Date {
  return new Date(`${day}T00:00:00Z`);
}

export function addDays(day: string, n: number): string {
  const d = parseDay(day);
  d.setUTCDate(d.getUTCDate() + n);
  return iso(d);
}

export function addMonths(day: string, n: number): string {
  const d = parseDay(day);
  d.setUTCMonth(d.getUTCMonth() + n);
  return iso(d);
}

export function addYears(day: string, n: number): string {
  const d = parseDay(day);
  d.setUTCFullYear(d.getUTCFullYear() + n);
  return iso(d);
}

export function pad(n: number): string {
  return String(n).padStart(2, '0');
}

export function lastDayOfMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export function monthSpan(year: number, month: number, fromDay = 1, toDay = 31): { start: string; end: string } {
  const last = lastDayOfMonth(year, month);
  return { start: `${year}-${pad(month)}-${pad(Math.min(fromDay, last))}`, end: `${year}-${pad(month)}-${pad(Math.min(toDay, last))}` };
}

export function yearSpan(year: number, fromMonth = 1, toMonth = 12): { start: string; end: string } {
  return { start: `${year}-${pad(fromMonth)}-01`, end: `${year}-${pad(toMonth)}-${pad(lastDayOfMonth(year, toMonth))}` };
}

/** The year of the most recent given month not after `published` (a month named in past-tense reporting). */
export function recentYearOfMonth(month: number, published: string): number {
  const y = Number(published.slice(0, 4));
  const m = Number(published.slice(5, 7));
  return month > m ? y - 1 : y;
}

/** The most recent given weekday (0 = Sunday) on or before `published`, or strictly before it. */
export function recentWeekday(weekday: number, published: string, strictlyBefore: boolean): string {
  const d = parseDay(published);
  let back = (d.getUTCDay() - weekday + 7) % 7;
  if (back === 0 && strictlyBefore) back = 7;
  return addDays(published, -back);
}

/** Monday of the week that holds `day`. */
export function mondayOf(day: string): string {
  const wd = parseDay(day).getUTCDay();
  return addDays(day, -((wd + 6) % 7));
}
