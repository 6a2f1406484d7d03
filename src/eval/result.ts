// Turns summed counts into the eval JSON object of FORMAT.md. A ratio over a zero total is null.
import type { Counts, EvalError } from './score.ts';
import type { SystemDoc } from './findings.ts';

export interface AccuracyScore { accuracy: number | null; right: number; total: number }
export interface PRFScore { precision: number | null; recall: number | null; f1: number | null; tp: number; fp: number; fn: number }

export interface EvalResult {
  meta: AccuracyScore;
  body: AccuracyScore;
  actors: PRFScore;
  events: PRFScore & { dates: AccuracyScore; byType: Record<string, PRFScore> };
  quotes: PRFScore & { attribution: number | null };
  frames: PRFScore;
  links: AccuracyScore;
  errors: EvalError[];
  documents: SystemDoc[];
}

const round = (x: number): number => Math.round(x * 10000) / 10000;

export function ratio(part: number, total: number): number | null {
  return total === 0 ? null : round(part / total);
}

export function accuracy(c: { right: number; total: number }): AccuracyScore {
  return { accuracy: ratio(c.right, c.total), right: c.right, total: c.total };
}

export function prf(c: { tp: number; fp: number; fn: number }): PRFScore {
  const precision = ratio(c.tp, c.tp + c.fp);
  const recall = ratio(c.tp, c.tp + c.fn);
  let f1: number | null = null;
  if (precision !== null && recall !== null) {
    const p = c.tp / (c.tp + c.fp);
    const r = c.tp / (c.tp + c.fn);
    f1 = p + r === 0 ? 0 : round((2 * p * r) / (p + r));
  }
  return { precision, recall, f1, tp: c.tp, fp: c.fp, fn: c.fn };
}

export function toResult(c: Counts, errors: EvalError[], documents: SystemDoc[]): EvalResult {
  return {
    meta: accuracy(c.meta),
    body: accuracy(c.body),
    actors: prf(c.actors),
    events: {
      ...prf(c.events), dates: accuracy(c.events.dates),
      byType: Object.fromEntries(Object.keys(c.events.byType).sort().map((t) => [t, prf(c.events.byType[t])])),
    },
    quotes: { ...prf(c.quotes), attribution: ratio(c.quotes.attributed, c.quotes.tp) },
    frames: prf(c.frames),
    links: accuracy(c.links),
    errors,
    documents,
  };
}
