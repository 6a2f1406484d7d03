// The shape of knowledge-base YAML files, and their validation. Every file may hold any of the
// sections below; a user's own file adds to (or, for an existing id, extends) the shipped data.
import { OFFICES, type Office } from './types.ts';

export interface StateSpec {
  code: string;                 // ISO alpha-3 (or XKX for Kosovo)
  name?: string;                // canonical name; default: the ISO English name
  names?: string[];             // other names: "Belarus", "Byelorussia", "the US"
  acronyms?: string[];          // matched only as written: US, USA, UK
  demonyms?: string[];          // adjectives and nouns: Belarusian, Belarussian
  capital?: string;             // also a metonym for the government
  capitals?: string[];          // other spellings of the capital (Kiev)
  capital_metonym?: boolean;    // false: the capital is a common word or name (Male, Victoria): a place only
  seats?: (string | { name: string; code: string })[];   // "the Kremlin" (GOV unless a code is given)
  un?: boolean;
}

export interface IgoSpec {
  id?: string;                  // for a body of an organisation: igo:<id>, with the organisation's code
  code: string;
  name: string;
  aliases?: string[];
  acronyms?: string[];
  seats?: string[];
  members?: Record<string, string | null | { from?: string; to?: string }>;   // alpha-3 -> joined (ISO day), null when unknown, or {from, to} for a member that left
}

export interface OrgSpec {
  id?: string;
  country?: string;             // alpha-3: forms are qualified by the country's names and demonyms
  type?: string;                // an institution type: its forms and code come from `institution-types`
  name?: string;                // the core name ("Ministry of National Defence"), or a full name
  forms?: string[];             // more core forms, qualified by the country like the name
  full_name?: string;           // the canonical name, when the rule would make a poor one
  aliases?: string[];           // full names used as written ("the Pentagon")
  acronyms?: string[];          // bare acronyms used as written (KGB, FSB)
  code?: string;                // full code; default: country + the type's sector
}

export interface InstitutionType {
  sector: string;               // MIL, GOV, LEG, SPY, MED...
  name: string;                 // core canonical name: "Ministry of Defence"
  forms?: string[];             // other core forms: "Defence Ministry", "MoD"
  all_states?: boolean;         // generate it for every state
  strict_case?: boolean;        // every capitalised word must be capitalised in the text too
}

export interface RoleSpec {
  office?: Office | Office[];
  title: string;                // "President", "Minister of Defence"
  country?: string;             // default: the person's country
  org?: string;
  code?: string;                // default: from the office (defence_minister -> MIL, others GOV)
  from?: string;
  to?: string;
}

export interface PersonSpec {
  id?: string;
  name: string;
  variants?: string[];          // other full names (transliterations): "Alyaksandr Lukashenka"
  surnames?: string[];          // other surnames to match alone
  country?: string;
  code?: string;
  roles?: RoleSpec[];
  no_surname?: boolean;         // do not match the last name alone (too common, or family name first); `surnames` still are
}

export interface GroupSpec { id: string; name: string; code: string; aliases?: string[]; members?: string[] }

export interface PlaceSpec { name: string; country: string; kind?: 'city' | 'region'; aliases?: string[] }

export interface TranslitSpec {
  countries?: string[];
  given_names?: string[][];
  surname_endings?: string[][];
  spellings?: Record<string, Record<string, string>>;   // a spelling system's letter rewrites: polish: {sh: sz, ...}
}

export interface KbFile {
  states?: StateSpec[];
  igos?: IgoSpec[];
  institution_types?: Record<string, InstitutionType>;
  orgs?: OrgSpec[];
  people?: PersonSpec[];
  groups?: GroupSpec[];
  places?: PlaceSpec[];
  transliteration?: TranslitSpec;
  lexicons?: Record<string, string[] | Record<string, string>>;
}

const SECTIONS = ['states', 'igos', 'institution_types', 'orgs', 'people', 'groups', 'places', 'transliteration', 'lexicons'];
const DAY = /^\d{4}(-\d{2}(-\d{2})?)?$/;

