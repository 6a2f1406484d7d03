// `sitrep kb check`: every problem of a set of knowledge files, each with its file, line and
// reason: YAML syntax, the shape of entries (schema.ts), and what only shows across entries and
// files: codes that are no ISO codes, references to unknown states, types and actors, ids listed
// twice in one file, terms of office that end before they begin or overlap another holder's.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { LineCounter, parseDocument } from 'yaml';
import { offsetOf } from './lines.ts';
import { kbIssues, type KbFile } from './schema.ts';
import { slug } from './normalize.ts';
import { KbBuilder } from './builder.ts';

const require = createRequire(import.meta.url);

export interface KbProblem {
  file: string;
  line?: number;
  where?: string;
  reason: string;
  severity: 'error' | 'warning';
}

interface Parsed { file: string; data?: KbFile; locate: (path: (string | number)[], onKey?: boolean) => number | undefined }

/** Checks the files together (references may cross files); problems in file order, then line order. */
export function checkKbFiles(paths: string[]): KbProblem[] {
  const problems: KbProblem[] = [];
  const parsed: Parsed[] = [];
  for (const file of paths) {
    const p = parseFile(file, problems);
    if (p) parsed.push(p);
  }
  crossCheck(parsed, problems);
  if (!problems.some((p) => p.severity === 'error')) {
    // what only the build finds (an unknown institution type met while composing names...)
    try { new KbBuilder(parsed.map((p) => p.data ?? {})).build(); } catch (e) { problems.push({ file: paths[paths.length - 1] ?? '', reason: (e as Error).message, severity: 'error' }); }
  }
  const order = new Map(paths.map((f, i) => [f, i]));
  return problems.sort((a, b) => (order.get(a.file) ?? 0) - (order.get(b.file) ?? 0) || (a.line ?? 0) - (b.line ?? 0));
}

function parseFile(file: string, problems: KbProblem[]): Parsed | undefined {
  let text: string;
  try { text = readFileSync(file, 'utf8'); } catch (e) {
    problems.push({ file, reason: `cannot read: ${(e as Error).message}`, severity: 'error' });
    return undefined;
  }
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines });
  if (doc.errors.length) {
    for (const err of doc.errors) problems.push({ file, line: err.linePos?.[0].line, reason: `YAML: ${err.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '')}`, severity: 'error' });
    return undefined;
  }
  const locate = (path: (string | number)[], onKey = false): number | undefined => {
    const offset = offsetOf(doc, path, onKey);
    return offset === undefined ? undefined : lines.linePos(offset).line;
  };
  const data = doc.toJS() as unknown;
  const issues = kbIssues(data);
  for (const i of issues) problems.push({ file, line: locate(i.path, i.onKey), where: i.where, reason: i.reason, severity: 'error' });
  return { file, data: withoutBadEntries(data, issues), locate };
}

/**
 * The parsed data with every entry that has a problem of its own blanked out (null, so that the
 * indices, and with them the line numbers, stay right): the checks across entries see the rest.
 */
function withoutBadEntries(data: unknown, issues: { path: (string | number)[]; onKey?: boolean }[]): KbFile | undefined {
  if (data === null || data === undefined) return {};
  if (typeof data !== 'object' || Array.isArray(data)) return undefined;
  const d = data as Record<string, unknown>;
  for (const { path, onKey } of issues) {
    if (onKey && path.length > 2) continue;                     // an unknown field: the entry is otherwise sound
    const [section, entry, field, item] = path;
    const e = Array.isArray(d[section as string]) ? (d[section as string] as unknown[])[entry as number] as Record<string, unknown> | null : undefined;
    // a member or role with a problem: blank that one only
    if (e && field === 'members' && typeof item === 'string' && e.members && typeof e.members === 'object') { delete (e.members as Record<string, unknown>)[item]; continue; }
    if (e && field === 'roles' && typeof item === 'number' && Array.isArray(e.roles)) { e.roles[item] = null; continue; }
    if (typeof section !== 'string' || !(section in d)) continue;
    const v = d[section];
    if (entry === undefined || section === 'transliteration' || section === 'lexicons') { delete d[section]; continue; }
    if (Array.isArray(v) && typeof entry === 'number') v[entry] = null;
    else if (v && typeof v === 'object' && typeof entry === 'string') delete (v as Record<string, unknown>)[entry];
  }
  return d as KbFile;
}

/** ISO 3166 alpha-3 codes, and the X.. codes ISO leaves to users (XKX for Kosovo). */
function isoAlpha3(): Set<string> {
  const countries = require('i18n-iso-countries') as typeof import('i18n-iso-countries');
  return new Set(Object.keys(countries.getAlpha3Codes()));
}

