// The actors stage: finds the words that name or point to actors and resolves each to an actor
// of the knowledge base or a new one. One pass over the kb's name matches and the tokens:
// people first (their titles and appositions are role words, not mentions of their own), then
// everything else left to right, so that "the ministry" or "its" can look back; last, new
// people are coded from their roles and the mentions around them.
import type { Mention } from '../model/types.ts';
import type { Stage } from './stage.ts';
import { ActorScope } from './actors/scope.ts';
import { findPeople, newPerson, type PersonSpan } from './actors/people.ts';
import { codePerson } from './actors/role-code.ts';
import { readKnown } from './actors/known.ts';
import { ownerlessMinistry } from './actors/ministries.ts';
import { readNewOrg, readToldOutlet } from './actors/orgs.ts';
import { readPlace } from './actors/places.ts';
import { personCodeOn } from './actors/dated-code.ts';
import { readAcronymDefinition, readDefinedAcronym } from './actors/acronyms.ts';
import { fold } from '../kb/normalize.ts';
import { readTitleCoref } from './actors/coref.ts';
import { focusInstitution } from './actors/institutions.ts';

export const actorsStage: Stage = {
  name: 'actors',
  run(analysis, ctx) {
    if (analysis.tokens.length === 0) return;
    const scope = new ActorScope(analysis, ctx.kb);
    const people = findPeople(scope);
    const personAt = new Array<PersonSpan | undefined>(analysis.tokens.length);   // by first token
    const claimed = new Uint8Array(analysis.tokens.length);     // role words before a name
    for (const p of people) {
      personAt[p.first] = p;
      if (p.pre) claimed.fill(1, p.pre.first, p.pre.last + 1);
    }
    const surnames = new Map<string, string>();                  // folded surname -> actor id
    const acronyms = new Map<string, string>();                  // acronym defined in the text -> actor id
    const spansOf = new Map<string, { mention: Mention; span: PersonSpan }[]>();   // person id -> its named mentions
    const roleText = (p: PersonSpan) => [p.pre, p.app].filter((r) => r !== undefined).map((r) => scope.text(r.first, r.last)).join(', ') || undefined;

    const { tokens } = scope;
    let i = 0;
    while (i < tokens.length) {
      if (claimed[i]) { i++; continue; }
      const p = personAt[i];
      if (p) {
        const actor = scope.useActor(p.actor ?? newPerson(p.name, scope.kb));
        if (actor.isNew && p.name !== actor.name && !actor.aliases.includes(p.name)) actor.aliases.push(p.name);
        // no role key rather than a deleted one: deleting makes the object slow for every later reader
        const role = roleText(p);
        const mention = scope.mention(p.first, p.last, actor, role ? { via: p.via, role } : { via: p.via });
        spansOf.set(actor.id, [...(spansOf.get(actor.id) ?? []), { mention, span: p }]);
        const surname = fold(scope.tokens[p.last].text);
        if (p.last > p.first || p.actor) surnames.set(surname, actor.id);
        i = p.last + 1;
        continue;
      }
      let next = acronyms.size ? readDefinedAcronym(scope, i, acronyms) : i;
      if (next === i) next = readNewOrg(scope, i);
      if (next === i) {
        const m = scope.matchStartingAt(i);
        if (m) next = readKnown(scope, m);
      }
      if (next === i) next = ownerlessMinistry(scope, i);
      if (next === i) next = readTitleCoref(scope, i);
      if (next === i) next = focusInstitution(scope, i);
      if (next === i && scope.coveredBy[i] < 0) next = readToldOutlet(scope, i);
      if (next === i && scope.coveredBy[i] < 0 && scope.isCapitalised(i)) {
        const id = surnames.get(scope.words[i]);
        if (id && !scope.isCapitalised(i + 1)) {
          scope.mention(i, i, scope.actors.get(id), { via: 'coref:surname' });
          next = i + 1;
        } else {
          next = readPlace(scope, i);
        }
      }
      i = next > i ? readAcronymDefinition(scope, next, acronyms) : i + 1;
    }

    // new people: code them from their roles (the first mention that has one), now that the
    // mentions around them are known
    for (const [id, spans] of spansOf) {
      const actor = scope.actors.get(id)!;
      if (!actor.isNew) continue;
      const { span } = spans.find((x) => x.span.pre || x.span.app) ?? spans[0];
      actor.code = codePerson(scope, span).code;
      if (/^[A-Z]{3}/.test(actor.code) && scope.kb.state(actor.code.slice(0, 3))) actor.country = actor.code.slice(0, 3);
      const titles = [...new Set(spans.map((x) => x.mention.role).filter((r): r is string => r !== undefined))];
      if (titles.length) actor.roles = titles.map((title) => ({ title }));
    }
    for (const actor of scope.actors.values()) {
      if (actor.kind === 'person' && !actor.isNew) actor.code = personCodeOn(scope, actor);
    }
    for (const m of scope.mentions) {
      if (m.kind === 'person' && m.actor) m.code = scope.actors.get(m.actor)?.code || undefined;
    }
    analysis.mentions = scope.mentions.sort((a, b) => a.start - b.start || b.end - a.end);
    analysis.actors = [...scope.actors.values()];
  },
};
