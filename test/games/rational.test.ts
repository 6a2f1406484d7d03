import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Rational, q } from '../../src/games/rational.ts';

test('rationals stay in lowest terms with a positive denominator', () => {
  assert.equal(Rational.of(6n, -4n).toString(), '-3/2');
  assert.equal(Rational.of(0n, 7n).toString(), '0');
  assert.equal(q('2/6').toString(), '1/3');
  assert.throws(() => Rational.of(1n, 0n), /denominator 0/);
});

test('arithmetic is exact', () => {
  const third = q('1/3');
  assert.equal(third.add(third).add(third).toString(), '1');
  assert.equal(q('0.1').add(q('0.2')).toString(), '3/10');
  assert.equal(q('3/4').mul(q('-2/3')).toString(), '-1/2');
  assert.equal(q('3/4').div(q('3/8')).toString(), '2');
  assert.equal(q('1/3').sub(q('1/2')).toString(), '-1/6');
  assert.ok(q('1/3').lt(q('0.3334')));
  assert.ok(q('-1/3').lt(q('-0.3333')));
  assert.equal(q('2/4').cmp(q('1/2')), 0);
});

test('decimals, signs and exponents parse exactly; junk does not', () => {
  assert.equal(q('0.25').toString(), '1/4');
  assert.equal(q('-1.500').toString(), '-3/2');
  assert.equal(q('+4').toString(), '4');
  assert.equal(q('1e-3').toString(), '1/1000');
  assert.equal(q('2.5E2').toString(), '250');
  assert.equal(q('.5').toString(), '1/2');
  assert.throws(() => q('abc'), /not a number/);
  assert.throws(() => q('1/2/3'), /not a number/);
});

test('numbers and decimal strings', () => {
  assert.equal(Rational.fromNumber(0.375).toString(), '3/8');
  assert.equal(q('3/8').toDecimalString(), '0.375');
  assert.equal(q('-5/2').toDecimalString(), '-2.5');
  assert.equal(q('1/3').toDecimalString(), '1/3');
  assert.equal(q('7').toDecimalString(), '7');
  assert.equal(q('1/8').toNumber(), 0.125);
});
