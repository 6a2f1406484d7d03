// The three scores against figures worked out by hand (docs/ach.md gives the formulas).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readMatrix } from '../../src/ach/matrix.ts';
import { scoreMatrix } from '../../src/ach/score.ts';

const MATRIX = (priors = '') => `matrix: hand-worked
hypotheses:
  - {id: H1, text: first${priors ? ', prior: 0.2' : ''}}
  - {id: H2, text: second${priors ? ', prior: 0.8' : ''}}
evidence:
  - {text: one, credibility: high, relevance: high, ratings: {H1: C, H2: II}}
  - {text: two, credibility: medium, relevance: low, ratings: {H1: I, H2: C}}
  - {text: three, credibility: low, relevance: low, ratings: {H1: N, H2: CC}}
`;

const close = (actual: number, expected: number, what: string) => assert.ok(Math.abs(actual - expected) < 5e-5, `${what}: ${actual}, expected ${expected}`);

test('Heuer counts inconsistent cells; PARC weighs I as -1 and II as -2 by credibility x relevance (low 1/√2, medium 1, high √2)', () => {
  const m = readMatrix(MATRIX(), 'm.yaml');
  const [h1, h2] = scoreMatrix(m.hypotheses, m.rated).hypotheses;
  assert.equal(h1.inconsistencies, 1);
  assert.equal(h2.inconsistencies, 1);
  close(h1.weighted, -0.70711, 'H1: medium (1) x low (0.70711) x I (-1)');
  close(h2.weighted, -4, 'H2: high (1.41421) x high (1.41421) x II (-2)');
});

test('the likelihood view: P(E|H) pulled towards 0.5 by the weight, posteriors, and each row\'s diagnosticity', () => {
  const m = readMatrix(MATRIX(), 'm.yaml');
  const s = scoreMatrix(m.hypotheses, m.rated);
  // row 1: weight 1, C 0.7 and II 0.1; row 2: weight 0.35355, I 0.42929 and C 0.57071; row 3: weight 0.25, N 0.5 and CC 0.6
  close(s.rows[0].likelihoods[0], 0.7, 'row 1 H1');
  close(s.rows[0].likelihoods[1], 0.1, 'row 1 H2');
  close(s.rows[1].likelihoods[0], 0.42929, 'row 2 H1');
  close(s.rows[1].likelihoods[1], 0.57071, 'row 2 H2');
  close(s.rows[2].likelihoods[1], 0.6, 'row 3 H2');
  close(s.rows[0].diagnosticity, 7, 'row 1');
  close(s.rows[1].diagnosticity, 1.32943, 'row 2');
  close(s.rows[2].diagnosticity, 1.2, 'row 3');
  // products 0.7 x 0.42929 x 0.5 = 0.150251 and 0.1 x 0.57071 x 0.6 = 0.034243, equal priors
  close(s.hypotheses[0].posterior, 0.81439, 'H1 posterior');
  close(s.hypotheses[1].posterior, 0.18561, 'H2 posterior');
  close(s.hypotheses[0].logLikelihood, Math.log10(0.150251), 'H1 log10 likelihood');
});

test('priors given in the file weigh the posterior', () => {
  const m = readMatrix(MATRIX('priors'), 'm.yaml');
  const s = scoreMatrix(m.hypotheses, m.rated);
  // 0.2 x 0.150251 = 0.030050 against 0.8 x 0.034243 = 0.027394
  close(s.hypotheses[0].posterior, 0.52312, 'H1 posterior with prior 0.2');
});

test('an empty matrix leaves the hypotheses equal, and unrated cells read as neutral', () => {
  const m = readMatrix(MATRIX(), 'm.yaml');
  const none = scoreMatrix(m.hypotheses, []);
  assert.deepEqual(none.hypotheses.map((h) => [h.inconsistencies, h.weighted, h.posterior]), [[0, 0, 0.5], [0, 0, 0.5]]);
  const half = readMatrix(`matrix: m
hypotheses: [{id: A, text: a}, {id: B, text: b}]
evidence: [{text: x, credibility: high, relevance: high, ratings: {A: I}}]
`, 'm.yaml');
  const s = scoreMatrix(half.hypotheses, half.rated);
  assert.deepEqual(s.rows[0].likelihoods.map((x) => +x.toFixed(4)), [0.3, 0.5]);
  assert.equal(s.hypotheses[1].inconsistencies, 0);
});
