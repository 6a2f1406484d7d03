// The events stage on the invented sentences of recall.yaml (patterns and role rules added for
// recall on wire-service reporting), with hand-made mentions as in events.test.ts.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import type { Event } from '../../../src/model/types.ts';
import { findEvents } from '../../../src/pipeline/events.ts';
import { analysisFor, NAMES } from '../events-helpers.ts';

interface Expected { type: string; source: string; target?: string; modality?: string }
interface Case { text: string; names?: Record<string, string>; persons?: string[]; places?: Record<string, string>; events: Expected[] }

const cases = parse(readFileSync(new URL('./recall.yaml', import.meta.url), 'utf8')) as Case[];

function describe(e: Event): string {
  return `${e.type} ${e.source?.code} -> ${e.target?.code ?? '-'} ${e.modality} [${e.trigger.text}]`;
}

for (const c of cases) {
  test(`recall: ${c.text}`, () => {
    const a = analysisFor(c.text, { names: c.names ? { ...NAMES, ...c.names } : NAMES });
    for (const m of a.mentions) if (c.persons?.includes(m.text)) m.kind = 'person';
    const places = c.places ?? {};
    const ctx = { kb: { place: (n: string) => (places[n] ? { name: n, country: places[n], kind: 'city' as const } : undefined) } };
    const events = findEvents(a, ctx as never);
    const got = events.map(describe);
    assert.equal(events.length, c.events.length, `expected ${c.events.length} events, got: ${got.join('; ') || 'none'}`);
    for (const want of c.events) {
      const hit = events.find((e) => e.type === want.type && e.source?.code === want.source
        && (want.target === undefined ? !e.target : e.target?.code === want.target)
        && e.modality === (want.modality ?? 'asserted'));
      assert.ok(hit, `missing ${JSON.stringify(want)}; got: ${got.join('; ') || 'none'}`);
    }
  });
}
