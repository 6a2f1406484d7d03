// The three readings of a rated matrix, side by side: Heuer's count of inconsistent cells, PARC's
// weighted inconsistency score, and a likelihood (Bayesian) view with each row's diagnosticity.
import type { Hypothesis, RatedItem } from './matrix.ts';
import { cellLikelihood, isInconsistent, PARC_INCONSISTENCY, PARC_WEIGHT } from './scale.ts';

export interface HypothesisScore {
  id: string;
  /** Heuer: how many rows rate the hypothesis I or II. Fewer is better. */
  inconsistencies: number;
  /** PARC: Σ credibility × relevance × (I = −1, II = −2). Closer to 0 is better. */
  weighted: number;
  /** log10 of the product of P(E | H) over the rows. */
  logLikelihood: number;
  /** P(H | all the rows), from the priors (equal when none is given), rows taken as independent. */
  posterior: number;
}

export interface RowScore {
  id: string;
  /** P(E | H) per hypothesis, in the matrix's order. */
  likelihoods: number[];
  /** The largest likelihood over the smallest: 1 means the row cannot tell the hypotheses apart. */
  diagnosticity: number;
}

export interface Scores { hypotheses: HypothesisScore[]; rows: RowScore[] }

export function scoreMatrix(hypotheses: Hypothesis[], rows: RatedItem[]): Scores {
  const rowScores = rows.map((r): RowScore => {
    const likelihoods = hypotheses.map((h) => cellLikelihood(r.ratings.get(h.id), r.credibility, r.relevance));
    return { id: r.id, likelihoods, diagnosticity: Math.max(...likelihoods) / Math.min(...likelihoods) };
  });
  const priors = hypotheses.map((h) => h.prior ?? 1 / hypotheses.length);
  const logs = hypotheses.map((_, k) => rowScores.reduce((s, r) => s + Math.log10(r.likelihoods[k]), 0));
  // normalise in log space so that long matrices do not underflow
  const top = Math.max(...logs.map((l, k) => l + Math.log10(priors[k])));
  const raw = logs.map((l, k) => 10 ** (l + Math.log10(priors[k]) - top));
  const total = raw.reduce((s, x) => s + x, 0);
  const scores = hypotheses.map((h, k): HypothesisScore => ({
    id: h.id,
    inconsistencies: rows.filter((r) => isInconsistent(r.ratings.get(h.id))).length,
    weighted: rows.reduce((s, r) => s + PARC_WEIGHT[r.credibility] * PARC_WEIGHT[r.relevance] * PARC_INCONSISTENCY[r.ratings.get(h.id) ?? 'N'], 0),
    logLikelihood: logs[k],
    posterior: raw[k] / total,
  }));
  return { hypotheses: scores, rows: rowScores };
}
