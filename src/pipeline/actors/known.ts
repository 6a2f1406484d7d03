// Names the knowledge base knows, read in context: a state with the words that follow it
// ("Poland's top brass" -> POLMIL, "the Belarusian leader" -> the office holder, "Polish MoD" ->
// the ministry), coordinated states ("Russian-Belarusian", "Belarus' and Poland's"), capitals
// that stand for a government ("Minsk said") or for a place ("talks in Warsaw").
import type { Actor } from '../../model/types.ts';
import type { KbName, NameMatch, Office } from '../../kb/types.ts';
import type { MinistryType } from './lexicon.ts';
import { mentionMinistry, ministryAt, noteMinistry } from './ministries.ts';
import { countryOf, type ActorScope } from './scope.ts';
import { ambiguousPlace, choosePlace } from './ambiguity.ts';

type Head =
  | { kind: 'ministry'; type: MinistryType; end: number }
  | { kind: 'office'; office: Office; end: number }
  | { kind: 'sector'; code: string; end: number };

const COORDINATORS = new Set(['and', ',', '-', '/', '&']);
const RUN_POS = new Set(['ADJ', 'NOUN', 'PROPN']);

/** The sector, office or ministry that the words from `pos` give to the country before them. */
export function headAfter(scope: ActorScope, pos: number): Head | undefined {
  const { words, tokens, lex } = scope;
  if (pos >= tokens.length || tokens[pos].sentence !== tokens[pos - 1]?.sentence) return undefined;
  const ministry = ministryAt(scope, pos);
  if (ministry) return { kind: 'ministry', type: ministry.value, end: ministry.end };
  const office = lex.offices.match(words, pos);
  if (office && !(scope.isCapitalised(office.end) && tokens[office.end].pos === 'PROPN' && !scope.matchStartingAt(office.end))) {
    return { kind: 'office', office: office.value, end: office.end };
  }
  // the run of modifiers and nouns that ends in the head noun: "top brass", "military officials"
  let end = pos;
  while (end < tokens.length && end - pos < 4 && RUN_POS.has(tokens[end].pos) && !scope.matchStartingAt(end)
    && (!scope.isCapitalised(end) || lex.roleWords.has(words[end]))
    && tokens[end].sentence === tokens[pos].sentence) end++;
  if (end === pos) return undefined;
  const head = end - 1;
  const hit = lex.sectors.matchEndingAt(words, head, pos);
  const code = hit?.value ?? scope.kb.sectorCode?.(words[head]);
  if (code) return { kind: 'sector', code, end };
  return undefined;
}

/** Whether a capital at [first, last] names a place here rather than its government. */
export function isPlaceUse(scope: ActorScope, first: number, last: number): boolean {
  const { words, tokens, lex } = scope;
  const next = words[last + 1];
  if (scope.isPossessive(last + 1)) return false;                              // "Minsk's progress"
  if (next === '-' && !tokens[last].space) {
    return words[last + 2] === 'based' || words[last + 2] === 'born';          // "Moscow-based" but "Moscow-led"
  }
  if (tokens[first].text.length > 3 && tokens[first].text === tokens[first].text.toUpperCase()) return true; // dateline
  if (next === '(') return true;
  let p = first - 1;
  if (words[p] === 'the') p--;
  const prev = words[p];
  if (prev === '-' && !tokens[p].space) return false;                          // "Moscow-Washington tension"
  if (prev !== undefined && (lex.placePrepositions.has(prev) || lex.placeNouns.has(prev))) return true;
  if (prev === 'to' || prev === 'from') {
    const before = tokens[p - 1];
    return before !== undefined && (lex.motionWords.has(words[p - 1]) || lex.motionWords.has(before.lemma));
  }
  // a modifier of a noun: "the Minsk agreements", "a Warsaw summit"
  const t = tokens[last + 1];
  if (t && t.pos === 'NOUN' && !scope.isCapitalised(last + 1)) return true;
  if (next === ',' && scope.matchStartingAt(last + 2) && scope.actorOfMatch(scope.matchStartingAt(last + 2)!)?.kind === 'state') return true;
  return false;
}

/** A title resolved to a person: by the document's date, or, with no date, to the holder whose term is open (said in `via`). */
function officeVia(scope: ActorScope, via: string): string {
  return scope.date ? via : `${via}+undated`;
}

interface Owner { m: NameMatch; actor: Actor; entry: KbName; country: string }

function asOwner(scope: ActorScope, m: NameMatch | undefined): Owner | undefined {
  if (!m) return undefined;
  const entry = scope.entry(m);
  const actor = entry && scope.kb.get(entry.actor);
  if (!entry || !actor || actor.kind !== 'state' || entry.form === 'capital' || entry.form === 'title' || entry.form === 'sector') return undefined;
  const country = countryOf(actor);
  return country ? { m, actor, entry, country } : undefined;
}

