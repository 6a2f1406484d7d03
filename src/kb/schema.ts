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
  members?: Record<string, string | null>;   // alpha-3 -> joined (ISO day) or null when unknown
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

/** Check a parsed file; throw an Error naming the file and the first problem found. */
export function validateKbFile(file: string, data: unknown): KbFile {
  const fail = (where: string, problem: string): never => { throw new Error(`${file}: ${where}: ${problem}`); };
  if (data === null || data === undefined) return {};
  if (!isObject(data)) fail('top level', 'expected a mapping of sections');
  const doc = data as Record<string, unknown>;
  for (const key of Object.keys(doc)) if (!SECTIONS.includes(key)) fail(key, `unknown section (expected one of ${SECTIONS.join(', ')})`);
  const list = (key: string): Record<string, unknown>[] => {
    const v = doc[key];
    if (v === undefined) return [];
    if (!Array.isArray(v)) fail(key, 'expected a list');
    return (v as unknown[]).map((item, i) => (isObject(item) ? item as Record<string, unknown> : fail(`${key}[${i}]`, 'expected a mapping')));
  };
  const str = (o: Record<string, unknown>, k: string, where: string, required = false): void => {
    if (o[k] === undefined) { if (required) fail(where, `missing "${k}"`); return; }
    if (typeof o[k] !== 'string' || !(o[k] as string).trim()) fail(where, `"${k}" must be a non-empty string`);
  };
  const strs = (o: Record<string, unknown>, k: string, where: string): void => {
    if (o[k] === undefined) return;
    if (!Array.isArray(o[k]) || !(o[k] as unknown[]).every((x) => typeof x === 'string' || isObject(x))) fail(where, `"${k}" must be a list of strings`);
  };
  const day = (o: Record<string, unknown>, k: string, where: string): void => {
    if (o[k] === undefined || o[k] === null) return;
    if (o[k] instanceof Date) { o[k] = (o[k] as Date).toISOString().slice(0, 10); return; }
    if (typeof o[k] !== 'string' || !DAY.test(o[k] as string)) fail(where, `"${k}" must be an ISO day (YYYY-MM-DD), got ${JSON.stringify(o[k])}`);
  };
  const a3 = (o: Record<string, unknown>, k: string, where: string, required = false): void => {
    str(o, k, where, required);
    if (o[k] !== undefined && !/^[A-Z]{3}$/.test(o[k] as string)) fail(where, `"${k}" must be an alpha-3 code like BLR, got ${JSON.stringify(o[k])}`);
  };
  list('states').forEach((s, i) => {
    const w = `states[${i}]${s.code ? ` (${s.code})` : ''}`;
    a3(s, 'code', w, true); str(s, 'name', w); str(s, 'capital', w);
    for (const k of ['names', 'acronyms', 'demonyms', 'capitals', 'seats']) strs(s, k, w);
  });
  list('igos').forEach((g, i) => {
    const w = `igos[${i}]${g.code ? ` (${g.code})` : ''}`;
    str(g, 'code', w, true); str(g, 'name', w, true); str(g, 'id', w);
    for (const k of ['aliases', 'acronyms', 'seats']) strs(g, k, w);
    if (g.members !== undefined) {
      if (!isObject(g.members)) fail(w, '"members" must map alpha-3 codes to joining days');
      const m = g.members as Record<string, unknown>;
      for (const code of Object.keys(m)) {
        if (!/^[A-Z]{3}$/.test(code)) fail(w, `member ${JSON.stringify(code)} is not an alpha-3 code`);
        day(m, code, `${w} member ${code}`);
      }
    }
  });
  if (doc.institution_types !== undefined) {
    if (!isObject(doc.institution_types)) fail('institution_types', 'expected a mapping');
    for (const [name, t] of Object.entries(doc.institution_types as Record<string, unknown>)) {
      if (!isObject(t)) fail(`institution_types.${name}`, 'expected a mapping');
      const o = t as Record<string, unknown>;
      str(o, 'sector', `institution_types.${name}`, true); str(o, 'name', `institution_types.${name}`, true);
      strs(o, 'forms', `institution_types.${name}`);
    }
  }
  list('orgs').forEach((o, i) => {
    const w = `orgs[${i}]${o.name ? ` (${o.name})` : o.type ? ` (${o.type})` : ''}`;
    str(o, 'id', w); a3(o, 'country', w); str(o, 'type', w); str(o, 'name', w); str(o, 'code', w); str(o, 'full_name', w);
    if (o.name === undefined && o.type === undefined) fail(w, 'needs a "name" or a "type"');
    if (o.code === undefined && o.type === undefined && o.country === undefined) fail(w, 'needs a "code" (or a "type" and a "country")');
    for (const k of ['forms', 'aliases', 'acronyms']) strs(o, k, w);
  });
  list('people').forEach((p, i) => {
    const w = `people[${i}]${p.name ? ` (${p.name})` : ''}`;
    str(p, 'id', w); str(p, 'name', w, true); a3(p, 'country', w); str(p, 'code', w);
    for (const k of ['variants', 'surnames']) strs(p, k, w);
    if (p.roles !== undefined) {
      if (!Array.isArray(p.roles)) fail(w, '"roles" must be a list');
      (p.roles as unknown[]).forEach((r, j) => {
        const rw = `${w} roles[${j}]`;
        if (!isObject(r)) fail(rw, 'expected a mapping');
        const ro = r as Record<string, unknown>;
        str(ro, 'title', rw, true); a3(ro, 'country', rw); day(ro, 'from', rw); day(ro, 'to', rw);
        const offices = ro.office === undefined ? [] : Array.isArray(ro.office) ? ro.office : [ro.office];
        for (const off of offices) if (!OFFICES.includes(off as Office)) fail(rw, `unknown office ${JSON.stringify(off)} (expected ${OFFICES.join(', ')})`);
        if (ro.office !== undefined && ro.country === undefined && p.country === undefined) fail(rw, 'an office needs a country (on the role or the person)');
      });
    }
  });
  list('groups').forEach((g, i) => {
    const w = `groups[${i}]`;
    str(g, 'id', w, true); str(g, 'name', w, true); str(g, 'code', w, true); strs(g, 'aliases', w);
  });
  list('places').forEach((p, i) => {
    const w = `places[${i}]${p.name ? ` (${p.name})` : ''}`;
    str(p, 'name', w, true); a3(p, 'country', w, true); strs(p, 'aliases', w);
    if (p.kind !== undefined && p.kind !== 'city' && p.kind !== 'region') fail(w, '"kind" must be city or region');
  });
  if (doc.transliteration !== undefined && !isObject(doc.transliteration)) fail('transliteration', 'expected a mapping');
  if (doc.lexicons !== undefined) {
    if (!isObject(doc.lexicons)) fail('lexicons', 'expected a mapping of lexicon names to lists');
    for (const [name, v] of Object.entries(doc.lexicons as Record<string, unknown>)) {
      const okList = Array.isArray(v) && v.every((x) => typeof x === 'string');
      const okMap = isObject(v) && Object.values(v as object).every((x) => typeof x === 'string');
      if (!okList && !okMap) fail(`lexicons.${name}`, 'must be a list of strings or a mapping of words to codes');
    }
  }
  return doc as KbFile;
}

function isObject(v: unknown): boolean {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof Date);
}
