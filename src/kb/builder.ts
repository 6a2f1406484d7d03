// Builds the knowledge base from parsed files: actors with their name forms in the index,
// places, lexicons and terms of office, and the look-ups the rest of sitrep calls.
import type { Actor, Token } from '../model/types.ts';
import type { InstitutionType, KbFile, PersonSpec, StateSpec } from './schema.ts';
import { NameIndex } from './name-index.ts';
import { fold, slug, splitUnits } from './normalize.ts';
import { demonymPlural, expandCores, possessive, personVariants, spellingVariants, surnameVariants, type Transliteration } from './variants.ts';
import type { KbName, KnowledgeBase, NameMatch, Office, Place } from './types.ts';
import { isoCountryNames } from './iso-countries.ts';
import { BoundedMemo } from '../text/memo.ts';

const OFFICE_SECTOR: Record<Office, string> = { head_of_state: 'GOV', head_of_government: 'GOV', foreign_minister: 'GOV', defence_minister: 'MIL' };

interface Term { actor: string; from?: string; to?: string }

export class KbBuilder {
  readonly actors = new Map<string, Actor>();
  readonly index = new NameIndex();
  readonly places = new Map<string, Place[]>();   // folded name -> its readings, the usual one first
  readonly lexicons = new Map<string, string[]>();
  readonly maps = new Map<string, Map<string, string>>();   // lexicons that map words to codes
  readonly terms = new Map<string, Term[]>();     // "BLR head_of_state" -> terms
  readonly stateNames = new Map<string, { names: string[]; demonyms: string[] }>();
  readonly titlesDone = new Set<string>();
  readonly sharedCores = new Set<string>();        // folded org names borne by institutions of several countries
  translit: Transliteration | undefined;
  translitCountries = new Set<string>();

  /** With `explain`: for each indexed form and actor, the rule or listing that made it (for `kb find`). */
  readonly origins?: Map<string, string[]>;

  constructor(readonly files: KbFile[], options: { explain?: boolean } = {}) {
    if (options.explain) this.origins = new Map();
  }

  build(): KnowledgeBase {
    const { files } = this;
    for (const f of files) this.addLexicons(f);
    for (const f of files) this.addTransliteration(f);
    for (const f of files) for (const s of f.states ?? []) this.addState(s);
    for (const f of files) for (const g of f.igos ?? []) this.addIgo(g);
    for (const f of files) for (const g of f.groups ?? []) this.addGroup(g);
    const types = Object.assign({}, ...files.map((f) => f.institution_types ?? {}));
    const explicit = new Set(files.flatMap((f) => (f.orgs ?? []).map((o) => `${o.country} ${o.type}`)));
    for (const [type, t] of Object.entries(types) as [string, InstitutionType][]) {
      if (!t.all_states) continue;
      for (const code of this.stateNames.keys()) if (!explicit.has(`${code} ${type}`)) this.addOrg({ country: code, type }, types);
    }
    // a name that institutions of two countries bear ("Security Service") is matched only with its country
    const owners = new Map<string, Set<string>>();
    for (const f of files) for (const o of f.orgs ?? []) {
      if (o.type || !o.country) continue;
      for (const c of [o.name, ...(o.forms ?? [])]) if (c) owners.set(fold(c), (owners.get(fold(c)) ?? new Set()).add(o.country));
    }
    for (const [core, countries] of owners) if (countries.size > 1) this.sharedCores.add(core);
    for (const f of files) for (const o of f.orgs ?? []) this.addOrg(o, types);
    for (const p of mergePeople(files.flatMap((f) => f.people ?? []))) this.addPerson(p);
    for (const f of files) for (const p of f.places ?? []) this.addPlace(p.name, p.country, p.kind ?? 'city', p.aliases);
    this.addStateSectors();
    this.addOfficeTitles();
    for (const phrase of this.lexicons.get('not-names') ?? []) this.index.block(phrase);
    for (const word of this.lexicons.get('capital-blockers') ?? []) this.index.blockAfterCapital(word);
    for (const list of this.terms.values()) list.sort((a, b) => cmp(a.from, b.from));
    return this.api();
  }

