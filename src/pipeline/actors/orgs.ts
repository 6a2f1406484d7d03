// Institutions and media the kb does not know, kept only with evidence: a name that ends in an
// institute's or outlet's head word ("... Institute for ... Studies", "... News"), or the name
// after "told" ("told Belsat"). Their code: the country of a country word in the name + ELI/MED.
import { slug } from '../../kb/normalize.ts';
import type { Actor } from '../../model/types.ts';
import { isNameWord, wordEnd } from './names.ts';
import { countryOf, type ActorScope } from './scope.ts';

const MEDIA_CUES = new Set(['told', 'tell', 'tells', 'telling']);

function newOrg(scope: ActorScope, first: number, last: number, sector: string): Actor {
  let country: string | undefined;
  for (let i = first; i <= last; i++) {
    const m = scope.matchStartingAt(i);
    const a = m && scope.actorOfMatch(m);
    if (a?.kind === 'state') { country = countryOf(a); break; }
  }
  // else a city in the name: "Vilnius University", "the Kyiv School of Economics"
  for (let i = first; i <= last && !country; i++) {
    if (!scope.isCapitalised(i)) continue;
    const places = scope.kb.places(scope.tokens[i].text);
    if (places.length && new Set(places.map((p) => p.country)).size === 1) country = places[0].country;
  }
  const name = scope.text(first, last);
  const id = `new:org:${slug(name)}`;
  return scope.actors.get(id) ?? { id, name, kind: 'org', code: (country ?? '') + sector, aliases: [], country, isNew: true };
}

const OUTLET_BEFORE = new Set(['told', 'to', 'with', 'according', 'in', 'by', 'from', 'on', 'cited', 'quoted']);
const OUTLET_AFTER = new Set(['report', 'publish', 'cite', 'quote', 'write', 'say', 'reveal', 'learn', 'claim', 'broadcast', 'air', 'run']);

/** "told the X News", "the X Times reported": words that show a name ending in "News" is an outlet. */
function outletContext(scope: ActorScope, first: number, last: number): boolean {
  let p = first - 1;
  if (scope.words[p] === 'the') p--;
  if (OUTLET_BEFORE.has(scope.words[p])) return true;
  const after = scope.tokens[last + 1];
  return after !== undefined && (OUTLET_AFTER.has(after.lemma) || scope.lex.speechVerbs.has(after.lemma));
}

/** A capitalised institution name starting at i that ends in a head word; returns the next index or i. */
export function readNewOrg(scope: ActorScope, i: number): number {
  const { tokens, words, lex } = scope;
  if (!scope.isCapitalised(i) || tokens[i].pos === 'DET') return i;
  const sentence = tokens[i].sentence;
  let j = i;
  let headAt = -1;
  let headSector = '';
  let lastCap = i;
  while (j < tokens.length && tokens[j].sentence === sentence) {
    if (scope.isCapitalised(j)) {
      const cover = scope.coveredBy[j];
      const end = cover >= 0 ? scope.matches[cover].last : wordEnd(scope, j);
      const head = lex.orgHeads.match(words, j);
      if (head && cover < 0) { headAt = head.end - 1; headSector = head.value; }
      lastCap = end;
      j = end + 1;
      continue;
    }
    if (lex.nameConnectors.has(words[j]) && j > i && (scope.isCapitalised(j + 1) || (words[j + 1] === 'the' && scope.isCapitalised(j + 2)))) {
      // connectors only inside a name that already has its head word ("Institute for the Study of War")
      if (headAt < 0) break;
      j++;
      continue;
    }
    break;
  }
  if (headAt < 0 || lastCap - i < 1) return i;
  if (headSector === 'MED' && !outletContext(scope, i, lastCap)) return i;
  const actor = newOrg(scope, i, lastCap, headSector);
  scope.mention(i, lastCap, actor, { via: `name:org-head` });
  return lastCap + 1;
}

/** "told Belsat": the capitalised name after "told" that is no person is an outlet (MED). */
export function readToldOutlet(scope: ActorScope, i: number): number {
  const { tokens, words } = scope;
  if (!MEDIA_CUES.has(words[i - 1]) || tokens[i - 1]?.sentence !== tokens[i].sentence) return i;
  let last = -1;
  let j = i;
  while (j < tokens.length && j - i < 4) {
    const end = wordEnd(scope, j);
    if (!isNameWord(scope, j, end)) break;
    last = end; j = end + 1;
  }
  if (last < 0) return i;
  const next = words[last + 1];
  if (next !== undefined && !['.', ',', ';', 'on', 'in', 'that', 'about', 'during', 'at', '’', "'", '”', '"', 'last', 'this', 'after', 'before', 'when'].includes(next)) return i;
  const actor = newOrg(scope, i, last, 'MED');
  scope.mention(i, last, actor, { via: 'name:told-outlet' });
  return last + 1;
}
