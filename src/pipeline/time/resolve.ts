// Time expressions of a text, resolved against the publication date: chrono-node for dates
// and weekdays, the rules in rules.ts for what it misses, then the relative ones ("four days
// later") against the expression before them. With no publication date, only expressions
// that name their year get a value: relative ones are never guessed.
import * as chrono from 'chrono-node';
import type { TimeExpr, TimeValue } from '../../model/types.ts';
import { ruleHits, type RuleHit } from './rules.ts';
import { monthSpan, pad, recentWeekday, recentYearOfMonth, yearSpan } from './days.ts';

// Words chrono reads as dates that, in running text, are not: "now", "may", "march", "sat".
const NOT_A_DATE = /^(now|may|march|sat|sun|mon|wed|second|a second|the second)$/i;
const HAS_YEAR = /\b(1[89]|20)\d\d\b/;
// Sentences worth showing to chrono (it is the costly part): a capitalised month, a weekday, a
// day word, a relative period, or a numeric date. Bare years are the rules' job.
const MONTH_WORD = /\b(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\b/;
const DAY_WORD = /\b(monday|tuesday|wednesday|thursday|friday|saturday|sunday|today|yesterday|tomorrow|tonight|ago|later|earlier|weekend|(last|next|past|this|coming|previous) (week|month|year|decade|\w+day))\b|\d{1,4}[-/.]\d{1,2}[-/.]\d{1,4}/i;
const DATEISH = { test: (s: string) => MONTH_WORD.test(s) || DAY_WORD.test(s) };

interface Candidate { start: number; end: number; text: string; via: string; resolve(published: string | undefined, previous: TimeValue | undefined): TimeValue | undefined }

function fromChrono(r: chrono.ParsedResult, offset: number): Candidate | undefined {
  let text = r.text.replace(/[\s,.;:]+$/, '');
  let start = r.index;
  const lead = /^(on|in|at|by|the)\s+/i.exec(text);
  if (lead) { start += lead[0].length; text = text.slice(lead[0].length); }
  if (NOT_A_DATE.test(text)) return undefined;
  if (/^(for|within|over)\s/i.test(r.text)) return undefined;     // "for two days": a duration, not a date
  const c = r.start;
  if (!c.isCertain('year') && !c.isCertain('month') && !c.isCertain('day') && !c.isCertain('weekday')) return undefined;
  if (!/[A-Z0-9]/.test(text) && /^(january|february|march|april|may|june|july|august|september|october|november|december|monday|tuesday|wednesday|thursday|friday|saturday|sunday)$/i.test(text)) return undefined;
  const absolute = HAS_YEAR.test(text);
  const lastWord = /^last\b/i.test(text);
  const resolve = (published: string | undefined): TimeValue | undefined => {
    if (!absolute && !published) return undefined;
    const year = c.get('year') ?? undefined;
    const month = c.get('month') ?? undefined;
    const day = c.get('day') ?? undefined;
    let value: TimeValue | undefined;
    if (c.isCertain('day') || (c.isCertain('month') && day && !c.isCertain('weekday') && /\d/.test(text))) {
      let y = year!;
      if (!c.isCertain('year') && published && c.isCertain('month')) {
        const candidate = `${y}-${pad(month!)}-${pad(day!)}`;
        if (candidate > published) y = recentYearOfMonth(month!, published);
        if (`${y}-${pad(month!)}-${pad(day!)}` > published) y -= 1;
      }
      const d = `${y}-${pad(month!)}-${pad(day!)}`;
      value = { start: d, end: d };
    } else if (c.isCertain('weekday') && published) {
      const d = recentWeekday(c.get('weekday')!, published, lastWord);
      value = { start: d, end: d };
    } else if (c.isCertain('month')) {
      const y = c.isCertain('year') ? year! : published ? recentYearOfMonth(month!, published) : undefined;
      if (y) value = monthSpan(y, month!);
    } else if (c.isCertain('year')) {
      value = yearSpan(year!);
    }
    if (value && r.end && (r.end.isCertain('day') || r.end.isCertain('month'))) {
      const e = r.end.date().toISOString().slice(0, 10);
      if (e > value.start) value = { start: value.start, end: e };
    }
    return value;
  };
  return { start: start + offset, end: start + offset + text.length, text, via: 'chrono', resolve: (p) => resolve(p) };
}

/** Time expressions in `text` (whose first character is at `offset` in the body), in order. */
export function findTimes(text: string, published: string | undefined, ranges?: [number, number][], offset = 0): TimeExpr[] {
  const instant = published ? new Date(`${published}T12:00:00Z`) : new Date('2000-01-01T12:00:00Z');
  const chronoHits: Candidate[] = [];
  for (const [a, b] of ranges ?? [[0, text.length]]) {
    const part = text.slice(a, b);
    if (!DATEISH.test(part)) continue;
    for (const r of chrono.casual.parse(part, { instant, timezone: 0 }, { forwardDate: false })) {
      const c = fromChrono(r, a);
      if (c) chronoHits.push(c);
    }
  }
  const rules: RuleHit[] = ruleHits(text);
  const overlaps = (x: { start: number; end: number }, y: { start: number; end: number }) => x.start < y.end && y.start < x.end;
  const strongRules = rules.filter((h) => h.via !== 'rule:year');
  const all: Candidate[] = [
    ...strongRules,
    ...chronoHits.filter((c) => !strongRules.some((h) => overlaps(h, c))),
  ];
  for (const y of rules) if (y.via === 'rule:year' && !all.some((c) => overlaps(c, y))) all.push(y);
  all.sort((x, y) => x.start - y.start);
  const out: TimeExpr[] = [];
  // "Two days later" counts from the last day the text named ("on Wednesday"), not from a
  // month or year mentioned in passing ("closed last October").
  let previousDay: TimeValue | undefined;
  let previousAny: TimeValue | undefined;
  for (const c of all) {
    const value = c.resolve(published, previousDay ?? previousAny);
    out.push({ start: c.start + offset, end: c.end + offset, text: c.text, via: c.via, ...(value ? { value } : {}) });
    if (value) {
      previousAny = value;
      if (value.start === value.end) previousDay = value;
    }
  }
  return out;
}