  private api(): KnowledgeBase {
    const { actors, index, places, lexicons, terms } = this;
    const sectors = this.maps.get('sector-words') ?? new Map<string, string>();
    // the actors stage asks for every capitalised word it does not know: keep the answers
    const placeCache = new BoundedMemo<string, Place[]>(20_000);
    const lookUp = (name: string): Place[] => findPlaces(places, name);
    const placesOf = (name: string): Place[] => placeCache.get(name, lookUp);
    return {
      actors,
      get: (id: string) => actors.get(id),
      matchNames: (tokens: Token[]): NameMatch[] => index.match(tokens),
      place: (name: string) => placesOf(name)[0],
      places: placesOf,
      state: (alpha3: string) => actors.get(`state:${alpha3.toUpperCase()}`),
      officeHolder: (country: string, office: Office, date?: string) => {
        const list = terms.get(`${country.toUpperCase()} ${office}`) ?? [];
        const day = date?.slice(0, 10);
        const hit = day
          ? list.filter((t) => (!t.from || t.from <= day) && (!t.to || day < t.to))   // the last day belongs to the successor
          : list.filter((t) => !t.to);
        const best = hit[hit.length - 1];
        return best ? actors.get(best.actor) : undefined;
      },
      officeTerms: (country: string, office: Office) => (terms.get(`${country.toUpperCase()} ${office}`) ?? [])
        .map((t) => ({ actor: actors.get(t.actor)!, ...(t.from ? { from: t.from } : {}), ...(t.to ? { to: t.to } : {}) })),
      nameKey: (name: string) => nameKey(name, this.translit),
      qualified: (text: string, country: string) => index.qualified(text, country.toUpperCase()),
      origins: (text: string, actor: string) => this.origins?.get(`${formKey(text)}\t${actor}`) ?? [],
      lexicon: (name: string) => lexicons.get(name) ?? [],
      sectorCode: (word: string) => sectors.get(fold(word)),
    };
  }

  private actor(a: Actor): Actor {
    const old = this.actors.get(a.id);
    if (!old) { this.actors.set(a.id, a); return a; }
    // a later file extends an actor: more aliases, roles and memberships
    for (const al of a.aliases) if (!old.aliases.includes(al)) old.aliases.push(al);
    if (a.roles?.length) old.roles = [...(old.roles ?? []), ...a.roles];
    if (a.memberships?.length) old.memberships = [...(old.memberships ?? []), ...a.memberships];
    return old;
  }

  private name(form: string, name: KbName, alias?: Actor, strict = false, how?: string): void {
    this.index.add(form, name, strict);
    if (this.origins) {
      const key = `${formKey(form)}\t${name.actor}`;
      const list = this.origins.get(key) ?? [];
      const why = how ?? `listed ${name.form}`;
      if (!list.includes(why)) list.push(why);
      this.origins.set(key, list);
    }
    if (alias && form !== alias.name && !alias.aliases.includes(form) && name.form !== 'sector' && name.form !== 'title') alias.aliases.push(form);
  }

  private addLexicons(f: KbFile): void {
    for (const [name, v] of Object.entries(f.lexicons ?? {})) {
      const words = Array.isArray(v) ? v : Object.keys(v);
      const list = this.lexicons.get(name) ?? [];
      for (const w of words) if (!list.includes(w)) list.push(w);
      this.lexicons.set(name, list);
      if (!Array.isArray(v)) {
        const map = this.maps.get(name) ?? new Map<string, string>();
        this.maps.set(name, map);
        for (const [w, code] of Object.entries(v)) {
          map.set(fold(w), code);
          const byCode = this.lexicons.get(`${name}:${code}`) ?? [];
          byCode.push(w);
          this.lexicons.set(`${name}:${code}`, byCode);
        }
      }
    }
  }

