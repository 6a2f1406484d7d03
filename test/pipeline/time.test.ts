// Time expressions resolved against the publication date, and left without a value when the
// document has none and the words are relative.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findTimes } from '../../src/pipeline/time/resolve.ts';
import { timeStage } from '../../src/pipeline/time.ts';
import { emptyAnalysis } from '../../src/model/types.ts';
import { tokenize } from '../../src/text/tokenize.ts';

// Friday 1 June 2018.
const PUBLISHED = '2018-06-01';

function valueOf(text: string, words: string, published: string | undefined = PUBLISHED): string | undefined {
  const t = findTimes(text, published).find((x) => x.text.toLowerCase() === words.toLowerCase());
  assert.ok(t, `no time expression "${words}" in: ${findTimes(text, published).map((x) => x.text).join(', ')}`);
  return t.value ? `${t.value.start}/${t.value.end}` : undefined;
}

const cases: [string, string, string][] = [
  ['Last Friday, the envoy left.', 'Last Friday', '2018-05-25/2018-05-25'],
  ['The officers arrived on Tuesday.', 'Tuesday', '2018-05-29/2018-05-29'],
  ['The talks ended on Friday.', 'Friday', '2018-06-01/2018-06-01'],
  ['In late August, the envoys returned home.', 'late August', '2017-08-21/2017-08-31'],
  ['In early May, the drills began.', 'early May', '2018-05-01/2018-05-10'],
  ['The ministry was criticised this week.', 'this week', '2018-05-28/2018-06-01'],
  ['A treaty signed a few years back expired.', 'a few years back', '2013-06-01/2016-06-01'],
  ['Relations have cooled since 2014.', 'since 2014', '2014-01-01/2018-06-01'],
  ['Trade fell last year.', 'last year', '2017-01-01/2017-12-31'],
  ['The border was closed last month.', 'last month', '2018-05-01/2018-05-31'],
  ['The treaty was signed in 2009.', '2009', '2009-01-01/2009-12-31'],
  ['The drills took place on March 26, 2018.', 'March 26, 2018', '2018-03-26/2018-03-26'],
  ['The minister resigned yesterday.', 'yesterday', '2018-05-31/2018-05-31'],
  ['They met on 12 March.', '12 March', '2018-03-12/2018-03-12'],
  ['The summit opened on 3 July.', '3 July', '2017-07-03/2017-07-03'],
  ['Troops moved in early 2016.', 'early 2016', '2016-01-01/2016-04-30'],
  ['Two years ago the base opened.', 'Two years ago', '2016-01-01/2016-12-31'],
  ['The envoy will come next week.', 'next week', '2018-06-04/2018-06-10'],
  ['The summit opens next month.', 'next month', '2018-07-01/2018-07-31'],
];

for (const [text, words, expected] of cases) {
  test(`time: "${words}" published ${PUBLISHED}`, () => {
    assert.equal(valueOf(text, words), expected);
  });
}

test('time: "four days later" counts from the expression before it', () => {
  const text = 'Last Friday, the envoy spoke. Only four days later, the envoy flew home.';
  assert.equal(valueOf(text, 'four days later'), '2018-05-29/2018-05-29');
});

test('time: "the next day" counts from the expression before it', () => {
  assert.equal(valueOf('The talks began on 4 May 2015 and the ministers left the next day.', 'the next day'), '2015-05-05/2015-05-05');
});

test('time: without a publication date relative words get no value, absolute dates do', () => {
  const text = 'Last Friday, the envoy left. In late August the envoys returned. The treaty of March 26, 2018 was signed in 2018. Tensions grew this week.';
  const got = new Map(findTimes(text, undefined).map((t) => [t.text, t.value]));
  assert.equal(got.get('Last Friday'), undefined);
  assert.ok(got.has('Last Friday'));
  assert.equal(got.get('late August'), undefined);
  assert.equal(got.get('this week'), undefined);
  assert.deepEqual(got.get('March 26, 2018'), { start: '2018-03-26', end: '2018-03-26' });
  assert.deepEqual(got.get('2018'), { start: '2018-01-01', end: '2018-12-31' });
});

test('time: modal "may", money and counts are not dates', () => {
  const times = findTimes('It may sound odd, but the deal cost $1,500 and 2,018 soldiers marched in step.', PUBLISHED);
  assert.deepEqual(times.map((t) => t.text), []);
});

test('time: offsets point at the words in the body', () => {
  const text = 'Officials met in Warsaw on Tuesday. Four days later they left.';
  for (const t of findTimes(text, PUBLISHED)) assert.equal(text.slice(t.start, t.end), t.text);
});

test('time: the stage fills analysis.times from the document date', () => {
  const body = 'The envoy arrived on Tuesday.';
  const a = emptyAnalysis({ id: 'd', source: 't', body, meta: { published: PUBLISHED }, dropped: [] });
  Object.assign(a, tokenize(body));
  timeStage.run(a, {} as never);
  assert.equal(a.times.length, 1);
  assert.deepEqual(a.times[0].value, { start: '2018-05-29', end: '2018-05-29' });
});

test('time: "two days later" counts from the last day named, not from a month in passing', () => {
  const text = 'Officials met on Wednesday about checkpoints closed last October. Two days later, the envoy was expelled.';
  assert.equal(valueOf(text, 'Two days later', '2024-03-15'), '2024-03-15/2024-03-15');
});
