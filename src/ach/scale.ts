// The rating scale and the weights of an ACH matrix, and how each scoring method reads them.
// PARC's ACH 2.0 (the Xerox/Pherson implementation) fixes the ratings and the weights used by its
// weighted inconsistency score; the likelihoods of the Bayesian view are sitrep's own mapping,
// stated in docs/ach.md.

/** Very consistent, consistent, neutral, inconsistent, very inconsistent, not applicable. */
export type Rating = 'CC' | 'C' | 'N' | 'I' | 'II' | 'NA';
export const RATINGS: readonly Rating[] = ['CC', 'C', 'N', 'I', 'II', 'NA'];

export type Weight = 'high' | 'medium' | 'low';
export const WEIGHTS: readonly Weight[] = ['high', 'medium', 'low'];

/** PARC: credibility and relevance multiply the score; low 1/√2, medium 1, high √2. */
export const PARC_WEIGHT: Record<Weight, number> = { low: Math.SQRT1_2, medium: 1, high: Math.SQRT2 };

/** PARC: only inconsistency counts; II counts twice. */
export const PARC_INCONSISTENCY: Record<Rating, number> = { CC: 0, C: 0, N: 0, NA: 0, I: -1, II: -2 };

/** Heuer: a cell counts when it is inconsistent at all. */
export const isInconsistent = (r: Rating | undefined): boolean => r === 'I' || r === 'II';

/**
 * The Bayesian view: how likely the evidence would be if the hypothesis were true, P(E | H), for a
 * fully credible, fully relevant item. Neutral and not applicable carry no information (0.5).
 */
export const LIKELIHOOD: Record<Rating, number> = { CC: 0.9, C: 0.7, N: 0.5, NA: 0.5, I: 0.3, II: 0.1 };

/**
 * How far an item's likelihoods move from 0.5: PARC's credibility × relevance weight scaled so that
 * high × high is 1 (so medium × medium is 1/2, low × low is 1/4). A weak item is mostly noise.
 */
export function bayesWeight(credibility: Weight, relevance: Weight): number {
  return (PARC_WEIGHT[credibility] * PARC_WEIGHT[relevance]) / 2;
}

/** P(E | H) of one cell: the rating's likelihood pulled towards 0.5 by the item's weight. */
export function cellLikelihood(rating: Rating | undefined, credibility: Weight, relevance: Weight): number {
  return 0.5 + bayesWeight(credibility, relevance) * (LIKELIHOOD[rating ?? 'N'] - 0.5);
}