/** Reads the kb match that starts at token i; returns the index of the first token after what it used. */
export function readKnown(scope: ActorScope, m: NameMatch): number {
  let entry = scope.entry(m);
  const actor = entry && scope.kb.get(entry.actor);
  if (!entry || !actor) return m.last + 1;
  const via = `kb:${entry.form}`;
  // an office the kb coded as a sector ("BLRhead_of_state") is still an office
  const officeName = /^[A-Z]{3}([a-z_]+)$/.exec(entry.code ?? '')?.[1] as Office | undefined;
  if (officeName && !entry.office) entry = { ...entry, office: officeName, code: undefined };
  if (entry.form === 'capital') {
    // "the Khartoum government", "Moscow's military": the capital's state with that sector
    const at = scope.isPossessive(m.last + 1) ? m.last + 2 : m.last + 1;
    const head = headAfter(scope, at);
    const country = countryOf(actor);
    if (head?.kind === 'sector' && country) {
      scope.mention(m.first, head.end - 1, actor, { code: country + head.code, via: `${via}+sector` });
      return head.end;
    }
    if (isPlaceUse(scope, m.first, m.last)) {
      scope.mention(m.first, m.last, undefined, { kind: 'place', via: 'kb:capital-as-place' });
    } else {
      scope.mention(m.first, m.last, actor, { code: entry.code ?? `${countryOf(actor) ?? actor.code}GOV`, via });
    }
    return m.last + 1;
  }
  if (entry.office) {
    const country = countryOf(actor);
    const holder = country ? scope.kb.officeHolder(country, entry.office, scope.date) : undefined;
    if (holder) scope.mention(m.first, m.last, holder, { role: m.text, via: officeVia(scope, 'kb:office') });
    else scope.mention(m.first, m.last, actor, { code: country ? country + (entry.office === 'defence_minister' ? 'MIL' : 'GOV') : actor.code, role: m.text, via });
    return m.last + 1;
  }
  // a state's name that also names a region elsewhere (Georgia, the US state): the context decides
  let stateNote: string | undefined;
  if (actor.kind === 'state' && entry.form === 'name') {
    const readings = ambiguousPlace(scope, m.text);
    if (readings?.some((p) => p.kind !== 'country')) {
      const choice = choosePlace(scope, m.first, m.last, readings, false);
      if (choice.place.kind !== 'country') {
        scope.mention(m.first, m.last, undefined, { kind: 'place', via: `kb:place ${choice.place.country} (${choice.reason})` });
        return m.last + 1;
      }
      stateNote = ` (the state, not the ${readings.filter((p) => p.kind !== 'country').map((p) => `${p.country} ${p.kind}`).join(' or ')}: ${choice.reason})`;
    }
  }
  const end = readOwners(scope, m, actor, entry, via);
  if (stateNote) {
    const start = scope.tokens[m.first].start;
    for (let k = scope.mentions.length - 1; k >= 0; k--) {
      const x = scope.mentions[k];
      if (x.start === start && x.actor === actor.id) { x.via += stateNote; break; }
    }
  }
  return end;
}

function readOwners(scope: ActorScope, m: NameMatch, actor: Actor, entry: KbName, via: string): number {
  const first = asOwner(scope, m);
  if (!first) {
    scope.mention(m.first, m.last, actor, { code: entry.code ?? actor.code, via });
    noteMinistry(scope, actor);
    return m.last + 1;
  }
  // a state, alone or coordinated with others, then perhaps a head that says which part of it
  const owners: Owner[] = [first];
  let pos = m.last + 1;
  let sharedSector: string | undefined;
  let sharedEnd = -1;
  for (;;) {
    if (scope.isPossessive(pos)) pos++;
    const w = scope.words[pos];
    if (!COORDINATORS.has(w) || (w === '-' && (scope.tokens[pos - 1].space || scope.tokens[pos].space))) break;
    const nextMatch = scope.matchStartingAt(pos + 1);
    const o = asOwner(scope, nextMatch);
    if (!o) {
      // "Belarus' and Poland's top brass": the kb read the last one with its sector already
      const e = nextMatch && scope.entry(nextMatch);
      if (e && (e.form === 'sector' || e.form === 'demonym') && e.code && e.code.length > 3 && scope.kb.get(e.actor)?.kind === 'state') {
        sharedSector = e.code.slice(3);
        sharedEnd = pos + 1;
      }
      break;
    }
    owners.push(o);
    pos = o.m.last + 1;
  }
  const head: Head | undefined = sharedSector ? { kind: 'sector', code: sharedSector, end: sharedEnd } : headAfter(scope, pos);
  owners.forEach((o, k) => {
    const lastOwner = k === owners.length - 1;
    const end = head && lastOwner && !sharedSector ? head.end - 1 : o.m.last;
    const ownVia = `kb:${o.entry.form}`;
    if (head?.kind === 'ministry') {
      mentionMinistry(scope, o.m.first, end, o.country, head.type, `${ownVia}+ministry`);
    } else if (head?.kind === 'office' && owners.length === 1) {
      const holder = scope.kb.officeHolder(o.country, head.office, scope.date);
      const role = scope.text(o.m.first, end);
      if (holder) scope.mention(o.m.first, end, holder, { role, via: officeVia(scope, `${ownVia}+office`) });
      else scope.mention(o.m.first, end, o.actor, { code: o.country + (head.office === 'defence_minister' ? 'MIL' : 'GOV'), role, via: `${ownVia}+office` });
    } else if (head?.kind === 'office') {
      scope.mention(o.m.first, end, o.actor, { code: o.country + (head.office === 'defence_minister' ? 'MIL' : 'GOV'), via: `${ownVia}+office` });
    } else if (head?.kind === 'sector') {
      scope.mention(o.m.first, end, o.actor, { code: o.country + head.code, via: `${ownVia}+sector` });
    } else {
      scope.mention(o.m.first, o.m.last, o.actor, { code: o.entry.code ?? o.actor.code, via: ownVia });
    }
  });
  if (sharedSector) return sharedEnd;
  return head ? head.end : owners[owners.length - 1].m.last + 1;
}
