// Everything sitrep knows about one document, actor or event, each record with its offsets and
// the words it covers, so that any finding can be checked against the text.
import type { Actor, Analysis, Event, EventRole } from '../model/types.ts';
import { collect, type Store } from '../store/index.ts';
import { MODALITY_WORDS, sentenceText } from './event-lines.ts';
import { clip } from './writer.ts';

const QUAD = { 1: 'verbal cooperation', 2: 'material cooperation', 3: 'verbal conflict', 4: 'material conflict' } as const;
const BODY_EXCERPT = 600;

const at = (s: { start: number; end: number }) => `[${s.start}-${s.end}]`;
const covered = (a: Analysis, s: { start: number; end: number }) => JSON.stringify(a.doc.body.slice(s.start, s.end).replace(/\s+/g, ' '));

async function findDocument(store: Store, id: string): Promise<Analysis> {
  const exact = await store.getAnalysis(id);
  if (exact) return exact;
  const q = id.trim().toLowerCase();
  const hits = q.length >= 4 ? (await collect(store.documents())).filter((d) => d.id.startsWith(q) || d.source === id) : [];
  if (hits.length === 1) return (await store.getAnalysis(hits[0].id))!;
  if (hits.length > 1) throw new Error(`"${id}" matches ${hits.length} documents: ${hits.slice(0, 5).map((d) => d.id).join(', ')}; give more of the id`);
  throw new Error(`no stored document has the id "${id}"`);
}

function roleText(a: Analysis, r: EventRole | undefined, actors: Map<string, Actor>): string {
  if (!r) return '–';
  const actor = r.actor ? actors.get(r.actor) : undefined;
  return `${actor ? `${actor.name} (${actor.id})` : 'unresolved'}, code ${r.code}, words ${covered(a, r)} ${at(r)}`;
}

function eventLines(a: Analysis, e: Event, indent = '  '): string[] {
  const actors = new Map(a.actors.map((x) => [x.id, x]));
  const out = [
    `${e.id}  ${e.type}${e.mode ? ` (${e.mode})` : ''}  ${e.modality}: ${MODALITY_WORDS[e.modality]}  ${at(e)}`,
    `${indent}source: ${roleText(a, e.source, actors)}`,
    `${indent}target: ${roleText(a, e.target, actors)}`,
    `${indent}CAMEO ${e.cameo ?? '–'}, Goldstein ${e.goldstein ?? '–'}, quad class ${e.quadClass ? `${e.quadClass} (${QUAD[e.quadClass]})` : '–'}, confidence ${e.confidence}`,
    `${indent}place: ${e.place ? `${JSON.stringify(e.place.text)} ${at(e.place)}${e.place.country ? `, ${e.place.country}` : ''}` : '–'}`,
    `${indent}time: ${e.when ? `${JSON.stringify(e.when.text)} = ${e.when.start ?? '?'}${e.when.end && e.when.end !== e.when.start ? `/${e.when.end}` : ''}` : '–'}`,
    `${indent}trigger: ${JSON.stringify(e.trigger.text)} ${at(e.trigger)}; via ${e.via}`,
  ];
  if (e.context?.length) out.push(`${indent}context: ${e.context.join(', ')}`);
  out.push(`${indent}sentence: ${sentenceText(a, e.trigger.start)}`);
  return out;
}

export async function showDocument(store: Store, id: string): Promise<string> {
  const a = await findDocument(store, id);
  const m = a.doc.meta;
  const out: string[] = [`DOCUMENT ${a.doc.id}`, `  source: ${a.doc.source}`];
  for (const k of ['title', 'outlet', 'author', 'published', 'url'] as const) out.push(`  ${k}: ${m[k] ?? '–'}`);
  const near = (await store.links()).nearDuplicates ?? [];
  for (const n of near) if (n.doc === a.doc.id) out.push(`  near-duplicate of: ${n.of} (similarity ${n.similarity})`);
  const copies = near.filter((n) => n.of === a.doc.id).map((n) => `${n.doc} (${n.similarity})`);
  if (copies.length) out.push(`  near-duplicates: ${copies.join(', ')}`);
  if (a.doc.dropped.length) out.push(`  dropped by ingest: ${a.doc.dropped.map((d) => `${d.reason} (${clip(d.text, 40)})`).join('; ')}`);
  out.push(`  ${a.doc.body.length} characters, ${a.sentences.length} sentences`, '', 'BODY');
  out.push(a.doc.body.length > BODY_EXCERPT ? a.doc.body.slice(0, BODY_EXCERPT) + ' …' : a.doc.body);

  out.push('', `ACTORS (${a.actors.length}) AND MENTIONS (${a.mentions.length})`);
  for (const actor of a.actors) {
    const ms = a.mentions.filter((x) => x.actor === actor.id);
    out.push(`  ${actor.name}  ${actor.id}  ${actor.code}  ${actor.kind}${actor.isNew ? '  (new)' : ''}`);
    for (const x of ms) out.push(`    ${at(x)} ${covered(a, x)}${x.code ? ` code ${x.code}` : ''}${x.role ? ` role "${x.role}"` : ''} via ${x.via}`);
  }
  const loose = a.mentions.filter((x) => !x.actor || !a.actors.some((y) => y.id === x.actor));
  for (const x of loose) out.push(`  (unresolved) ${at(x)} ${covered(a, x)} ${x.kind}${x.code ? ` code ${x.code}` : ''} via ${x.via}`);

  out.push('', `TIMES (${a.times.length})`);
  for (const t of a.times) out.push(`  ${at(t)} ${covered(a, t)} = ${t.value ? `${t.value.start}/${t.value.end}` : 'unresolved'} via ${t.via}`);

  out.push('', `EVENTS (${a.events.length})`);
  for (const e of a.events) out.push(...eventLines(a, e, '    ').map((l, i) => (i ? l : `  ${l}`)));

  out.push('', `QUOTES (${a.quotes.length})`);
  for (const q of a.quotes) {
    const who = q.speaker ? `${q.speakerText ?? q.speaker} (${q.speaker}${q.speakerCode ? `, ${q.speakerCode}` : ''})` : 'no speaker';
    out.push(`  ${at(q)} ${q.kind}, ${who}${q.cue ? `, cue "${q.cue}"` : ''}: ${JSON.stringify(q.text)}`);
  }
  out.push('', `CLAIMS (${a.claims.length})`);
  for (const c of a.claims) out.push(`  ${at(c)} holder ${c.holder}, hedge ${c.hedge}${c.cues.length ? `, cues ${c.cues.join(', ')}` : ''}${c.about.length ? `, about ${c.about.join(', ')}` : ''}: ${covered(a, c)}`);
  out.push('', `FRAMES (${a.frames.length})`);
  for (const f of a.frames) out.push(`  ${at(f)} ${f.kind}${f.category ? ` (${f.category})` : ''}: ${JSON.stringify(f.text)} in ${covered(a, f)}`);
  return out.join('\n') + '\n';
}

