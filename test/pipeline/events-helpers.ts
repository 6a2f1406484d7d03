// Builds analyses by hand for the events tests: tokens from the tokenizer, mentions from a
// small name -> code table, so the events stage is tested without the actors stage.
import assert from 'node:assert/strict';
import type { Analysis, Document, Event, Mention, Quote } from '../../src/model/types.ts';
import { findEvents } from '../../src/pipeline/events.ts';
import { emptyAnalysis } from '../../src/model/types.ts';
import { tokenize } from '../../src/text/tokenize.ts';

export const NAMES: Record<string, string> = {
  'Russia': 'RUS', 'Russian': 'RUS', 'Moscow': 'RUSGOV', 'the Kremlin': 'RUSGOV', 'Russian troops': 'RUSMIL',
  'Belarus': 'BLR', 'Belarusian': 'BLR', 'Minsk': 'BLRGOV', 'the Belarusian military': 'BLRMIL', 'Belarusian MoD': 'BLRMIL',
  'Poland': 'POL', 'Polish': 'POL', 'Warsaw': 'POLGOV', 'the Polish Defence Ministry': 'POLMIL',
  'Lithuania': 'LTU', 'Lithuanian': 'LTU', 'Vilnius': 'LTUGOV', 'Latvia': 'LVA', 'Estonia': 'EST',
  'Ukraine': 'UKR', 'Ukrainian': 'UKR', 'Kyiv': 'UKRGOV', 'Ukrainian forces': 'UKRMIL',
  'the United States': 'USA', 'Washington': 'USAGOV', 'American': 'USA', 'the US': 'USA',
  'NATO': 'NATO', 'the EU': 'EU', 'the European Union': 'EU', 'the OSCE': 'OSCE', 'the UN': 'UN',
  'China': 'CHN', 'Beijing': 'CHNGOV', 'Germany': 'DEU', 'Berlin': 'DEUGOV', 'France': 'FRA', 'Paris': 'FRAGOV',
  'Turkey': 'TUR', 'Ankara': 'TURGOV', 'Riga': 'LVAGOV', 'Georgia': 'GEO', 'Armenia': 'ARM', 'Azerbaijan': 'AZE', 'Kazakhstan': 'KAZ',
  'Finland': 'FIN', 'Sweden': 'SWE', 'Norway': 'NOR', 'Moldova': 'MDA', 'Serbia': 'SRB', 'Hungary': 'HUN',
  'the West': 'WST', 'Western': 'WST', 'Iran': 'IRN', 'Tehran': 'IRNGOV', 'Israel': 'ISR', 'Syria': 'SYR',
  'the defence minister': 'UNKGOV', 'police': 'UNKCOP', 'protesters': 'UNKCVL', 'rebels': 'UNKREB',
  'President Lukashenko': 'BLRGOV', 'Lukashenko': 'BLRGOV', 'Putin': 'RUSGOV', 'the foreign minister': 'UNKGOV',
};

/** Every occurrence of every name (longest first, whole words) as a mention of a state-like actor. */
export function mentionsFor(body: string, names: Record<string, string> = NAMES): Mention[] {
  const taken: boolean[] = new Array(body.length).fill(false);
  const out: Mention[] = [];
  for (const name of Object.keys(names).sort((x, y) => y.length - x.length)) {
    const re = new RegExp(`(?<![\\p{L}])${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}])`, 'giu');
    for (const m of body.matchAll(re)) {
      const start = m.index!, end = start + name.length;
      if (taken.slice(start, end).some(Boolean)) continue;
      for (let i = start; i < end; i++) taken[i] = true;
      out.push({ start, end, text: body.slice(start, end), kind: 'state', code: names[name], actor: `test:${names[name]}`, via: 'test' });
    }
  }
  return out.sort((x, y) => x.start - y.start);
}

export function analysisFor(body: string, options: { published?: string; quotes?: Quote[]; names?: Record<string, string> } = {}): Analysis {
  const doc: Document = { id: 'doc', source: 'test', body, meta: options.published ? { published: options.published } : {}, dropped: [] };
  const a = emptyAnalysis(doc);
  const { sentences, tokens } = tokenize(body);
  a.sentences = sentences;
  a.tokens = tokens;
  a.mentions = mentionsFor(body, options.names);
  a.quotes = options.quotes ?? [];
  return a;
}

/** An expected coding in the YAML case files: target omitted = any target, unless `noTarget` is asked for. */
export interface ExpectedEvent { type: string; source: string; target?: string; modality?: string; place?: string }

export function describeEvent(e: Event): string {
  return `${e.type} ${e.source?.code} -> ${e.target?.code ?? '-'} ${e.modality} [${e.trigger.text}]`;
}

/** The events stage on one case, with places from the case's own table. */
export function codeCase(a: Analysis, places: Record<string, string> = {}): Event[] {
  const ctx = { kb: { place: (n: string) => (places[n] ? { name: n, country: places[n], kind: 'city' as const } : undefined) } };
  return findEvents(a, ctx as never);
}

/** Exactly as many events as expected, each expected one among them; `noTarget`: an omitted target must be absent. */
export function assertCoded(events: Event[], expected: ExpectedEvent[], noTarget = false): void {
  const got = events.map(describeEvent);
  assert.equal(events.length, expected.length, `expected ${expected.length} events, got: ${got.join('; ') || 'none'}`);
  for (const want of expected) {
    const hit = events.find((e) => e.type === want.type && e.source?.code === want.source
      && (want.target === undefined ? !noTarget || !e.target : e.target?.code === want.target)
      && e.modality === (want.modality ?? 'asserted')
      && (want.place === undefined || e.place?.text === want.place));
    assert.ok(hit, `missing ${JSON.stringify(want)}; got: ${got.join('; ') || 'none'}`);
  }
}
