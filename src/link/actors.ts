// Same actor across documents: actors found in text (ids 'new:...') that name an entity another
// actor already stands for, by folded name or by a transliteration/name variant.
import type { Actor } from '../model/types.ts';
import { foldName, personKey } from './names.ts';
import { push } from './multimap.ts';

interface Candidate { actor: Actor; count: number }

function sameGiven(a: string[], b: string[]): boolean {
  if (a.length === 0 || b.length === 0) return true;            // "Makarau" vs "Uladzimir Makarau"
  const [x, y] = [a[0], b[0]];
  return x === y || (x.length === 1 && y.startsWith(x)) || (y.length === 1 && x.startsWith(y));
}

const sameCountry = (a: Actor, b: Actor) => !a.country || !b.country || a.country === b.country;

/** The better of two actors to stand for both: a knowledge-base actor, else the fuller name, else the more mentioned. */
function better(a: Candidate, b: Candidate): Candidate {
  if (!a.actor.isNew !== !b.actor.isNew) return a.actor.isNew ? b : a;
  const na = a.actor.name.split(/\s+/).length, nb = b.actor.name.split(/\s+/).length;
  if (na !== nb) return na > nb ? a : b;
  if (a.count !== b.count) return a.count > b.count ? a : b;
  return a.actor.id < b.actor.id ? a : b;
}

/** Actor id -> the id it merges into, for new actors that are the same as another actor. */
export function sameActors(actors: Map<string, Candidate>): Record<string, string> {
  const parent = new Map<string, string>();
  const find = (id: string): string => {
    let r = id;
    while (parent.has(r)) r = parent.get(r)!;
    return r;
  };
  const union = (a: Candidate, b: Candidate) => {
    const [ra, rb] = [find(a.actor.id), find(b.actor.id)];
    if (ra === rb) return;
    const keep = better(actors.get(ra)!, actors.get(rb)!);
    const drop = keep.actor.id === ra ? rb : ra;
    parent.set(drop, keep.actor.id);
  };

  // 1. the same folded name or alias, same kind
  const byName = new Map<string, Candidate[]>();
  for (const c of actors.values()) {
    for (const n of new Set([c.actor.name, ...(c.actor.aliases ?? [])].map(foldName))) {
      if (!n) continue;
      const key = `${c.actor.kind}|${n}`;
      push(byName, key, c);
    }
  }
  for (const list of byName.values()) {
    if (!list.some((c) => c.actor.isNew)) continue;            // knowledge-base actors already share ids
    const kb = list.filter((c) => !c.actor.isNew);
    if (kb.length > 1) continue;                               // ambiguous between two known actors
    for (let i = 0; i < list.length; i++) {
      for (let j = i + 1; j < list.length; j++) if (sameCountry(list[i].actor, list[j].actor)) union(list[i], list[j]);
    }
  }

  // 2. persons: the same surname skeleton and a compatible given name
  const bySurname = new Map<string, { c: Candidate; given: string[] }[]>();
  for (const c of actors.values()) {
    if (c.actor.kind !== 'person') continue;
    for (const n of new Set([c.actor.name, ...(c.actor.aliases ?? [])])) {
      const { given, surname } = personKey(n);
      if (surname.length < 2) continue;
      push(bySurname, surname, { c, given });
    }
  }
  for (const list of bySurname.values()) {
    const full = list.filter((x) => x.given.length > 0);
    for (let i = 0; i < list.length; i++) {
      for (let j = i + 1; j < list.length; j++) {
        const [x, y] = [list[i], list[j]];
        if (x.c === y.c || (!x.c.actor.isNew && !y.c.actor.isNew)) continue;
        if (!sameCountry(x.c.actor, y.c.actor)) continue;
        if (!sameGiven(x.given, y.given)) continue;
        // a bare surname joins a full name only when one person of that surname is known
        if ((x.given.length === 0 || y.given.length === 0) && new Set(full.map((f) => find(f.c.actor.id))).size > 1) continue;
        union(x.c, y.c);
      }
    }
  }

  const out: Record<string, string> = {};
  for (const id of actors.keys()) {
    const root = find(id);
    if (root !== id) out[id] = root;
  }
  return out;
}
