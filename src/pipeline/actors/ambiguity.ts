// Names with readings in several countries: Brest in Belarus or in France, Georgia the state or
// the US state. The words around the name choose, and the reason is kept in the mention's `via`
// so that an analyst can see why: a country named right after it ("Brest, France"), a place right
// before it ("Atlanta, Georgia"), a state named in its phrase ("the French port of Brest"), a
// regional word ("the Georgia governor"), else the country the document names most, else the
// usual reading (listed first in data/kb/places.yaml).
import type { Place } from '../../kb/types.ts';
import { countryOf, type ActorScope } from './scope.ts';

export interface Choice { place: Place; reason: string }

const PHRASE_STOP = new Set(['VERB', 'AUX', 'PUNCT', 'CCONJ', 'SCONJ', 'PRON']);

/** The readings of a name in distinct countries, when there are several; else undefined. */
export function ambiguousPlace(scope: ActorScope, text: string): Place[] | undefined {
  const all = scope.kb.places(text);
  if (all.length < 2) return undefined;
  return new Set(all.map((p) => p.country)).size > 1 ? all : undefined;
}

/** The state a kb match names (by name, acronym or demonym), if any. */
function stateAt(scope: ActorScope, i: number): string | undefined {
  const m = scope.matchStartingAt(i);
  const e = m && scope.entry(m);
  if (!m || !e || e.form === 'capital' || e.form === 'title' || e.form === 'sector') return undefined;
  const a = scope.kb.get(e.actor);
  return a?.kind === 'state' ? countryOf(a) : undefined;
}

/**
 * The reading the context points to. `byDocument`: whether the country the document names most
 * may decide (not for a state's own name, which a document about the US would otherwise lose).
 */
export function choosePlace(scope: ActorScope, first: number, last: number, readings: Place[], byDocument: boolean): Choice {
  const { words, tokens, lex } = scope;
  const of = (country: string | undefined) => (country ? readings.find((p) => p.country === country) : undefined);
  const sentence = tokens[first].sentence;
  // "Brest, France"
  if (words[last + 1] === ',' && tokens[last + 2]?.sentence === sentence) {
    const hit = of(stateAt(scope, last + 2));
    if (hit) return { place: hit, reason: `"${tokens[last + 2].text}" follows` };
  }
  // "Atlanta, Georgia": a known place of one reading's country right before
  if (words[first - 1] === ',') {
    const prev = scope.mentions[scope.mentions.length - 1];
    if (prev && prev.end === tokens[first - 2]?.end && prev.kind === 'place') {
      const countries = scope.kb.places(prev.text).map((p) => p.country);
      const hit = readings.find((r) => r.kind !== 'country' && countries.includes(r.country));
      if (hit) return { place: hit, reason: `after "${prev.text}"` };
    }
  }
  // "the French port of Brest", "the US state of Georgia": a state named earlier in the phrase
  for (let k = first - 1; k >= 0 && first - k <= 6 && tokens[k].sentence === sentence && !PHRASE_STOP.has(tokens[k].pos); k--) {
    const hit = of(stateAt(scope, k));
    if (hit && hit.kind !== 'country') return { place: hit, reason: `"${tokens[k].text}" in its phrase` };
  }
  // "the Georgia governor", "Georgia state lawmakers", "the governor of Georgia", "the state of Georgia"
  const region = readings.find((r) => r.kind === 'region');
  if (region) {
    const at = scope.isPossessive(last + 1) ? last + 2 : last + 1;
    const after = lex.regionalCues.match(words, at);
    if (after && words[at] !== 'state' && tokens[at].sentence === sentence) return { place: region, reason: `regional word "${words.slice(at, after.end).join(' ')}"` };
    const before = words[first - 1] === 'of' ? lex.regionalCues.matchEndingAt(words, first - 2) : undefined;
    if (before) return { place: region, reason: `regional word "${words.slice(before.start, first - 1).join(' ')}"` };
  }
  if (byDocument) {
    const ranked = readings.map((p) => ({ p, n: scope.countryCounts.get(p.country) ?? 0 })).sort((a, b) => b.n - a.n);
    if (ranked[0].n > 0 && ranked[0].n > (ranked[1]?.n ?? 0)) return { place: ranked[0].p, reason: `the document names ${ranked[0].p.country} most` };
  }
  return { place: readings[0], reason: 'the usual reading' };
}
