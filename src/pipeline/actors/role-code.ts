// The code of a new person from the words around the name: the country part from a country
// word or organisation in the role (else the ministry last named, else the sentence, else the
// document's focus) and the sector from the title ("expert" -> ELI, even a military expert) or
// the organisation ("Poland's MoD" -> MIL).
import type { Mention } from '../../model/types.ts';
import { ministryActor } from './ministries.ts';
import type { PersonSpan, RoleSpan } from './people.ts';
import { countryOf, type ActorScope } from './scope.ts';

const OWN_SECTORS = new Set(['ELI', 'MED', 'LEG', 'OPP', 'JUD']);   // said by the title whatever the organisation
const STATE_SECTORS = new Set(['MIL', 'GOV', 'SPY', 'COP', 'JUD', 'LEG']);   // organs of a state (courts and parliaments too): the country follows from context

function inSpan(m: Mention, scope: ActorScope, r: RoleSpan | undefined): boolean {
  return r !== undefined && m.start >= scope.tokens[r.first].start && m.end <= scope.tokens[r.last].end;
}

/** What the kb names inside a role span: the countries, the organisations and IGOs. */
function namesIn(scope: ActorScope, r: RoleSpan | undefined) {
  const countries: string[] = [];
  const orgs: { code: string; country?: string }[] = [];
  if (!r) return { countries, orgs };
  for (let i = r.first; i <= r.last; i++) {
    const m = scope.matchStartingAt(i);
    if (!m) continue;
    const a = scope.actorOfMatch(m);
    const e = scope.entry(m);
    if (a?.kind === 'state') countries.push(countryOf(a)!);
    else if (a && (a.kind === 'org' || a.kind === 'igo')) orgs.push({ code: e?.code ?? a.code, country: countryOf(a) });
    i = m.last;
  }
  // mentions already resolved there (an apposition's "Poland's MoD")
  for (const m of scope.mentions) {
    if (!inSpan(m, scope, r) || !m.actor) continue;
    const a = scope.actors.get(m.actor);
    if (a && (a.kind === 'org' || a.kind === 'igo')) orgs.push({ code: m.code ?? a.code, country: countryOf(a) });
    else if (a?.kind === 'state') { const c = scope.mentionCountry(m); if (c) countries.push(c); }
  }
  return { countries, orgs };
}

function keywordSector(scope: ActorScope, r: RoleSpan | undefined): string | undefined {
  if (!r) return undefined;
  for (let i = r.first; i <= r.last; i++) {
    const hit = scope.lex.roleSectors.match(scope.words, i, r.last + 1);
    if (hit) return hit.value;
  }
  return undefined;
}

/**
 * The country a person's sentence points to: the only one named there; among several, the
 * document's focus if named, else the nearest one before the name, else the nearest after.
 */
function sentenceCountry(scope: ActorScope, p: PersonSpan): string | undefined {
  const sentence = scope.analysis.sentences[scope.tokens[p.first].sentence];
  const at = scope.tokens[p.first].start;
  const found: { country: string; start: number }[] = [];
  let placeCountry: string | undefined;
  for (const m of scope.mentions) {
    if (m.kind === 'person' || m.start < sentence.start || m.end > sentence.end) continue;
    if (m.kind === 'place') { placeCountry ??= scope.kb.place(m.text)?.country; continue; }
    const c = scope.mentionCountry(m);
    if (c) found.push({ country: c, start: m.start });
  }
  // states named in other people's titles ("Lebanon's new President X") count too
  for (const m of scope.matches) {
    const t = scope.tokens[m.first];
    if (t.start < sentence.start || t.end > sentence.end || scope.entry(m)?.form === 'capital') continue;
    const a = scope.actorOfMatch(m);
    const c = a?.kind === 'state' ? countryOf(a) : undefined;
    if (c && !found.some((f) => f.start === t.start)) found.push({ country: c, start: t.start });
  }
  found.sort((a, b) => a.start - b.start);
  const distinct = new Set(found.map((f) => f.country));
  if (distinct.size === 0) return placeCountry;
  if (distinct.size === 1) return found[0].country;
  if (scope.focusIsClear && scope.focus && distinct.has(scope.focus)) return scope.focus;
  const before = found.filter((f) => f.start < at).pop();
  return before?.country ?? found[0].country;
}

/** The code and role text of a new person. */
export function codePerson(scope: ActorScope, p: PersonSpan): { code: string; role?: string } {
  const roles = [p.pre, p.app].filter((r): r is RoleSpan => r !== undefined);
  const role = roles.map((r) => scope.text(r.first, r.last)).join(', ') || undefined;
  if (!roles.length) return { code: '', role };
  const heads = roles.map((r) => r.headSector);
  let sector = heads.find((h) => OWN_SECTORS.has(h));
  const found = roles.map((r) => namesIn(scope, r));
  const countries = found.flatMap((f) => f.countries);
  const orgs = found.flatMap((f) => f.orgs);
  const igo = orgs.find((o) => !o.country && !/^[A-Z]{3}(?:[A-Z]{3})+$/.test(o.code));
  let country: string | undefined = orgs.find((o) => o.country)?.country ?? countries[0];
  if (!sector) {
    const org = [...orgs].reverse().find((o) => o.country && o.code.length > 3);
    if (org) sector = org.code.slice(3, 6);
  }
  // a ministry named without its country: the one last named, else the country in context
  const ministry = roles.find((r) => r.ministry)?.ministry;
  if (ministry && (!country || !sector)) {
    const offset = scope.tokens[p.first].start;
    const same = scope.recent(offset, (m) => m.actor !== undefined && scope.ministryIds.get(m.actor) === ministry);
    const c = country ?? (same && scope.mentionCountry(same)) ?? sentenceCountry(scope, p) ?? scope.focus;
    if (c) {
      const a = ministryActor(scope, c, ministry);
      country = c;
      sector ??= a.code.slice(3);
    }
  }
  sector ??= keywordSector(scope, p.pre) ?? keywordSector(scope, p.app) ?? (heads.find((h) => h) || undefined);
  // "her adviser X", "his spokesman X": the aide of the person named last
  const owner = p.pre && scope.words[p.pre.first - 1];
  if (!country && !sector && !igo && (owner === 'his' || owner === 'her')) {
    const boss = scope.recent(scope.tokens[p.first].start, (m) => m.kind === 'person' && m.actor !== undefined);
    const code = boss && (boss.code ?? scope.actors.get(boss.actor!)?.code);
    if (code) return { code, role };
  }
  if (!country && !sector && !igo && heads.every((h) => !h) && p.pre && /spokes|press secretary/.test(scope.text(p.pre.first, p.pre.last).toLowerCase())) {
    // "Spokesman X" with no organisation in the role: the spokesperson of the institution named
    // just before (in this sentence or the one before it)
    const sentence = scope.tokens[p.first].sentence;
    const from = scope.analysis.sentences[Math.max(0, sentence - 1)].start;
    const org = scope.recent(scope.tokens[p.first].start, (m) => m.start >= from && m.actor !== undefined && (m.kind === 'org' || m.kind === 'igo'));
    if (org) return { code: org.code ?? scope.actors.get(org.actor!)?.code ?? '', role };
  }
  if (!country && igo && !sector) return { code: igo.code, role };
  if (!country && igo) return { code: igo.code, role };
  if (!country && sector && STATE_SECTORS.has(sector)) country = sentenceCountry(scope, p) ?? scope.focus;
  return { code: (country ?? '') + (sector ?? ''), role };
}