  private addTransliteration(f: KbFile): void {
    const t = f.transliteration;
    if (!t) return;
    this.translit ??= { givenNames: new Map(), surnameEndings: [], spellings: [] };
    for (const c of t.countries ?? []) this.translitCountries.add(c);
    for (const group of t.given_names ?? []) for (const g of group) {
      const old = this.translit.givenNames.get(g.toLowerCase()) ?? [];
      this.translit.givenNames.set(g.toLowerCase(), [...new Set([...old, ...group])]);
    }
    for (const group of t.surname_endings ?? []) this.translit.surnameEndings.push(group);
    for (const rules of Object.values(t.spellings ?? {})) this.translit.spellings.push(rules);
  }

  private addState(s: StateSpec): void {
    const isoNames = isoCountryNames(s.code);
    const canonical = s.name ?? isoNames[0] ?? s.code;
    const id = `state:${s.code}`;
    const a = this.actor({ id, name: canonical, kind: 'state', code: s.code, aliases: [], country: s.code });
    const plain = [canonical, ...(s.names ?? []), ...isoNames.filter((n) => !n.includes(',') && !/^[A-Z.]+$/.test(n))];
    const prior = this.stateNames.get(s.code) ?? { names: [], demonyms: [] };
    for (const n of plain) {
      for (const v of withoutThe(n)) {
        this.name(v, { actor: id, form: 'name', code: s.code }, a, false, n === canonical ? 'canonical name' : s.names?.includes(n) ? 'listed name' : 'ISO 3166 name (i18n-iso-countries)');
        this.addPlace(v, s.code, 'country');
        if (!prior.names.includes(v) && !/\s(of|and)\s/.test(v)) prior.names.push(v);
      }
    }
    for (const ac of s.acronyms ?? []) {
      this.name(ac, { actor: id, form: 'acronym', code: s.code }, a);
      if (!prior.names.includes(ac)) prior.names.push(ac);   // "US Defense Department", "UK Foreign Office"
    }
    for (const d of s.demonyms ?? []) {
      this.name(d, { actor: id, form: 'demonym', code: s.code });
      const pl = demonymPlural(d);
      if (pl) this.name(pl, { actor: id, form: 'demonym', code: s.code }, undefined, false, `plural of the demonym "${d}" (by rule)`);
      if (!prior.demonyms.includes(d)) prior.demonyms.push(d);
    }
    this.stateNames.set(s.code, prior);
    const capitals = [s.capital, ...(s.capitals ?? [])].filter((c): c is string => !!c);
    for (const c of capitals) {
      if (s.capital_metonym !== false) this.name(c, { actor: id, form: 'capital', code: `${s.code}GOV` }, undefined, false, 'capital: stands for the government unless the context makes it a place');
      this.addPlace(c, s.code, 'city');
    }
    for (const seat of s.seats ?? []) {
      const [n, code] = typeof seat === 'string' ? [seat, `${s.code}GOV`] : [seat.name, seat.code];
      for (const v of withoutThe(n)) this.name(v, { actor: id, form: 'capital', code }, undefined, false, `seat of government (${code})`);
    }
  }

  private addIgo(g: NonNullable<KbFile['igos']>[number]): void {
    const id = `igo:${g.id ?? g.code}`;
    const a = this.actor({ id, name: g.name, kind: 'igo', code: g.code, aliases: [] });
    for (const n of [g.name, ...(g.aliases ?? [])]) for (const v of withoutThe(n, true)) for (const s of spellingVariants(v)) this.name(s, { actor: id, form: v === g.name ? 'name' : 'alias', code: g.code }, a, false, variantOf(s, v, v === g.name ? 'canonical name' : 'listed alias'));
    for (const ac of g.acronyms ?? []) this.name(ac, { actor: id, form: 'acronym', code: g.code }, a);
    for (const seat of g.seats ?? []) for (const v of withoutThe(seat)) this.name(v, { actor: id, form: 'capital', code: g.code }, undefined, false, 'seat: stands for the organisation');
    for (const [member, term] of Object.entries(g.members ?? {})) {
      const st = this.actors.get(`state:${member}`);
      if (!st) continue;
      const { from, to } = typeof term === 'string' ? { from: term, to: undefined } : term ?? {};
      st.memberships = [...(st.memberships ?? []), { org: id, ...(from ? { from } : {}), ...(to ? { to } : {}) }];
    }
  }

