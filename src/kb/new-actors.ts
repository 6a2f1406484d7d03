// The actors the pipeline found that the knowledge base does not know (`sitrep actors --new`):
// gathered over the stored documents, one entry per real entity (the cross-document links merge
// spellings), with what a reviewer needs to judge each, and written as a knowledge file that
// promotes them (`--yaml`, then `--kb FILE` or the config's kb list).
import { stringify } from 'yaml';
import type { Actor, ActorKind, Analysis, CorpusLinks } from '../model/types.ts';

export interface NewActor {
  id: string;
  name: string;
  kind: ActorKind;
  code: string;
  country?: string;
  roles: string[];               // titles and appositions found with the name
  spellings: string[];           // other ids (spellings) merged into this one
  variants: string[];            // other written forms of the name
  documents: number;
  mentions: number;
  example?: { doc: string; sentence: string };
}

/** The new actors of the stored analyses, most documents first. */
export async function gatherNewActors(analyses: AsyncIterable<Analysis> | Iterable<Analysis>, links?: CorpusLinks): Promise<NewActor[]> {
  const same = links?.sameActor ?? {};
  const byId = new Map<string, NewActor & { docs: Set<string> }>();
  for await (const a of analyses) {
    for (const actor of a.actors) {
      if (!actor.isNew && !actor.id.startsWith('new:')) continue;
      const target = same[actor.id] ?? actor.id;
      if (!target.startsWith('new:')) continue;            // linked to a known actor: nothing to review
      let entry = byId.get(target);
      if (!entry) {
        entry = { id: target, name: actor.name, kind: actor.kind, code: actor.code, roles: [], spellings: [], variants: [], documents: 0, mentions: 0, docs: new Set() };
        byId.set(target, entry);
      }
      merge(entry, actor);
      entry.docs.add(a.doc.id);
      const own = a.mentions.filter((m) => m.actor === actor.id);
      entry.mentions += own.length;
      for (const m of own) {
        if (m.role && !entry.roles.includes(m.role)) entry.roles.push(m.role);
        // the spellings written in the documents (a stored actor keeps one name per id)
        if (actor.kind === 'person' && m.text !== entry.name && /\s/.test(m.text) && !entry.variants.includes(m.text)) entry.variants.push(m.text);
      }
      if (!entry.example && own.length) {
        const s = a.sentences.find((x) => x.start <= own[0].start && own[0].end <= x.end);
        if (s) entry.example = { doc: a.doc.id, sentence: a.doc.body.slice(s.start, s.end).replace(/\s+/g, ' ').trim() };
      }
    }
  }
  return [...byId.values()]
    .map(({ docs, ...e }) => ({ ...e, documents: docs.size }))
    .sort((x, y) => y.documents - x.documents || y.mentions - x.mentions || (x.name < y.name ? -1 : 1));
}

function merge(entry: NewActor, actor: Actor): void {
  if (actor.id !== entry.id && !entry.spellings.includes(actor.id)) entry.spellings.push(actor.id);
  for (const n of [actor.name, ...actor.aliases]) if (n !== entry.name && !entry.variants.includes(n)) entry.variants.push(n);
  // the most specific code seen wins: "BLRELI" over "ELI" over ""
  if (actor.code.length > entry.code.length) entry.code = actor.code;
  entry.country ??= actor.country;
  for (const r of actor.roles ?? []) if (!entry.roles.includes(r.title)) entry.roles.push(r.title);
}

/** A knowledge file that adds these actors; a reviewer edits it, then passes it with --kb. */
export function newActorsYaml(list: NewActor[]): string {
  const people = list.filter((a) => a.kind === 'person').map((a) => ({
    name: a.name,
    ...(a.variants.length ? { variants: a.variants } : {}),
    ...(a.country ? { country: a.country } : {}),
    ...(a.code ? { code: a.code } : {}),
    ...(a.roles.length ? { roles: a.roles.slice(0, 3).map((title) => ({ title })) } : {}),
  }));
  const orgs = list.filter((a) => a.kind === 'org' || a.kind === 'igo').map((a) => ({
    name: a.name,
    ...(a.country ? { country: a.country } : {}),
    code: a.code || 'ELI',
  }));
  const head = [
    '# New actors found by sitrep, to review before use: correct names, codes and roles, add',
    '# variants (other spellings), dated roles ({title, from: YYYY-MM-DD, to: YYYY-MM-DD}) and',
    '# delete what is no actor. Then: sitrep analyze ... --kb THIS_FILE (or list it under kb: in',
    '# sitrep.config.yaml). Formats: data/kb/README.md; `sitrep kb check THIS_FILE` validates it.',
  ].join('\n');
  const body: Record<string, unknown> = {};
  if (people.length) body.people = people;
  if (orgs.length) body.orgs = orgs;
  return `${head}\n${people.length || orgs.length ? stringify(body, { flowCollectionPadding: false, lineWidth: 0 }) : '{}\n'}`;
}
