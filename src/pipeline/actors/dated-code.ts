// A kb person's code on the document's date: the role held that day decides it (Kaja Kallas is
// ESTGOV as prime minister in 2022, EU as the Union's foreign-policy chief in 2025).
import type { Actor } from '../../model/types.ts';
import { fold } from '../../kb/normalize.ts';
import type { ActorScope } from './scope.ts';

type Role = NonNullable<Actor['roles']>[number];

function heldOn(role: Role, date: string): boolean {
  return (!role.from || role.from <= date) && (!role.to || date <= role.to);
}

function roleCode(scope: ActorScope, role: Role): string | undefined {
  if (!role.org) return undefined;
  const org = scope.kb.get(role.org);
  if (!org) return undefined;
  if (org.kind !== 'state') return org.code;
  const words = fold(role.title).split(/\s+/);
  // a title that says no sector ("Secretary of Defense" read word by word) keeps the kb's code
  let sector: string | undefined;
  for (let i = 0; i < words.length; i++) {
    // "Defence Ministry Spokesman": the ministry says the sector before the title does
    const ministry = scope.lex.ministries.match(words, i);
    if (ministry) { sector = scope.lex.ministryCodes[ministry.value]; break; }
    const hit = scope.lex.titles.match(words, i);
    if (hit?.value) { sector = hit.value; break; }
  }
  return sector === undefined ? undefined : org.code.slice(0, 3) + sector;
}

/** The code of a kb person on the document's date, or its kb code when no role says otherwise. */
export function personCodeOn(scope: ActorScope, person: Actor): string {
  const date = scope.date;
  if (!date || !person.roles?.length) return person.code;
  const held = person.roles.filter((r) => heldOn(r, date));
  const role = held[held.length - 1];
  return (role && roleCode(scope, role)) ?? person.code;
}
