// The events stage on the invented sentences of recall.yaml (patterns and role rules added for
// recall on wire-service reporting), with hand-made mentions as in events.test.ts.
import { test } from 'node:test';
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { analysisFor, assertCoded, codeCase, NAMES, type ExpectedEvent } from '../events-helpers.ts';
import { timeStage } from '../../../src/pipeline/time.ts';

interface Case { text: string; names?: Record<string, string>; persons?: string[]; places?: Record<string, string>; events: ExpectedEvent[] }

const cases = parse(readFileSync(new URL('./recall.yaml', import.meta.url), 'utf8')) as Case[];

for (const c of cases) {
  test(`recall: ${c.text}`, () => {
    const a = analysisFor(c.text, { names: c.names ? { ...NAMES, ...c.names } : NAMES });
    for (const m of a.mentions) if (c.persons?.includes(m.text)) m.kind = 'person';
    timeStage.run(a, {} as never);     // time spans: patterns may skip them
    assertCoded(codeCase(a, c.places), c.events, true);
  });
}
