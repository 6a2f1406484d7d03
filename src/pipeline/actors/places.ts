// Places the kb knows that are no capitals (Kaliningrad, Brest): a mention of kind 'place' with
// no actor, so that later stages can find where an event happened.
import { wordEnd } from './names.ts';
import type { ActorScope } from './scope.ts';

export function readPlace(scope: ActorScope, i: number): number {
  const ends: number[] = [];
  let j = i;
  while (j < scope.tokens.length && ends.length < 3) {
    const end = wordEnd(scope, j);
    // any capitalised word the kb did not claim: place names include "West", "Gap", "Bank"
    const tok = scope.tokens[j];
    if (!/^\p{Lu}\p{L}*$/u.test(tok.text) || scope.coveredBy[j] >= 0 || tok.sentence !== scope.tokens[i].sentence) break;
    ends.push(end);
    j = end + 1;
  }
  // the longest run of words that the kb knows as a place
  for (let k = ends.length - 1; k >= 0; k--) {
    const place = scope.kb.place(scope.text(i, ends[k]));
    if (place && place.kind !== 'country') {
      scope.mention(i, ends[k], undefined, { kind: 'place', via: 'kb:place' });
      return ends[k] + 1;
    }
  }
  return i;
}