  private addGroup(g: NonNullable<KbFile['groups']>[number]): void {
    const a = this.actor({ id: g.id, name: g.name, kind: 'group', code: g.code, aliases: [] });
    for (const n of [g.name, ...(g.aliases ?? [])]) this.name(n, { actor: g.id, form: n === g.name ? 'name' : 'alias', code: g.code }, a);
  }

  private addOrg(o: NonNullable<KbFile['orgs']>[number], types: Record<string, InstitutionType>): void {
    const t = o.type ? types[o.type] : undefined;
    if (o.type && !t) throw new Error(`orgs: unknown institution type "${o.type}" (known: ${Object.keys(types).join(', ')})`);
    const core = o.name ?? t!.name;
    const country = o.country;
    const code = o.code ?? `${country ?? ''}${t?.sector ?? ''}`;
    const names = country ? this.stateNames.get(country) : undefined;
    const countryName = country ? this.actors.get(`state:${country}`)?.name ?? country : undefined;
    // a typed institution is named with its country ("Ministry of Defence of Belarus"); a named one as written
    const shared = !t && this.sharedCores.has(fold(core));
    const canonical = o.full_name ?? ((t || shared) && names
      ? (/ of |^(Ministry|Committee|Council|Department)\b/.test(core) ? `${core} of ${countryName}` : `${names.demonyms[0] ?? countryName} ${core}`)
      : core);
    const id = o.id ?? `org:${country ? country.toLowerCase() + '-' : ''}${slug(withoutThe(core)[0])}`;
    const a = this.actor({ id, name: canonical, kind: 'org', code, aliases: [], ...(country ? { country } : {}) });
    const kb: KbName = { actor: id, form: 'name', code };
    const strict = !!t?.strict_case;
    for (const v of withoutThe(canonical)) this.name(v, kb, a, strict, t && !o.full_name ? `canonical name, made from the institution type "${o.type}" and the country` : 'canonical name');
    const cores = [...withoutThe(core), ...(o.forms ?? []), ...(o.name && o.name !== t?.name ? [] : t?.forms ?? [])];
    const acronyms = o.acronyms ?? [];
    if (names && country) {
      for (const c of expandCores([...cores, ...acronyms])) this.index.addQualified(country, c, { ...kb, form: 'alias' }, strict);
      // only the plainest few qualified forms are kept as the actor's aliases
      for (const c of cores) for (const f of [`${names.demonyms[0]} ${c}`, `${c} of ${names.names[0]}`, `${possessive(names.names[0])} ${c}`]) {
        if (f !== a.name && !a.aliases.includes(f)) a.aliases.push(f);
      }
    }
    if (!t) for (const f of cores) if (!this.sharedCores.has(fold(f))) for (const v of spellingVariants(f)) this.name(v, { ...kb, form: 'alias' }, a, strict, variantOf(v, f, 'listed name, also matched without its country'));
    for (const al of o.aliases ?? []) for (const v of withoutThe(al, true)) for (const s of spellingVariants(v)) this.name(s, { ...kb, form: 'alias' }, a, false, variantOf(s, v, 'listed alias'));
    for (const ac of acronyms) this.name(ac, { ...kb, form: 'acronym' }, a);
  }

