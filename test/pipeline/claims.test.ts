import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Analysis, Claim } from '../../src/model/types.ts';
import { emptyAnalysis } from '../../src/model/types.ts';
import { tokenize } from '../../src/text/tokenize.ts';
import type { PipelineContext } from '../../src/pipeline/stage.ts';
import type { KnowledgeBase } from '../../src/kb/knowledge-base.ts';
import { quotesStage } from '../../src/pipeline/quotes.ts';
import { claimsStage } from '../../src/pipeline/claims.ts';

function analyse(body: string, mentions: { text: string; actor: string; kind: 'state' | 'person' | 'org' }[] = []): Analysis {
  const a = emptyAnalysis({ id: 'd', source: 'test', body, meta: {}, dropped: [] });
  Object.assign(a, tokenize(body));
  for (const m of mentions) {
    const at = body.indexOf(m.text);
    a.mentions.push({ start: at, end: at + m.text.length, text: m.text, actor: m.actor, kind: m.kind, via: 'test' });
  }
  const ctx = { kb: { actors: new Map(), lexicon: () => [] } as unknown as KnowledgeBase } as PipelineContext;
  quotesStage.run(a, ctx);
  claimsStage.run(a, ctx);
  return a;
}

const LTU = { text: 'Vilnius', actor: 'state:LTU', kind: 'state' as const };
const only = (a: Analysis): Claim => { assert.equal(a.claims.length, 1, JSON.stringify(a.claims)); return a.claims[0]; };

test('a hedged judgement of the author is a claim with a high hedge score', () => {
  const c = only(analyse('The troops arrived on Monday. Chances are that Vilnius would probably refuse such an offer.', [LTU]));
  assert.equal(c.holder, 'author');
  assert.deepEqual(c.about, ['state:LTU']);
  assert.ok(c.hedge > 0.5, String(c.hedge));
  assert.ok(c.cues.includes('chances are'));
  assert.match(c.text, /^Chances are/);
});

test('boosters lower the hedge score', () => {
  const hedged = only(analyse('Vilnius might perhaps reconsider its position.', [LTU]));
  const boosted = only(analyse('It is obvious that Vilnius will clearly reconsider its position.', [LTU]));
  assert.ok(boosted.hedge < hedged.hedge, `${boosted.hedge} < ${hedged.hedge}`);
  assert.ok(boosted.hedge >= 0 && hedged.hedge <= 1);
});

test('evaluative language makes a claim: should be interpreted as', () => {
  const c = only(analyse('The new base should be interpreted as a warning to its neighbours.'));
  assert.equal(c.holder, 'author');
  assert.ok(c.cues.includes('should be interpreted'));
});

test('a plain report is not a claim', () => {
  assert.deepEqual(analyse('The delegation arrived in Riga on Tuesday and met the defence minister.').claims, []);
});

test('a sentence that reports what someone said is not an author claim', () => {
  assert.deepEqual(analyse('Vilnius said that the talks might resume in the spring.', [LTU]).claims, []);
});

test('words inside a speaker’s quote are not the author’s claim', () => {
  assert.deepEqual(analyse('“This is clearly a dangerous mistake,” Oskar Lind said.').claims, []);
});

test('an actor that believes something holds the claim', () => {
  const c = only(analyse('Vilnius considers the arms race a chance to raise its profile.', [LTU]));
  assert.equal(c.holder, 'state:LTU');
});
