// `sitrep kb find NAME`: how a name resolves and why. Two views: the knowledge base's readings
// of the words (which entries, which listed name or rule-made variant matched, the dated office
// holder or role for the date) and what the actors stage makes of the words as a text of their
// own (the mention, its code and the rule that resolved it).
import type { Actor } from '../../model/types.ts';
import { emptyAnalysis } from '../../model/types.ts';
import type { KnowledgeBase, Office } from '../../kb/types.ts';
import { textStage } from '../text.ts';
import { actorsStage } from '../actors.ts';
import { fold } from '../../kb/normalize.ts';

export interface TermView { name: string; id: string; from?: string; to?: string }

export interface Reading {
  actor: string;
  name: string;
  kind: string;
  code: string;
  form: string;                 // name, alias, acronym, demonym, capital, title, sector
  how: string[];                // listed, or the rule that made the form
  office?: { office: Office; country: string; holder?: TermView; note: string; terms: TermView[] };
  roles?: { title: string; org?: string; from?: string; to?: string; held?: boolean }[];
}

export interface Explanation {
  query: string;
  date?: string;
  matches: { text: string; readings: Reading[] }[];
  places: { name: string; country: string; kind: string }[];   // every reading of the words as a place, the usual first
  mentions: { text: string; actor?: string; name?: string; kind: string; code?: string; role?: string; via: string }[];
  /** When the kb has no entry: its names closest in spelling (a typo, another transliteration). */
  similar: { name: string; actor: string; form: string }[];
  notes: string[];
}

const held = (from: string | undefined, to: string | undefined, day: string) => (!from || from <= day) && (!to || day < to);

function termView(t: { actor: Actor; from?: string; to?: string }): TermView {
  return { name: t.actor.name, id: t.actor.id, ...(t.from ? { from: t.from } : {}), ...(t.to ? { to: t.to } : {}) };
}

export function explainName(kb: KnowledgeBase, query: string, date?: string): Explanation {
  const analysis = emptyAnalysis({ id: 'kb-find', source: 'kb-find', body: query, meta: date ? { published: date } : {}, dropped: [] });
  textStage.run(analysis, { kb });
  const notes: string[] = [];
  const matches = kb.matchNames(analysis.tokens).map((m) => ({
    text: m.text,
    readings: m.entries.map((e): Reading => {
      const actor = kb.get(e.actor);
      const r: Reading = {
        actor: e.actor, name: actor?.name ?? e.actor, kind: actor?.kind ?? '?', code: e.code ?? actor?.code ?? '', form: e.form,
        how: kb.origins(m.text.replace(/^the\s+/i, ''), e.actor),
      };
      if (!r.how.length) r.how = kb.origins(m.text, e.actor);
      if (!r.how.length) {
        r.how = [e.form === 'title' ? 'composed: the state\'s name, demonym or possessive with an office title'
          : e.form === 'sector' ? 'composed: the state\'s name, demonym or possessive with a sector word (data/kb/lexicons/sector-words.yaml)'
            : 'composed: the state\'s name, demonym or possessive with one of the institution\'s forms'];
      }
      const country = actor?.kind === 'state' ? actor.code.slice(0, 3) : actor?.country;
      if (e.office && country) {
        const terms = kb.officeTerms(country, e.office);
        const holder = kb.officeHolder(country, e.office, date);
        const note = date
          ? holder ? `on ${date} the office was held by ${holder.name}` : `no holder of this office on ${date} in the knowledge base`
          : holder ? `no date given: the holder whose term is still open (${holder.name}); a document's publication date picks the holder of that day (--date)`
            : 'no date given and no open term: the office is left to the state';
        const hv = holder && terms.find((t) => t.actor.id === holder.id && (date ? held(t.from, t.to, date) : !t.to));
        r.office = { office: e.office, country, ...(hv ? { holder: termView(hv) } : {}), note, terms: terms.map(termView) };
      }
      if (actor?.kind === 'person' && actor.roles?.length) {
        r.roles = actor.roles.map((ro) => ({ ...ro, ...(date ? { held: held(ro.from, ro.to, date) } : {}) }));
      }
      return r;
    }),
  }));
  for (const m of matches) {
    if (m.readings.length > 1) notes.push(`"${m.text}" has ${m.readings.length} readings; the stage takes the first unless the document has already named another, or the context decides`);
  }
  const places = kb.places(query).map((p) => ({ name: p.name, country: p.country, kind: p.kind }));
  if (new Set(places.map((p) => p.country)).size > 1) notes.push(`"${query}" names places in ${places.length} countries; the context chooses (a country after it, a place before it, a state in its phrase, a regional word, the document's country), else ${places[0].country}`);
  actorsStage.run(analysis, { kb });
  const mentions = analysis.mentions.map((m) => {
    const a = m.actor ? analysis.actors.find((x) => x.id === m.actor) : undefined;
    return { text: m.text, ...(m.actor ? { actor: m.actor } : {}), ...(a ? { name: a.name } : {}), kind: m.kind, ...(m.code ? { code: m.code } : {}), ...(m.role ? { role: m.role } : {}), via: m.via };
  });
  if (!matches.length && !mentions.length) notes.push('the knowledge base has no such name, and alone the words give no evidence of a new actor (a title, a role or a known given name)');
  if (mentions.some((m) => m.actor?.startsWith('new:'))) notes.push('new: not in the knowledge base; typed and coded from the words around the name');
  const similar = matches.length ? [] : closeNames(kb, query);
  return { query, ...(date ? { date } : {}), matches, places, mentions, similar, notes };
}