/** The fields each kind of entry may have: anything else is a typo ("alias" for "aliases"). */
const FIELDS: Record<string, string[]> = {
  states: ['code', 'name', 'names', 'acronyms', 'demonyms', 'capital', 'capitals', 'capital_metonym', 'seats', 'un'],
  igos: ['id', 'code', 'name', 'aliases', 'acronyms', 'seats', 'members'],
  institution_types: ['sector', 'name', 'forms', 'all_states', 'strict_case'],
  orgs: ['id', 'country', 'type', 'name', 'forms', 'full_name', 'aliases', 'acronyms', 'code'],
  people: ['id', 'name', 'variants', 'surnames', 'country', 'code', 'roles', 'no_surname'],
  roles: ['office', 'title', 'country', 'org', 'code', 'from', 'to'],
  groups: ['id', 'name', 'code', 'aliases', 'members'],
  places: ['name', 'country', 'kind', 'aliases'],
  transliteration: ['countries', 'given_names', 'surname_endings', 'spellings'],
  membership: ['from', 'to'],
};

/** One problem in a file: where it is (a path into the parsed data, for line numbers), and why. */
export interface SchemaIssue {
  path: (string | number)[];
  where: string;            // readable: "people[3] (Jan Kowal) roles[0]"
  reason: string;
  onKey?: boolean;          // the problem is the key itself (an unknown field)
}

/** Check a parsed file; throw an Error naming the file and the first problem found. */
export function validateKbFile(file: string, data: unknown): KbFile {
  const issues = kbIssues(data);
  if (issues.length) throw new Error(`${file}: ${issues[0].where}: ${issues[0].reason}`);
  return (data ?? {}) as KbFile;
}

