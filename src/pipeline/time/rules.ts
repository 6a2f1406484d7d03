// Time expressions chrono-node leaves out or gets wrong for past-tense reporting: years,
// "since 2014", "a few years back", "in late August", "this week", "last year", and
// "four days later" (relative to the expression before it). Each rule gives the span of
// text and a resolver that needs the publication date only when the words are relative.
import type { TimeValue } from '../../model/types.ts';
import { addDays, addMonths, addYears, monthSpan, mondayOf, recentYearOfMonth, yearSpan } from './days.ts';

export interface RuleHit {
  start: number;
  end: number;
  text: string;
  via: string;
  /** Resolves the value; `previous` is the value of the expression before it in the text. */
  resolve(published: string | undefined, previous: TimeValue | undefined): TimeValue | undefined;
}

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const MONTH_RE = '(January|February|March|April|May|June|July|August|September|October|November|December)';
const NUMBER_WORDS: Record<string, number> = {
  a: 1, an: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, several: 3, few: 3, 'a few': 3, 'a couple of': 2, couple: 2,
};
const NUM_RE = '(\\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|several|a few|a couple of)';
const PART: Record<string, [number, number]> = { early: [1, 10], mid: [11, 20], late: [21, 31] };
const YEAR_PART: Record<string, [number, number]> = { early: [1, 4], mid: [5, 8], late: [9, 12] };

function numberOf(word: string): number {
  const w = word.toLowerCase();
  return /^\d+$/.test(w) ? Number(w) : NUMBER_WORDS[w] ?? 1;
}

function shift(day: string, n: number, unit: string): string {
  if (unit.startsWith('day')) return addDays(day, n);
  if (unit.startsWith('week')) return addDays(day, 7 * n);
  if (unit.startsWith('month')) return addMonths(day, n);
  return addYears(day, n);
}

interface Rule { via: string; re: RegExp; resolve(m: RegExpExecArray, published: string | undefined, previous: TimeValue | undefined): TimeValue | undefined }

const RULES: Rule[] = [
  {
    via: 'rule:part-of-month',
    re: new RegExp(`\\b(early|mid|late)[- ](?:in )?${MONTH_RE}(?:,? (\\d{4}))?\\b`, 'gi'),
    resolve(m, published) {
      const month = MONTHS.indexOf(m[2].toLowerCase()) + 1;
      const year = m[3] ? Number(m[3]) : published ? recentYearOfMonth(month, published) : undefined;
      if (!year) return undefined;
      const [a, b] = PART[m[1].toLowerCase()];
      return monthSpan(year, month, a, b);
    },
  },
  {
    via: 'rule:part-of-year',
    re: /\b(early|mid|late)[- ](\d{4})\b/gi,
    resolve(m) {
      const [a, b] = YEAR_PART[m[1].toLowerCase()];
      return yearSpan(Number(m[2]), a, b);
    },
  },
  {
    via: 'rule:this-period',
    re: /\b(this|last|past|previous|next|coming) (week|month|year)\b/gi,
    resolve(m, published) {
      if (!published) return undefined;
      const which = m[1].toLowerCase();
      const unit = m[2].toLowerCase();
      const y = Number(published.slice(0, 4));
      const mo = Number(published.slice(5, 7));
      if (which === 'this') {
        if (unit === 'week') return { start: mondayOf(published), end: published };
        if (unit === 'month') return { start: `${published.slice(0, 7)}-01`, end: published };
        return { start: `${y}-01-01`, end: published };
      }
      if (which === 'past') return { start: shift(published, -1, unit), end: published };
      if (which === 'next' || which === 'coming') {
        if (unit === 'week') { const mon = addDays(mondayOf(published), 7); return { start: mon, end: addDays(mon, 6) }; }
        if (unit === 'month') return mo === 12 ? monthSpan(y + 1, 1) : monthSpan(y, mo + 1);
        return yearSpan(y + 1);
      }
      if (unit === 'week') { const mon = addDays(mondayOf(published), -7); return { start: mon, end: addDays(mon, 6) }; }
      if (unit === 'month') return mo === 1 ? monthSpan(y - 1, 12) : monthSpan(y, mo - 1);
      return yearSpan(y - 1);
    },
  },
  {
    via: 'rule:years-ago',
    re: new RegExp(`\\b${NUM_RE} (years?|months?|weeks?|days?) (ago|back|earlier)\\b`, 'gi'),
    resolve(m, published, previous) {
      const base = m[3].toLowerCase() === 'earlier' ? previous?.start : published;
      if (!base) return undefined;
      const vague = /^(several|a few|few|a couple of)$/i.test(m[1]);
      const n = numberOf(m[1]);
      const unit = m[2].toLowerCase();
      if (vague) return { start: shift(base, -(n + 2), unit), end: shift(base, -2, unit) };
      const day = shift(base, -n, unit);
      if (unit.startsWith('year')) return yearSpan(Number(day.slice(0, 4)));
      return { start: day, end: day };
    },
  },
  {
    via: 'rule:later',
    re: new RegExp(`\\b(?:${NUM_RE} (days?|weeks?|months?|years?) later|the (next|following) (day|week|month|year))\\b`, 'gi'),
    resolve(m, _published, previous) {
      if (!previous) return undefined;
      const n = m[1] ? numberOf(m[1]) : 1;
      const unit = (m[2] ?? m[4]).toLowerCase();
      const day = shift(previous.start, n, unit);
      if (unit.startsWith('year')) return yearSpan(Number(day.slice(0, 4)));
      if (unit.startsWith('month')) return monthSpan(Number(day.slice(0, 4)), Number(day.slice(5, 7)));
      return { start: day, end: day };
    },
  },
  {
    via: 'rule:since-year',
    re: /\bsince (\d{4})\b/gi,
    resolve(m, published) {
      const y = Number(m[1]);
      return { start: `${y}-01-01`, end: published && published >= `${y}-01-01` ? published : `${y}-12-31` };
    },
  },
  {
    via: 'rule:year',
    re: /(?<![\d$€£.,/-])\b(1[89]\d\d|20\d\d)\b(?![\d-]|\.\d|,\d)/g,
    resolve(m) {
      return yearSpan(Number(m[1]));
    },
  },
];

/** Every rule hit in the text; a later rule never takes words an earlier one already took. */
export function ruleHits(text: string, offset = 0): RuleHit[] {
  const hits: RuleHit[] = [];
  const taken: [number, number][] = [];
  for (const rule of RULES) {
    rule.re.lastIndex = 0;
    for (let m = rule.re.exec(text); m; m = rule.re.exec(text)) {
      const start = m.index, end = m.index + m[0].length;
      if (taken.some(([a, b]) => start < b && a < end)) continue;
      taken.push([start, end]);
      const match = m;
      hits.push({ start: start + offset, end: end + offset, text: m[0], via: rule.via, resolve: (p, prev) => rule.resolve(match, p, prev) });
    }
  }
  return hits;
}