/** Names of the kb within a small edit distance of the query (folded), closest first. */
function closeNames(kb: KnowledgeBase, query: string): Explanation['similar'] {
  const q = fold(query).replace(/^the\s+/, '');
  const limit = q.length < 6 ? 1 : q.length < 12 ? 2 : 3;
  const found: { name: string; actor: string; form: string; d: number }[] = [];
  for (const a of kb.actors.values()) {
    for (const form of [a.name, ...a.aliases]) {
      const f = fold(form);
      if (Math.abs(f.length - q.length) > limit) continue;
      const d = distance(q, f, limit);
      if (d <= limit) { found.push({ name: a.name, actor: a.id, form, d }); break; }
    }
  }
  return found.sort((x, y) => x.d - y.d || (x.name < y.name ? -1 : 1)).slice(0, 5).map(({ d: _, ...r }) => r);
}

/** Levenshtein distance, giving up (limit + 1) once it exceeds the limit. */
function distance(a: string, b: string, limit: number): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (cur[j] < best) best = cur[j];
    }
    if (best > limit) return limit + 1;
    prev = cur;
  }
  return prev[b.length];
}

/** The explanation as lines of text for the terminal. */
export function formatExplanation(x: Explanation): string {
  const out: string[] = [`${JSON.stringify(x.query)}${x.date ? ` on ${x.date}` : ' (no date)'}`];
  if (!x.matches.length) out.push('  knowledge base: no entry');
  for (const m of x.matches) {
    out.push(`  knowledge base: "${m.text}"`);
    m.readings.forEach((r, k) => {
      out.push(`    ${k === 0 ? '*' : '-'} ${r.name} [${r.actor}] ${r.kind} ${r.code}  (form: ${r.form}; ${r.how.join('; ')})`);
      if (r.office) {
        out.push(`        office ${r.office.office} of ${r.office.country}: ${r.office.note}`);
        for (const t of r.office.terms.slice(-6)) out.push(`          ${t.from ?? '?'} .. ${t.to ?? 'open'}  ${t.name}`);
      }
      for (const ro of r.roles ?? []) out.push(`        role: ${ro.title}${ro.org ? ` (${ro.org})` : ''} ${ro.from ?? '?'} .. ${ro.to ?? 'open'}${ro.held === true ? '  <- held on the date' : ''}`);
    });
  }
  for (const p of x.places) out.push(`  place: ${p.name}, ${p.kind} in ${p.country}`);
  out.push('  as text, the actors stage reads:');
  if (!x.mentions.length) out.push('    nothing');
  for (const m of x.mentions) out.push(`    "${m.text}" -> ${m.name ?? m.kind}${m.actor ? ` [${m.actor}]` : ''} ${m.code ?? ''}${m.role ? ` role "${m.role}"` : ''}  via ${m.via}`);
  if (x.similar.length) out.push(`  did you mean: ${x.similar.map((m) => `${m.form} [${m.actor}]`).join(', ')}`);
  for (const n of x.notes) out.push(`  note: ${n}`);
  return out.join('\n');
}
