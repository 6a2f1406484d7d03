// The actors stage's word lists (data/lexicons/actors.yaml), loaded once into phrase tables.
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import type { Office } from '../../kb/types.ts';
import { PhraseTable } from './phrases.ts';

export type MinistryType = 'defence' | 'foreign' | 'interior';

export interface ActorWords {
  sectors: PhraseTable<string>;          // head noun -> sector code
  offices: PhraseTable<Office>;
  titles: PhraseTable<string>;           // position word -> sector code or ''
  titleModifiers: Set<string>;
  roleSectors: PhraseTable<string>;
  ministries: PhraseTable<MinistryType>;
  ministryCodes: Record<MinistryType, string>;
  speechVerbs: Set<string>;
  placePrepositions: Set<string>;
  placeNouns: Set<string>;
  motionWords: Set<string>;
  orgHeads: PhraseTable<string>;         // last word of an institution or outlet name -> ELI / MED
  notNames: Set<string>;
  /** Days and months a wire report writes right after an actor's name ("Israel Friday"). */
  weekdays: Set<string>;
  months: Set<string>;
  regionPrefixes: Set<string>;
  nameConnectors: Set<string>;
  nameParticles: Set<string>;
  /** Words that make a name a region inside a country ("the Georgia governor"). */
  regionalCues: PhraseTable<true>;
  /** Titles that, after "the", point back to a person named with that title. */
  corefTitles: PhraseTable<string>;
  /** Institutions that, with "the" and no country, are the document's country's. */
  focusInstitutions: PhraseTable<string>;
  /** Every single word that appears in a title, sector or ministry phrase: such words are no names. */
  roleWords: Set<string>;
}

interface WordsFile {
  sectors: Record<string, string[]>;
  offices: Record<Office, string[]>;
  titles: Record<string, string>;
  title_modifiers: string[];
  role_sectors: Record<string, string[]>;
  ministries: Record<MinistryType, string[]>;
  ministry_codes: Record<MinistryType, string>;
  speech_verbs: string[];
  place_prepositions: string[];
  place_nouns: string[];
  motion_words: string[];
  org_heads: Record<string, string[]>;
  not_names: string[];
  weekdays: string[];
  months: string[];
  region_prefixes: string[];
  name_connectors: string[];
  name_particles: string[];
  regional_cues: string[];
  coref_titles: string[];
  focus_institutions: string[];
}

let cached: ActorWords | undefined;

function table<T>(groups: Record<string, string[]>, value: (key: string) => T): PhraseTable<T> {
  const t = new PhraseTable<T>();
  for (const [key, phrases] of Object.entries(groups)) for (const p of phrases) t.add(p, value(key));
  return t;
}

export function actorWords(): ActorWords {
  if (cached) return cached;
  const raw = parse(readFileSync(new URL('../../../data/lexicons/actors.yaml', import.meta.url), 'utf8')) as WordsFile;
  const titles = new PhraseTable<string>();
  for (const [p, code] of Object.entries(raw.titles)) titles.add(p, code ?? '');
  const roleWords = new Set<string>();
  const addWords = (phrases: string[]) => { for (const p of phrases) for (const w of p.split(/\s+/)) roleWords.add(w); };
  addWords(Object.keys(raw.titles));
  for (const list of Object.values(raw.sectors)) addWords(list);
  for (const list of Object.values(raw.ministries)) addWords(list);
  addWords(raw.title_modifiers);
  for (const w of raw.name_connectors) roleWords.delete(w);
  cached = {
    sectors: table(raw.sectors, (k) => k),
    offices: table(raw.offices as Record<string, string[]>, (k) => k as Office),
    titles,
    titleModifiers: new Set(raw.title_modifiers),
    roleSectors: table(raw.role_sectors, (k) => k),
    ministries: table(raw.ministries as Record<string, string[]>, (k) => k as MinistryType),
    ministryCodes: raw.ministry_codes,
    speechVerbs: new Set(raw.speech_verbs),
    placePrepositions: new Set(raw.place_prepositions),
    placeNouns: new Set(raw.place_nouns),
    motionWords: new Set(raw.motion_words),
    orgHeads: table(raw.org_heads, (k) => k),
    notNames: new Set(raw.not_names),
    weekdays: new Set(raw.weekdays ?? []),
    months: new Set(raw.months ?? []),
    regionPrefixes: new Set(raw.region_prefixes),
    nameConnectors: new Set(raw.name_connectors.map(String)),
    nameParticles: new Set(raw.name_particles),
    regionalCues: table({ cue: raw.regional_cues ?? [] }, () => true as const),
    focusInstitutions: (() => { const t = new PhraseTable<string>(); for (const p of raw.focus_institutions ?? []) t.add(p, p); return t; })(),
    corefTitles: (() => { const t = new PhraseTable<string>(); for (const p of raw.coref_titles ?? []) t.add(p, p); return t; })(),
    roleWords,
  };
  return cached;
}