async function resolveActors(store: Store, idOrName: string): Promise<Actor[]> {
  const direct = await store.actor(idOrName);
  const found = direct ? [direct] : await store.findActors(idOrName);
  if (found.length === 0) throw new Error(`no stored actor is named or coded "${idOrName}"`);
  // an actor merged into another by the linker is shown as that one
  const same = (await store.links()).sameActor;
  const ids = [...new Set(found.map((a) => same[a.id] ?? a.id))];
  return Promise.all(ids.map(async (id) => (await store.actor(id)) ?? found.find((a) => a.id === id)!));
}

async function showOneActor(store: Store, actor: Actor): Promise<string[]> {
  const links = await store.links();
  const same = Object.entries(links.sameActor).filter(([, to]) => to === actor.id).map(([id]) => id);
  const ids = new Set([actor.id, ...same]);
  const out = [`ACTOR ${actor.name}`, `  id: ${actor.id}`, `  kind: ${actor.kind}`, `  code: ${actor.code}`];
  if (actor.country) out.push(`  country: ${actor.country}`);
  out.push(`  aliases: ${actor.aliases.join(', ') || '–'}`);
  if (actor.roles?.length) out.push(`  roles: ${actor.roles.map((r) => [r.title, r.org, r.from || r.to ? `${r.from ?? '?'}–${r.to ?? ''}` : ''].filter(Boolean).join(', ')).join('; ')}`);
  if (actor.memberships?.length) out.push(`  member of: ${actor.memberships.map((x) => x.org).join(', ')}`);
  if (links.sameActor[actor.id]) out.push(`  the same as: ${links.sameActor[actor.id]}`);
  if (same.length) out.push(`  also known in text as: ${same.join(', ')}`);
  const events: string[] = [];
  const quotes: string[] = [];
  for (const docId of await store.actorDocuments([...ids])) {
    const a = (await store.getAnalysis(docId))!;
    const ms = a.mentions.filter((m) => m.actor && ids.has(m.actor));
    out.push('', `  in ${a.doc.meta.title ?? a.doc.source} [${a.doc.id}]: ${ms.length} mention${ms.length === 1 ? '' : 's'}`);
    for (const m of ms) out.push(`    ${at(m)} ${covered(a, m)}${m.role ? ` (${m.role})` : ''}: ${clip(sentenceText(a, m.start), 160)}`);
    for (const e of a.events) {
      const as = e.source?.actor && ids.has(e.source.actor) ? 'source' : e.target?.actor && ids.has(e.target.actor) ? 'target' : undefined;
      if (as) events.push(`  ${e.id} ${e.type} (${e.modality}) as ${as}: ${clip(sentenceText(a, e.trigger.start), 140)}`);
    }
    for (const q of a.quotes) if (q.speaker && ids.has(q.speaker)) quotes.push(`  [${a.doc.id}] ${at(q)} ${q.kind}: ${JSON.stringify(clip(q.text, 200))}`);
  }
  out.push('', `EVENTS (${events.length})`, ...events, '', `QUOTES (${quotes.length})`, ...quotes);
  return out;
}

export async function showActor(store: Store, idOrName: string): Promise<string> {
  const parts: string[] = [];
  for (const a of await resolveActors(store, idOrName)) parts.push((await showOneActor(store, a)).join('\n'));
  return parts.join('\n\n') + '\n';
}

export async function showEvent(store: Store, id: string): Promise<string> {
  const found = await store.event(id);
  if (!found) throw new Error(`no stored event has the id "${id}" (event ids look like DOCUMENT-ID:e1)`);
  const a = (await store.getAnalysis(found.doc))!;
  const out = [`EVENT ${eventLines(a, found.event, '  ')[0]}`, ...eventLines(a, found.event, '  ').slice(1)];
  out.push(`  document: ${a.doc.meta.title ?? a.doc.source} [${a.doc.id}]${a.doc.meta.published ? `, published ${a.doc.meta.published}` : ''}`);
  const links = await store.links();
  const group = links.sameEvent.find((g) => g.events.some((e) => e.event === id));
  if (group) out.push(`  same event told at: ${group.events.filter((e) => e.event !== id).map((e) => e.event).join(', ')}`);
  const stories = links.storylines.filter((s) => s.events.some((e) => e.event === id));
  for (const s of stories) out.push(`  storyline: ${s.label} (${s.events.length} events)`);
  return out.join('\n') + '\n';
}