  private addPerson(p: PersonSpec): void {
    const id = p.id ?? `person:${slug(p.name)}`;
    const roles = (p.roles ?? []).map((r) => {
      const offices = r.office === undefined ? [] : Array.isArray(r.office) ? r.office : [r.office];
      const country = r.country ?? p.country;
      const code = r.code ?? (offices.length && country ? `${country}${OFFICE_SECTOR[offices[0]]}` : undefined);
      for (const off of offices) {
        const key = `${country} ${off}`;
        this.terms.set(key, [...(this.terms.get(key) ?? []), { actor: id, from: r.from, to: r.to }]);
        this.addTitle(country!, off, r.title);
      }
      return { role: { title: r.title, ...(r.org ? { org: r.org } : country ? { org: `state:${country}` } : {}), ...(r.from ? { from: r.from } : {}), ...(r.to ? { to: r.to } : {}) }, code };
    });
    const latest = [...roles].sort((a, b) => cmp(a.role.from, b.role.from)).filter((r) => r.code).pop();
    const code = p.code ?? latest?.code ?? (p.country ? `${p.country}GOV` : 'ELI');
    const a = this.actor({ id, name: p.name, kind: 'person', code, aliases: [], ...(p.country ? { country: p.country } : {}), ...(roles.length ? { roles: roles.map((r) => r.role) } : {}) });
    const t = p.country && this.translitCountries.has(p.country) ? this.translit : undefined;
    const kb: KbName = { actor: id, form: 'name', code };
    const fulls = new Set<string>();
    const fullHow = new Map<string, string>();
    for (const n of [p.name, ...(p.variants ?? [])]) for (const v of personVariants(n, t)) {
      fulls.add(v);
      if (!fullHow.has(v)) fullHow.set(v, v === p.name ? 'canonical name' : v === n ? 'listed variant' : `transliteration variant of "${n}" (by rule: given names, surname endings)`);
    }
    for (const f of fulls) this.name(f, { ...kb, form: f === p.name ? 'name' : 'alias' }, a, false, fullHow.get(f));
    const surnames = new Map<string, string>();   // surname -> how it was made
    if (!p.no_surname) for (const f of [p.name, ...(p.variants ?? [])]) {
      const parts = f.split(' ');
      // respellings are kept to full names: alone, a respelled Russian surname is often a Polish one (Novitsky -> Nowicki)
      const own = parts[parts.length - 1];
      if (parts.length > 1) for (const s of surnameVariants(own, t && { ...t, spellings: [] })) if (!surnames.has(s)) surnames.set(s, s === own ? `surname alone of "${f}"` : `surname ending variant of "${own}" (by rule), alone`);
    }
    for (const s of p.surnames ?? []) surnames.set(s, 'listed surname');
    for (const [s, how] of surnames) this.name(s, { ...kb, form: 'alias' }, a, false, how);
  }

  /** "the Belarusian President", "Poland's Foreign Minister": the office, resolved by date later. */
  private addTitle(country: string, office: Office, title: string): void {
    const done = `${country} ${office} ${title}`;
    if (this.titlesDone.has(done)) return;
    this.titlesDone.add(done);
    const kb: KbName = { actor: `state:${country}`, form: 'title', code: `${country}${OFFICE_SECTOR[office]}`, office };
    for (const v of spellingVariants(title)) this.index.addQualified(country, v, kb);
  }

  /** "the Belarusian military", "Russian authorities", "Poland's government": the state, with the sector's code. */
  private addStateSectors(): void {
    const map = this.maps.get('sector-words');
    for (const w of this.lexicons.get('sector-words') ?? []) this.index.addSuffix(w, { sector: map!.get(fold(w))! });
  }

  /** "the Iranian Foreign Minister", "Poland's top diplomat": for every state, from the office-titles lexicon. */
  private addOfficeTitles(): void {
    const map = this.maps.get('office-titles');
    for (const t of this.lexicons.get('office-titles') ?? []) {
      const office = map!.get(fold(t)) as Office;
      if (OFFICE_SECTOR[office]) this.index.addSuffix(t, { sector: OFFICE_SECTOR[office], office });
    }
  }

  private addPlace(name: string, country: string, kind: Place['kind'], aliases: string[] = []): void {
    for (const n of [name, ...aliases]) {
      const key = placeKey(n);
      const list = this.places.get(key) ?? [];
      if (list.some((p) => p.country === country)) {
        // a state's own name outranks a city of the same name in it
        if (kind === 'country') list.splice(list.findIndex((p) => p.country === country), 1, { name, country, kind });
      } else if (kind === 'country') list.unshift({ name, country, kind });
      else list.push({ name, country, kind });
      this.places.set(key, list);
    }
  }
}

const REGION_WORD = /\s+(region|oblast|province|district|voivodeship|governorate|area)$/;