/** Every problem of a parsed file's shape (ISO days written unquoted become strings on the way). */
export function kbIssues(data: unknown): SchemaIssue[] {
  const issues: SchemaIssue[] = [];
  const fail = (path: (string | number)[], where: string, reason: string, onKey = false): void => { issues.push({ path, where, reason, ...(onKey ? { onKey } : {}) }); };
  if (data === null || data === undefined) return issues;
  if (!isObject(data)) { fail([], 'top level', 'expected a mapping of sections'); return issues; }
  const doc = data as Record<string, unknown>;
  for (const key of Object.keys(doc)) if (!SECTIONS.includes(key)) fail([key], key, `unknown section (expected one of ${SECTIONS.join(', ')})`, true);
  const list = (key: string): [Record<string, unknown>, number][] => {
    const v = doc[key];
    if (v === undefined || v === null) return [];
    if (!Array.isArray(v)) { fail([key], key, 'expected a list'); return []; }
    const out: [Record<string, unknown>, number][] = [];
    (v as unknown[]).forEach((item, i) => { if (isObject(item)) out.push([item as Record<string, unknown>, i]); else fail([key, i], `${key}[${i}]`, 'expected a mapping'); });
    return out;
  };
  const fields = (o: Record<string, unknown>, kind: string, path: (string | number)[], where: string): void => {
    for (const k of Object.keys(o)) if (!FIELDS[kind].includes(k)) fail([...path, k], where, `unknown field "${k}" (expected ${FIELDS[kind].join(', ')})`, true);
  };
  const str = (o: Record<string, unknown>, k: string, path: (string | number)[], where: string, required = false): boolean => {
    if (o[k] === undefined) { if (required) fail(path, where, `missing "${k}"`); return false; }
    if (typeof o[k] !== 'string' || !(o[k] as string).trim()) { fail([...path, k], where, `"${k}" must be a non-empty string`); return false; }
    return true;
  };
  const strs = (o: Record<string, unknown>, k: string, path: (string | number)[], where: string): void => {
    if (o[k] === undefined) return;
    if (!Array.isArray(o[k]) || !(o[k] as unknown[]).every((x) => typeof x === 'string' || isObject(x))) fail([...path, k], where, `"${k}" must be a list of strings`);
  };
  const day = (o: Record<string, unknown>, k: string, path: (string | number)[], where: string): void => {
    if (o[k] === undefined || o[k] === null) return;
    if (o[k] instanceof Date) { o[k] = (o[k] as Date).toISOString().slice(0, 10); return; }
    if (typeof o[k] !== 'string' || !DAY.test(o[k] as string)) fail([...path, k], where, `"${k}" must be an ISO day (YYYY-MM-DD), got ${JSON.stringify(o[k])}`);
  };
  const a3 = (o: Record<string, unknown>, k: string, path: (string | number)[], where: string, required = false): void => {
    if (str(o, k, path, where, required) && !/^[A-Z]{3}$/.test(o[k] as string)) fail([...path, k], where, `"${k}" must be an alpha-3 code like BLR, got ${JSON.stringify(o[k])}`);
  };
  list('states').forEach(([s, i]) => {
    const p = ['states', i];
    const w = `states[${i}]${typeof s.code === 'string' ? ` (${s.code})` : ''}`;
    fields(s, 'states', p, w);
    a3(s, 'code', p, w, true); str(s, 'name', p, w); str(s, 'capital', p, w);
    for (const k of ['names', 'acronyms', 'demonyms', 'capitals', 'seats']) strs(s, k, p, w);
  });
  list('igos').forEach(([g, i]) => {
    const p = ['igos', i];
    const w = `igos[${i}]${typeof g.code === 'string' ? ` (${g.code})` : ''}`;
    fields(g, 'igos', p, w);
    str(g, 'code', p, w, true); str(g, 'name', p, w, true); str(g, 'id', p, w);
    for (const k of ['aliases', 'acronyms', 'seats']) strs(g, k, p, w);
    if (g.members !== undefined) {
      if (!isObject(g.members)) { fail([...p, 'members'], w, '"members" must map alpha-3 codes to joining days'); return; }
      const m = g.members as Record<string, unknown>;
      for (const code of Object.keys(m)) {
        const mp = [...p, 'members'];
        if (!/^[A-Z]{3}$/.test(code)) fail([...mp, code], w, `member ${JSON.stringify(code)} is not an alpha-3 code`, true);
        if (isObject(m[code])) {
          // {from, to}: a member that left (or whose joining and leaving are both known)
          const term = m[code] as Record<string, unknown>;
          fields(term, 'membership', [...mp, code], `${w} member ${code}`);
          day(term, 'from', [...mp, code], `${w} member ${code}`); day(term, 'to', [...mp, code], `${w} member ${code}`);
          if (typeof term.from === 'string' && typeof term.to === 'string' && term.to < term.from) fail([...mp, code], `${w} member ${code}`, `left (${term.to}) before it joined (${term.from})`);
        } else day(m, code, mp, `${w} member ${code}`);
      }
    }
  });
  if (doc.institution_types !== undefined) {
    if (!isObject(doc.institution_types)) fail(['institution_types'], 'institution_types', 'expected a mapping');
    else for (const [name, t] of Object.entries(doc.institution_types as Record<string, unknown>)) {
      const p = ['institution_types', name];
      const w = `institution_types.${name}`;
      if (!isObject(t)) { fail(p, w, 'expected a mapping'); continue; }
      const o = t as Record<string, unknown>;
      fields(o, 'institution_types', p, w);
      str(o, 'sector', p, w, true); str(o, 'name', p, w, true);
      strs(o, 'forms', p, w);
    }
  }
  list('orgs').forEach(([o, i]) => {
    const p = ['orgs', i];
    const w = `orgs[${i}]${typeof o.name === 'string' ? ` (${o.name})` : typeof o.type === 'string' ? ` (${o.type})` : ''}`;
    fields(o, 'orgs', p, w);
    str(o, 'id', p, w); a3(o, 'country', p, w); str(o, 'type', p, w); str(o, 'name', p, w); str(o, 'code', p, w); str(o, 'full_name', p, w);
    if (o.name === undefined && o.type === undefined) fail(p, w, 'needs a "name" or a "type"');
    if (o.code === undefined && o.type === undefined && o.country === undefined) fail(p, w, 'needs a "code" (or a "type" and a "country")');
    for (const k of ['forms', 'aliases', 'acronyms']) strs(o, k, p, w);
  });
  list('people').forEach(([person, i]) => {
    const p = ['people', i];
    const w = `people[${i}]${typeof person.name === 'string' ? ` (${person.name})` : ''}`;
    fields(person, 'people', p, w);
    str(person, 'id', p, w); str(person, 'name', p, w, true); a3(person, 'country', p, w); str(person, 'code', p, w);
    for (const k of ['variants', 'surnames']) strs(person, k, p, w);
    if (person.roles === undefined) return;
    if (!Array.isArray(person.roles)) { fail([...p, 'roles'], w, '"roles" must be a list'); return; }
    (person.roles as unknown[]).forEach((r, j) => {
      const rp = [...p, 'roles', j];
      const rw = `${w} roles[${j}]`;
      if (!isObject(r)) { fail(rp, rw, 'expected a mapping'); return; }
      const ro = r as Record<string, unknown>;
      fields(ro, 'roles', rp, rw);
      str(ro, 'title', rp, rw, true); a3(ro, 'country', rp, rw); str(ro, 'org', rp, rw); str(ro, 'code', rp, rw);
      day(ro, 'from', rp, rw); day(ro, 'to', rp, rw);
      if (typeof ro.from === 'string' && typeof ro.to === 'string' && ro.to < ro.from) fail(rp, rw, `ends (${ro.to}) before it begins (${ro.from})`);
      const offices = ro.office === undefined ? [] : Array.isArray(ro.office) ? ro.office : [ro.office];
      for (const off of offices) if (!OFFICES.includes(off as Office)) fail([...rp, 'office'], rw, `unknown office ${JSON.stringify(off)} (expected ${OFFICES.join(', ')})`);
      if (ro.office !== undefined && ro.country === undefined && person.country === undefined) fail(rp, rw, 'an office needs a country (on the role or the person)');
    });
  });
  list('groups').forEach(([g, i]) => {
    const p = ['groups', i];
    const w = `groups[${i}]`;
    fields(g, 'groups', p, w);
    str(g, 'id', p, w, true); str(g, 'name', p, w, true); str(g, 'code', p, w, true); strs(g, 'aliases', p, w); strs(g, 'members', p, w);
  });
  list('places').forEach(([pl, i]) => {
    const p = ['places', i];
    const w = `places[${i}]${typeof pl.name === 'string' ? ` (${pl.name})` : ''}`;
    fields(pl, 'places', p, w);
    str(pl, 'name', p, w, true); a3(pl, 'country', p, w, true); strs(pl, 'aliases', p, w);
    if (pl.kind !== undefined && pl.kind !== 'city' && pl.kind !== 'region') fail([...p, 'kind'], w, '"kind" must be city or region');
  });
  if (doc.transliteration !== undefined) {
    if (!isObject(doc.transliteration)) fail(['transliteration'], 'transliteration', 'expected a mapping');
    else fields(doc.transliteration as Record<string, unknown>, 'transliteration', ['transliteration'], 'transliteration');
  }
  if (doc.lexicons !== undefined) {
    if (!isObject(doc.lexicons)) fail(['lexicons'], 'lexicons', 'expected a mapping of lexicon names to lists');
    else for (const [name, v] of Object.entries(doc.lexicons as Record<string, unknown>)) {
      const okList = Array.isArray(v) && v.every((x) => typeof x === 'string');
      const okMap = isObject(v) && Object.values(v as object).every((x) => typeof x === 'string');
      if (!okList && !okMap) fail(['lexicons', name], `lexicons.${name}`, 'must be a list of strings or a mapping of words to codes');
    }
  }
  return issues;
}

function isObject(v: unknown): boolean {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof Date);
}