function crossCheck(files: Parsed[], problems: KbProblem[]): void {
  const iso = isoAlpha3();
  const ok = files.filter((f): f is Parsed & { data: KbFile } => f.data !== undefined);
  const states = new Set<string>();
  const types = new Map<string, string>();   // institution type -> its core name
  const ids = new Set<string>();
  for (const f of ok) {
    for (const s of present(f.data.states)) { states.add(s.code); ids.add(`state:${s.code}`); }
    for (const [t, spec] of Object.entries(f.data.institution_types ?? {})) types.set(t, spec.name);
    for (const g of present(f.data.igos)) ids.add(`igo:${g.id ?? g.code}`);
    for (const g of present(f.data.groups)) ids.add(g.id);
    for (const o of present(f.data.orgs)) ids.add(orgId(o, types));
    for (const p of present(f.data.people)) ids.add(p.id ?? `person:${slug(p.name)}`);
  }
  const err = (f: Parsed, path: (string | number)[], where: string, reason: string, severity: KbProblem['severity'] = 'error', onKey = false) =>
    problems.push({ file: f.file, line: f.locate(path, onKey), where, reason, severity });
  const state = (f: Parsed, code: string | undefined, path: (string | number)[], where: string, what = 'state') => {
    if (code && !states.has(code)) err(f, path, where, `unknown ${what} "${code}" (no entry under states)`);
  };
  const terms = new Map<string, { f: Parsed; path: (string | number)[]; where: string; who: string; from?: string; to?: string }[]>();
  for (const f of ok) {
    const d = f.data;
    const seen = new Map<string, number>();
    const once = (section: string, key: string, path: (string | number)[], where: string, severity: KbProblem['severity'] = 'error', note = '') => {
      const k = `${section} ${key}`;
      const first = seen.get(k);
      if (first !== undefined) err(f, path, where, `duplicate id "${key}" (already at line ${first})${note}`, severity);
      else seen.set(k, f.locate(path) ?? 0);
    };
    (d.states ?? []).forEach((s, i) => {
      if (!s) return;
      const w = `states[${i}] (${s.code})`;
      if (!iso.has(s.code) && !s.code.startsWith('X')) err(f, ['states', i, 'code'], w, `"${s.code}" is no ISO 3166 alpha-3 code (user-assigned codes start with X, like XKX)`);
      once('states', s.code, ['states', i], w);
    });
    (d.igos ?? []).forEach((g, i) => {
      if (!g) return;
      const w = `igos[${i}] (${g.code})`;
      once('igos', g.id ?? g.code, ['igos', i], w);
      for (const code of Object.keys(g.members ?? {})) state(f, code, ['igos', i, 'members', code], `${w} member ${code}`, 'member state');
    });
    (d.groups ?? []).forEach((g, i) => {
      if (!g) return;
      once('groups', g.id, ['groups', i], `groups[${i}]`);
      for (const [j, code] of (g.members ?? []).entries()) state(f, code, ['groups', i, 'members', j], `groups[${i}] member ${code}`, 'member state');
    });
    (d.orgs ?? []).forEach((o, i) => {
      if (!o) return;
      const w = `orgs[${i}] (${o.name ?? o.type})`;
      state(f, o.country, ['orgs', i, 'country'], w);
      if (o.type && !types.has(o.type)) err(f, ['orgs', i, 'type'], w, `unknown institution type "${o.type}" (known: ${[...types.keys()].join(', ')})`);
      once('orgs', orgId(o, types), ['orgs', i], w);
    });
    (d.places ?? []).forEach((p, i) => {
      if (!p) return;
      state(f, p.country, ['places', i, 'country'], `places[${i}] (${p.name})`);
      once('places', `${p.name} ${p.country}`, ['places', i], `places[${i}] (${p.name})`);
    });
    (d.people ?? []).forEach((p, i) => {
      if (!p) return;
      const w = `people[${i}] (${p.name})`;
      const id = p.id ?? `person:${slug(p.name)}`;
      once('people', id, ['people', i], w, 'warning', ': its names and roles are merged into the first');
      state(f, p.country, ['people', i, 'country'], w);
      (p.roles ?? []).forEach((r, j) => {
        if (!r) return;
        const rp = ['people', i, 'roles', j];
        const rw = `${w} roles[${j}]`;
        state(f, r.country, [...rp, 'country'], rw);
        if (r.org && !ids.has(r.org)) err(f, [...rp, 'org'], rw, `unknown organisation "${r.org}" (no actor has that id)`);
        const offices = r.office === undefined ? [] : Array.isArray(r.office) ? r.office : [r.office];
        for (const off of offices) {
          const key = `${r.country ?? p.country} ${off}`;
          terms.set(key, [...(terms.get(key) ?? []), { f, path: rp, where: rw, who: p.name, from: r.from, to: r.to }]);
        }
      });
    });
  }
  // one holder of an office at a time: an overlap is a typo in a date, or a co-holder worth a look
  for (const [key, list] of terms) {
    const sorted = list.filter((t) => t.from).sort((a, b) => (a.from! < b.from! ? -1 : a.from! > b.from! ? 1 : 0));
    for (let k = 1; k < sorted.length; k++) {
      const prev = sorted[k - 1];
      const cur = sorted[k];
      if (prev.who === cur.who) continue;
      if (!prev.to) err(cur.f, cur.path, cur.where, `${key}: ${prev.who} has an open term from ${prev.from} when this one begins (${cur.from}); give it a "to"`, 'warning');
      else if (prev.to > cur.from!) err(cur.f, cur.path, cur.where, `${key}: begins ${cur.from}, before ${prev.who}'s term ends (${prev.to})`, 'warning');
    }
  }
}

/** The entries of a section that passed the shape checks (the others are null). */
function present<T>(list: T[] | undefined): T[] {
  return (list ?? []).filter((x) => x !== null && x !== undefined);
}

/** The id the builder gives an organisation (see KbBuilder.addOrg). */
function orgId(o: NonNullable<KbFile['orgs']>[number], typeNames: Map<string, string>): string {
  const core = (o.name ?? typeNames.get(o.type ?? '') ?? o.type ?? '').replace(/^the\s+/i, '');
  return o.id ?? `org:${o.country ? o.country.toLowerCase() + '-' : ''}${slug(core)}`;
}
