// Places the kb knows that are no capitals (Kaliningrad, Brest): a mention of kind 'place' with
// no actor, so that later stages can find where an event happened.
import { wordEnd } from './names.ts';
import type { ActorScope } from './scope.ts';
import { ambiguousPlace, choosePlace } from './ambiguity.ts';

export function readPlace(scope: ActorScope, i: number): number {
  const ends: number[] = [];
  let j = i;
  while (j < scope.tokens.length && ends.length < 3) {
    const end = wordEnd(scope, j);
    // any capitalised word the kb did not claim: place names include "West", "Gap", "Bank"
    const tok = scope.tokens[j];
    if (!scope.isCapitalised(j) || !/^\p{Lu}\p{L}*$/u.test(tok.text) || scope.coveredBy[j] >= 0 || tok.sentence !== scope.tokens[i].sentence) break;
    ends.push(end);
    j = end + 1;
  }
  // the longest run of words that the kb knows as a place
  for (let k = ends.length - 1; k >= 0; k--) {
    const text = scope.text(i, ends[k]);
    const place = scope.kb.place(text);
    if (place && place.kind !== 'country') {
      // a name shared by places in several countries: the context chooses, and says why
      const readings = ambiguousPlace(scope, text)?.filter((p) => p.kind !== 'country');
      const choice = readings && readings.length > 1 ? choosePlace(scope, i, ends[k], readings, true) : undefined;
      scope.mention(i, ends[k], undefined, { kind: 'place', via: choice ? `kb:place ${choice.place.country} (${choice.reason})` : 'kb:place' });
      return ends[k] + 1;
    }
  }
  return i;
}
