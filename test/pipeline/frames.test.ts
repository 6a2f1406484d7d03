import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Analysis, Frame } from '../../src/model/types.ts';
import { emptyAnalysis } from '../../src/model/types.ts';
import { tokenize } from '../../src/text/tokenize.ts';
import type { PipelineContext } from '../../src/pipeline/stage.ts';
import type { KnowledgeBase } from '../../src/kb/knowledge-base.ts';
import { quotesStage } from '../../src/pipeline/quotes.ts';
import { framesStage } from '../../src/pipeline/frames.ts';

function analyse(body: string): Analysis {
  const a = emptyAnalysis({ id: 'd', source: 'test', body, meta: {}, dropped: [] });
  Object.assign(a, tokenize(body));
  const ctx = { kb: { actors: new Map(), lexicon: () => [] } as unknown as KnowledgeBase } as PipelineContext;
  quotesStage.run(a, ctx);
  framesStage.run(a, ctx);
  return a;
}

const scare = (a: Analysis) => a.frames.filter((f) => f.kind === 'scare-quote').map((f) => f.text);
const of = (a: Analysis, kind: string): Frame[] => a.frames.filter((f) => f.kind === kind);

test('scare quotes in curly marks lose the punctuation inside the marks', () => {
  const body = 'Vilnius wants to “balance,” not to “submit”. It speaks of “strategic patience.”';
  const a = analyse(body);
  assert.deepEqual(scare(a), ['balance', 'submit', 'strategic patience']);
  for (const f of of(a, 'scare-quote')) assert.equal(body.slice(f.start, f.end), f.text);
  assert.deepEqual(a.quotes, []);
});

test('single quotes are scare quotes; apostrophes are not', () => {
  const a = analyse('Poland\'s leader praised the ‘historic’ deal, but he’s wary of the \'peace plan\' and of Belarus\' army.');
  assert.deepEqual(scare(a), ['historic', 'peace plan']);
});

test('a short phrase with a verb stays a scare quote when nobody said it', () => {
  const a = analyse('The small state is less prone to “do as it’s told” these days.');
  assert.deepEqual(scare(a), ['do as it’s told']);
  assert.deepEqual(a.quotes, []);
});

test('longer verbless phrases in marks are terms too', () => {
  const a = analyse('He warned against the so-called “new European security architecture of the east” again.');
  assert.deepEqual(scare(a), ['new European security architecture of the east']);
});

test('a short quote given to a speaker is not a scare quote', () => {
  const a = analyse('“No comment,” the spokesman said.');
  assert.deepEqual(scare(a), []);
  assert.equal(a.quotes.length, 1);
});

test('a quoted term inside a speaker’s quote is a scare quote, the quote stays', () => {
  const a = analyse('“They call this a ‘defensive’ posture, but it is nothing of the kind,” Oskar Lind said.');
  assert.deepEqual(scare(a), ['defensive']);
  assert.equal(a.quotes.length, 1);
});

test('repeated scare quotes are each reported where they stand', () => {
  const a = analyse('Its “pivot” is slow. The “pivot” may yet stall.');
  const found = of(a, 'scare-quote');
  assert.deepEqual(found.map((f) => f.text), ['pivot', 'pivot']);
  assert.notEqual(found[0].start, found[1].start);
});

test('loaded words carry their category', () => {
  const a = analyse('The regime answered with hysteria and called the drills a provocation.');
  const loaded = of(a, 'loaded').map((f) => [f.text, f.category]);
  assert.deepEqual(loaded, [['regime', 'name-calling'], ['hysteria', 'derogatory'], ['provocation', 'fear']]);
});

test('loaded phrases match as one frame', () => {
  const a = analyse('Moscow treats Minsk as a junior partner in every deal.');
  assert.deepEqual(of(a, 'loaded').map((f) => f.text), ['junior partner']);
});

test('hedges and intensifiers', () => {
  const a = analyse('The talks will probably fail, and it seems the army might move. It is clearly a highly risky bet.');
  assert.deepEqual(of(a, 'hedge').map((f) => f.text), ['probably', 'it seems', 'might']);
  assert.deepEqual(of(a, 'intensifier').map((f) => f.text), ['clearly', 'highly']);
});

test('the month May is not a hedge', () => {
  const a = analyse('The exercise began in May and ended in June.');
  assert.deepEqual(of(a, 'hedge'), []);
});

test('quoted speech inside speech is not a scare quote', () => {
  const a = analyse('“He told me ‘we are ready to talk’ and then left the room,” Oskar Lind said.');
  assert.deepEqual(scare(a), []);
});

test('a longer quoted fragment that nobody said is a scare quote, not a quote', () => {
  const a = analyse('Western capitals seem “ready to fight to the last Ukrainian soldier” in this telling.');
  assert.deepEqual(scare(a), ['ready to fight to the last Ukrainian soldier']);
  assert.deepEqual(a.quotes, []);
});

test('loaded words, hedges and intensifiers a speaker said are not the writer’s frames', () => {
  const a = analyse('“This is pure aggression and it may well clearly end in disaster,” said the ambassador. The regime answered.');
  assert.equal(a.quotes.length, 1);
  assert.deepEqual(a.frames.map((f) => f.text), ['regime']);
  const b = analyse('The ambassador said that the drills were an aggression. Critics call the plan a disaster.');
  assert.deepEqual(of(b, 'loaded').map((f) => f.text), ['disaster']);
});

test('minimisation and flag-waving are categories of loaded words too', () => {
  const a = analyse('The sanctions are little more than a cosmetic gesture, while the patriotic press praises the heroic crews.');
  assert.deepEqual(of(a, 'loaded').map((f) => [f.text, f.category]), [
    ['little more than', 'minimisation'], ['cosmetic', 'minimisation'], ['patriotic', 'flag-waving'], ['heroic', 'flag-waving'],
  ]);
});

test('hedges and boosters of several words: is believed to, make no mistake', () => {
  const a = analyse('Make no mistake, the battalion is believed to be moving north.');
  assert.deepEqual(of(a, 'intensifier').map((f) => f.text), ['Make no mistake']);
  assert.deepEqual(of(a, 'hedge').map((f) => f.text), ['is believed to']);
});