/** A place's readings by name; "Lviv region" falls back to Lviv's country, "Poland's" to Poland. */
function findPlaces(places: Map<string, Place[]>, name: string): Place[] {
  const whole = placeKey(name);
  const key = whole.replace(/\s*'s?$/, '');
  const hit = places.get(whole) ?? places.get(key);
  if (hit) return hit;
  const m = REGION_WORD.exec(key);
  const base = m ? places.get(key.slice(0, m.index))?.filter((p) => p.kind !== 'country') : undefined;
  return base?.length ? base.map((b) => ({ name: name.trim(), country: b.country, kind: 'region' as const })) : [];
}

function placeKey(name: string): string {
  return fold(name).replace(/^the\s+/, '').replace(/[’']/g, "'").replace(/[-\s]+/g, ' ').trim();
}

/**
 * A name with a leading "the" is matched without it ("the Kremlin" -> "Kremlin"); the stage
 * takes the article. With `keepBeforeWord`, "the" stays before a single common word
 * ("the Alliance", "the Commission"), which alone would name too much.
 */
function withoutThe(name: string, keepBeforeWord = false): string[] {
  const m = /^the\s+(.+)$/i.exec(name);
  if (!m || (keepBeforeWord && !/\s/.test(m[1]))) return [name];
  return [m[1]];
}


/**
 * One key for the transliterations of a Slavic name ("Uladzimir Makarau", "Vladimir Makarov"):
 * a given name of an equivalence group becomes the group's first, a surname ending the first of
 * its group. Only when both apply, so that "Andrew Wilson" or "Tomasz Nowak" keep their own key.
 */
function nameKey(name: string, t: Transliteration | undefined): string {
  const parts = name.trim().split(/\s+/);
  // Polish names are spelled in their own alphabet, not transliterated: "Paweł Żukowski", "-ski"
  if (!t || parts.length < 2 || /[łżśćńąęźó]/i.test(name) || /ski$/i.test(name)) return name;
  const given = t.givenNames.get(parts[0].toLowerCase());
  const surname = parts[parts.length - 1];
  const low = surname.toLowerCase();
  let best: { end: string; to: string } | undefined;
  for (const group of t.surnameEndings) for (const end of group) {
    if (low.endsWith(end) && low.length > end.length + 1 && (!best || end.length > best.end.length)) best = { end, to: group[0] };
  }
  if (!given || !best) return name;
  return [given[0], ...parts.slice(1, -1), surname.slice(0, surname.length - best.end.length) + best.to].join(' ');
}

/** The index key of a form: its folded units (as NameIndex keys them). */
function formKey(form: string): string {
  return splitUnits(form).map((u) => u.norm).join(' ');
}

/** How a spelling variant came about. */
function variantOf(v: string, listed: string, how: string): string {
  return v === listed ? how : `spelling variant of "${listed}" (by rule: Defence/Defense, Organisation/Organization...)`;
}

/** Order ISO days, absent first (plain comparison: localeCompare would load the collator). */
function cmp(a: string | undefined, b: string | undefined): number {
  const x = a ?? '';
  const y = b ?? '';
  return x < y ? -1 : x > y ? 1 : 0;
}

/** People listed more than once (a user file adding a role) become one entry before indexing, so the code sees every role. */
function mergePeople(list: PersonSpec[]): PersonSpec[] {
  const byId = new Map<string, PersonSpec>();
  for (const p of list) {
    const id = p.id ?? `person:${slug(p.name)}`;
    const old = byId.get(id);
    if (!old) { byId.set(id, { ...p, roles: [...(p.roles ?? [])] }); continue; }
    old.variants = [...new Set([...(old.variants ?? []), ...(p.variants ?? [])])];
    old.surnames = [...new Set([...(old.surnames ?? []), ...(p.surnames ?? [])])];
    old.roles = [...(old.roles ?? []), ...(p.roles ?? [])];
    old.code = p.code ?? old.code;
    old.country = old.country ?? p.country;
    old.no_surname = old.no_surname || p.no_surname;
  }
  return [...byId.values()];
}
