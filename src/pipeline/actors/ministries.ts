// Ministries: "the Polish Ministry of National Defense", "Poland's MoD", "its Foreign Ministry",
// "the Defense Ministry of Belarus", "the ministry". Each is the org actor of one country's
// ministry of one kind: the kb's when it has one, else a new actor with a canonical name, so
// that every wording of it in every document gives the same id.
import type { Actor } from '../../model/types.ts';
import type { KnowledgeBase } from '../../kb/types.ts';
import { fold, slug } from '../../kb/normalize.ts';
import type { MinistryType } from './lexicon.ts';
import { countryOf, type ActorScope } from './scope.ts';

const CANONICAL: Record<MinistryType, string> = {
  defence: 'Ministry of Defence',
  foreign: 'Ministry of Foreign Affairs',
  interior: 'Ministry of Internal Affairs',
};

const KIND_TESTS: [MinistryType, RegExp][] = [
  ['defence', /defen[cs]e|\bmod\b|pentagon/],
  ['foreign', /foreign|state department|\bmfa\b/],
  ['interior', /interior|internal affairs|home office/],
];
const IS_MINISTRY = /ministry|department|\bmod\b|\bmfa\b|office|pentagon|secretariat/;

const indexes = new WeakMap<KnowledgeBase, Map<string, Actor>>();

/** The kb's ministries by "COUNTRY:type", built once per knowledge base. */
function ministryIndex(kb: KnowledgeBase): Map<string, Actor> {
  let index = indexes.get(kb);
  if (index) return index;
  index = new Map();
  for (const a of kb.actors.values()) {
    if (a.kind !== 'org') continue;
    const country = countryOf(a);
    if (!country) continue;
    const names = [a.name, ...a.aliases].map(fold);
    if (!names.some((n) => IS_MINISTRY.test(n))) continue;
    for (const [type, re] of KIND_TESTS) {
      if (names.some((n) => re.test(n)) && !index.has(`${country}:${type}`)) index.set(`${country}:${type}`, a);
    }
  }
  indexes.set(kb, index);
  return index;
}

/** Remembers a kb organisation that is a ministry, so that "the ministry" can point back to it. */
export function noteMinistry(scope: ActorScope, actor: Actor): void {
  if (actor.kind !== 'org') return;
  const country = countryOf(actor);
  if (!country) return;
  const index = ministryIndex(scope.kb);
  for (const type of ['defence', 'foreign', 'interior'] as const) {
    if (index.get(`${country}:${type}`)?.id === actor.id) scope.ministryIds.set(actor.id, type);
  }
}

/** The ministry of this kind of this country, from the kb or made up with a canonical name. */
export function ministryActor(scope: ActorScope, country: string, type: MinistryType): Actor {
  const known = ministryIndex(scope.kb).get(`${country}:${type}`);
  if (known) return known;
  const state = scope.kb.state(country);
  const name = `${CANONICAL[type]} of ${state?.name ?? country}`;
  const id = `new:org:${slug(name)}`;
  return scope.actors.get(id) ?? {
    id, name, kind: 'org', code: country + scope.lex.ministryCodes[type], aliases: [], country, isNew: true,
  };
}

/** Records a mention of a ministry and remembers it for "the ministry" later on. */
export function mentionMinistry(scope: ActorScope, first: number, last: number, country: string, type: MinistryType, via: string) {
  const actor = ministryActor(scope, country, type);
  const m = scope.mention(first, last, actor, { via });
  scope.ministryIds.set(actor.id, type);
  return m;
}

/** A ministry phrase at token i ("Defence Ministry", "MoD"), if any: its kind and end. */
export function ministryAt(scope: ActorScope, i: number) {
  return scope.lex.ministries.match(scope.words, i);
}

/**
 * A ministry phrase with no owner before it: "the Defense Ministry of Belarus", "its Foreign
 * Ministry", "the Defence Ministry" (the one last named, else the country last named), "the
 * ministry" (the last ministry named). Returns the index after the mention, or i when none.
 */
export function ownerlessMinistry(scope: ActorScope, i: number): number {
  const { words, tokens } = scope;
  const offset = tokens[i].start;
  if (words[i] === 'ministry' && (words[i - 1] === 'the' || words[i - 1] === 'that' || words[i - 1] === 'this')
    && !scope.lex.ministries.match(words, i)) {
    const last = scope.recent(offset, (m) => m.actor !== undefined && scope.ministryIds.has(m.actor));
    if (!last?.actor) return ministryOfMinister(scope, i);
    const actor = scope.actors.get(last.actor)!;
    scope.mention(i - 1, i, actor, { via: 'coref:ministry' });
    return i + 1;
  }
  const hit = ministryAt(scope, i);
  if (!hit) return i;
  // "of Belarus" after the phrase names the owner
  if (words[hit.end - 1] !== 'of' && words[hit.end] === 'of') {
    const owner = scope.matchStartingAt(hit.end + 1);
    const actor = owner && scope.actorOfMatch(owner);
    if (owner && actor?.kind === 'state') {
      mentionMinistry(scope, i, owner.last, countryOf(actor)!, hit.value, 'ministry:of-country');
      return owner.last + 1;
    }
  }
  const prev = words[i - 1];
  let country: string | undefined;
  let via = 'coref:ministry';
  if (prev === 'its' || prev === 'their') {
    const owner = scope.recent(offset, (m) => m.kind === 'state' && scope.mentionCountry(m) !== undefined);
    country = owner && scope.mentionCountry(owner);
    via = 'coref:its';
  } else {
    const same = scope.recent(offset, (m) => m.actor !== undefined && scope.ministryIds.get(m.actor) === hit.value);
    if (same?.actor) {
      const actor = scope.actors.get(same.actor)!;
      scope.mention(i, hit.end - 1, actor, { via });
      return hit.end;
    }
    const state = scope.recent(offset, (m) => m.kind === 'state' && scope.mentionCountry(m) !== undefined);
    country = (state && scope.mentionCountry(state)) ?? scope.focus;
  }
  if (!country) return i;
  mentionMinistry(scope, i, hit.end - 1, country, hit.value, via);
  return hit.end;
}

/** Folded role words -> the kind of ministry a minister of that title heads. */
function ministerType(role: string): MinistryType | undefined {
  const r = fold(role);
  if (!/minister|secretary/.test(r)) return undefined;
  for (const [type, re] of KIND_TESTS) if (re.test(r)) return type;
  return undefined;
}

/**
 * "the ministry" with no ministry named before: the ministry of the minister named last
 * ("Defence Minister X said ... the ministry added" -> that country's defence ministry).
 */
function ministryOfMinister(scope: ActorScope, i: number): number {
  const offset = scope.tokens[i].start;
  let type: MinistryType | undefined;
  const minister = scope.recent(offset, (m) => {
    if (m.kind !== 'person' || !m.actor) return false;
    const actor = scope.actors.get(m.actor);
    type = [m.role, ...(actor?.roles ?? []).map((r) => r.title)].map((t) => (t ? ministerType(t) : undefined)).find((t) => t);
    return type !== undefined && scope.mentionCountry(m) !== undefined;
  });
  if (!minister || !type) return i;
  mentionMinistry(scope, i - 1, i, scope.mentionCountry(minister)!, type, 'coref:ministry-of-minister');
  return i + 1;
}
