// The name index: every form of every actor, keyed by its folded units, and a one-pass matcher
// that finds the longest form starting at each position of a token list.
import type { Token } from '../model/types.ts';
import type { KbName, NameMatch } from './types.ts';
import { isAcronym, splitUnits, type Unit } from './normalize.ts';

/** How a unit of a form must be written in the text. */
const enum Case { Any, Capital, Exact }

interface FormEntry { name: KbName; units: string[]; cases: Case[] }

const FORM_RANK: Record<KbName['form'], number> = { name: 0, acronym: 1, alias: 2, title: 3, capital: 4, demonym: 5, sector: 6 };

/** What a phrase after a state's name adds: "military" -> sector MIL, "top diplomat" -> an office. */
export interface Suffix { sector: string; office?: KbName['office'] }

/** A unit of the text, with the tokens it spans. */
interface TextUnit extends Unit { firstToken: number; lastToken: number }

/** A phrase qualified by a state ("Defence Ministry", "President"), as written. */
interface Core { units: string[]; exact: boolean[]; capital: boolean[]; byCountry: Map<string, { name: KbName; strict: boolean }[]> }

type Hit = { n: number; entries: KbName[] };

export class NameIndex {
  private readonly forms = new Map<string, FormEntry[]>();   // joined folded units -> readings
  private readonly longest = new Map<string, number>();      // first folded unit -> most units of a form
  private readonly suffixes = new Map<string, { suffix: Suffix; units: string[]; exact: boolean[] }>();
  private readonly suffixLongest = new Map<string, number>();
  private readonly cores = new Map<string, Core>();
  private readonly coreLongest = new Map<string, number>();
  private readonly coreKeys = new Map<string, string>();    // core as written -> folded key
  private readonly capitalBlockers = new Set<string>();     // "summit": "the Warsaw summit" is no metonym
  size = 0;

  /**
   * A phrase that, after a state's name or demonym, names a part of that state:
   * "the Belarusian military", "Poland's top brass", "the Iranian Foreign Minister".
   * Composed at match time, so it costs one entry, not one per state.
   */
  addSuffix(phrase: string, suffix: Suffix): void {
    const units = splitUnits(phrase);
    if (!units.length) return;
    const key = units.map((u) => u.norm).join(' ');
    if (this.suffixes.has(key)) return;
    this.suffixes.set(key, { suffix, units: units.map((u) => u.text), exact: units.map((u) => isAcronym(u.text)) });
    if ((this.suffixLongest.get(units[0].norm) ?? 0) < units.length) this.suffixLongest.set(units[0].norm, units.length);
  }

  /**
   * A name that one state qualifies, in any of the ways reporting does: "Belarusian Defence
   * Ministry", "Belarus' Defence Ministry", "Belarus Defence Ministry", "Defence Ministry of
   * (the Republic of) Belarus". Composed at match time from the state's own forms.
   * With `strict`, every capitalised word must be capitalised ("Armed Forces").
   */
  addQualified(country: string, core: string, name: KbName, strict = false): void {
    let key = this.coreKeys.get(core);
    if (key === undefined) {
      const units = splitUnits(core);
      if (!units.length) return;
      key = units.map((u) => u.norm).join(' ');
      this.coreKeys.set(core, key);
      if (!this.cores.has(key)) {
        this.cores.set(key, {
          units: units.map((u) => u.text), exact: units.map((u) => isAcronym(u.text)),
          capital: units.map((u) => /^\p{Lu}/u.test(u.text)), byCountry: new Map(),
        });
        if ((this.coreLongest.get(units[0].norm) ?? 0) < units.length) this.coreLongest.set(units[0].norm, units.length);
      }
    }
    const c = this.cores.get(key)!;
    const list = c.byCountry.get(country) ?? [];
    if (!list.some((e) => e.name.actor === name.actor && e.name.office === name.office && e.strict === strict)) list.push({ name, strict });
    c.byCountry.set(country, list);
    this.size++;
  }

  /**
   * Add one written form for an actor. Forms that cut into no word are ignored. The first
   * capitalised word must be capitalised in the text too ("Turkey", not "turkey"); with
   * `strict`, every capitalised word ("Armed Forces", not "armed forces").
   */
  add(form: string, name: KbName, strict = false): void {
    const units = splitUnits(form);
    if (units.length === 0 || !units.some((u) => /[\p{L}\p{N}]/u.test(u.norm))) return;
    const whole = isAcronym(form);
    let capitalSeen = false;
    const cases = units.map((u) => {
      if (whole || isAcronym(u.text)) return Case.Exact;
      if ((strict || !capitalSeen) && /^\p{Lu}/u.test(u.text)) { capitalSeen = true; return Case.Capital; }
      return Case.Any;
    });
    const key = units.map((u) => u.norm).join(' ');
    const list = this.forms.get(key);
    const entry: FormEntry = { name, units: units.map((u) => u.text), cases };
    if (!list) this.forms.set(key, [entry]);
    else {
      const same = list.find((e) => e.name.actor === name.actor && e.name.code === name.code && e.name.office === name.office
        && e.cases.join() === cases.join() && e.units.join() === entry.units.join());
      if (same) { if (FORM_RANK[name.form] < FORM_RANK[same.name.form]) same.name = name; return; }
      list.push(entry);
    }
    this.size++;
    const first = units[0].norm;
    if ((this.longest.get(first) ?? 0) < units.length) this.longest.set(first, units.length);
  }

  /** A word after a capital that makes it a name of an event or a text, not of a government ("Minsk agreements"). */
  blockAfterCapital(word: string): void {
    for (const u of splitUnits(word)) this.capitalBlockers.add(u.norm);
  }

  /** A phrase that holds a name but names nothing ("Latin America"): matched, then dropped. */
  block(phrase: string): void {
    this.add(phrase, { actor: '', form: 'name' });
  }

  /**
   * The readings a state gives a qualified name written without the state ("the General Staff"
   * in a document about one country), with the text's capitals checked as for a match.
   */
  qualified(text: string, country: string): KbName[] {
    const units = splitUnits(text);
    const c = this.cores.get(units.map((u) => u.norm).join(' '));
    if (!c || c.exact.some((x, j) => x && units[j].text !== c.units[j])) return [];
    const capitalsOk = c.capital.every((cap, j) => !cap || /^\p{Lu}/u.test(units[j].text));
    return (c.byCountry.get(country) ?? []).filter((e) => !e.strict || capitalsOk).map((e) => e.name);
  }

  /** Longest match at each position, left to right, never across sentences. */
  match(tokens: Token[]): NameMatch[] {
    const out: NameMatch[] = [];
    let from = 0;
    while (from < tokens.length) {
      let to = from;
      while (to + 1 < tokens.length && tokens[to + 1].sentence === tokens[from].sentence) to++;
      this.matchSpan(tokens, from, to, out);
      from = to + 1;
    }
    return out;
  }

  private matchSpan(tokens: Token[], first: number, last: number, out: NameMatch[]): void {
    const units = textUnits(tokens, first, last);
    let i = 0;
    while (i < units.length) {
      if (!this.longest.has(units[i].norm) && !this.coreLongest.has(units[i].norm)) { i++; continue; }
      const { found, state } = this.lookup(units, i);
      let best = found;
      if (state) best = longer(best, this.afterState(units, i, state));
      best = longer(best, this.coreOfState(units, i));
      if (!best) { i++; continue; }
      const a = units[i].firstToken;
      const b = units[i + best.n - 1].lastToken;
      const next = units[i + best.n];
      const blocked = next && this.capitalBlockers.has(next.norm);
      const entries = distinct(best.entries.filter((e) => e.actor !== '' && !(blocked && e.form === 'capital'))
        .sort((x, y) => FORM_RANK[x.form] - FORM_RANK[y.form]));
      if (entries.length) out.push({ first: a, last: b, text: tokensText(tokens, a, b), entries });
      i += best.n;
    }
  }

  /** The longest stored form at `i`, and the longest that names a state (to compose with). */
  private lookup(units: TextUnit[], i: number): { found?: Hit; state?: Hit } {
    let found: Hit | undefined;
    let state: Hit | undefined;
    const max = Math.min(this.longest.get(units[i].norm) ?? 0, units.length - i);
    for (let n = max; n >= 1 && !(found && state); n--) {
      if (!endsAtToken(units, i, n)) continue;
      const list = this.forms.get(keyOf(units, i, n));
      if (!list) continue;
      const ok = list.filter((e) => casesFit(e, units, i)).map((e) => e.name);
      if (!ok.length) continue;
      found ??= { n, entries: ok };
      const states = ok.filter((e) => e.actor.startsWith('state:') && (e.form === 'name' || e.form === 'acronym' || e.form === 'demonym'));
      if (!state && states.length) state = { n, entries: states };
    }
    return { found, state };
  }

  /** A state's name, then a qualified name or a sector/office phrase: "Russia's FSB", "Russia's top brass". */
  private afterState(units: TextUnit[], i: number, state: Hit): Hit | undefined {
    let at = i + state.n;
    if (state.entries.some((e) => e.form !== 'demonym') && units[at]?.norm === "'s") at++;
    if (at >= units.length) return undefined;
    const countries = [...new Set(state.entries.map((e) => e.actor.slice(6)))];
    let best: Hit | undefined;
    const core = this.coreAt(units, at, countries);
    if (core) best = { n: at - i + core.n, entries: core.entries };
    const max = Math.min(this.suffixLongest.get(units[at].norm) ?? 0, units.length - at);
    for (let k = max; k >= 1; k--) {
      if (best && at - i + k < best.n) break;
      const hit = this.suffixes.get(keyOf(units, at, k));
      if (!hit || !endsAtToken(units, at, k) || hit.exact.some((x, j) => x && units[at + j].text !== hit.units[j])) continue;
      const entries = countries.map((country): KbName => hit.suffix.office
        ? { actor: `state:${country}`, form: 'title', code: country + hit.suffix.sector, office: hit.suffix.office }
        : { actor: `state:${country}`, form: 'sector', code: country + hit.suffix.sector });
      const n = at - i + k;
      best = best && best.n === n ? { n, entries: [...best.entries, ...entries] } : best && best.n > n ? best : { n, entries };
      break;
    }
    return best;
  }

  /** A qualified name, then "of (the) <state>": "Ministry of Defence of the Republic of Belarus". */
  private coreOfState(units: TextUnit[], i: number): Hit | undefined {
    const max = Math.min(this.coreLongest.get(units[i].norm) ?? 0, units.length - i);
    for (let k = max; k >= 1; k--) {
      let at = i + k;
      if (units[at]?.norm !== 'of' || !this.cores.has(keyOf(units, i, k))) continue;
      at++;
      if (units[at]?.norm === 'the') at++;
      if (at >= units.length) continue;
      const { state } = this.lookup(units, at);
      if (!state || state.entries.every((e) => e.form === 'demonym')) continue;
      const countries = state.entries.filter((e) => e.form !== 'demonym').map((e) => e.actor.slice(6));
      const core = this.coreAt(units, i, countries, k);
      if (core) return { n: at - i + state.n, entries: core.entries };
    }
    return undefined;
  }

  /** The longest qualified name at `at` that the given states have (of exactly `only` units if given). */
  private coreAt(units: TextUnit[], at: number, countries: string[], only?: number): Hit | undefined {
    const max = only ?? Math.min(this.coreLongest.get(units[at].norm) ?? 0, units.length - at);
    for (let k = max; k >= (only ?? 1); k--) {
      const c = this.cores.get(keyOf(units, at, k));
      if (!c || !endsAtToken(units, at, k)) continue;
      if (c.exact.some((x, j) => x && units[at + j].text !== c.units[j])) continue;
      const capitalsOk = c.capital.every((cap, j) => !cap || /^\p{Lu}/u.test(units[at + j].text));
      const entries = countries.flatMap((country) => (c.byCountry.get(country) ?? []).filter((e) => !e.strict || capitalsOk).map((e) => e.name));
      if (entries.length) return { n: k, entries };
    }
    return undefined;
  }
}

/** The longer of two hits; of two as long, the readings of both. */
function longer(a: Hit | undefined, b: Hit | undefined): Hit | undefined {
  if (!a || !b) return a ?? b;
  if (a.n !== b.n) return a.n > b.n ? a : b;
  return { n: a.n, entries: [...a.entries, ...b.entries] };
}

/** A match must end where a token ends, so "Poland" never matches inside "Polandia". */
function endsAtToken(units: TextUnit[], i: number, n: number): boolean {
  const end = units[i + n - 1];
  const next = units[i + n];
  return !next || next.firstToken !== end.lastToken || next.from !== end.to;
}

/** One reading per actor, code and office: the best-ranked form. */
function distinct(names: KbName[]): KbName[] {
  const seen = new Set<string>();
  return names.filter((n) => {
    const k = `${n.actor} ${n.code} ${n.office}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

function keyOf(units: TextUnit[], i: number, n: number): string {
  let key = units[i].norm;
  for (let k = 1; k < n; k++) key += ' ' + units[i + k].norm;
  return key;
}

function casesFit(e: FormEntry, units: TextUnit[], at: number): boolean {
  for (let k = 0; k < e.cases.length; k++) {
    const text = units[at + k].text;
    if (e.cases[k] === Case.Exact && text !== e.units[k]) return false;
    if (e.cases[k] === Case.Capital && !/^\p{Lu}/u.test(text)) return false;
  }
  return true;
}

function tokensText(tokens: Token[], a: number, b: number): string {
  let s = '';
  for (let t = a; t <= b; t++) s += tokens[t].text + (t < b && tokens[t].space ? ' ' : '');
  return s;
}

/**
 * Re-cut the tokens of one sentence into units. Tokens written together are joined first, so
 * that a split the tokenizer made inside a word ("Ł" + "ukaszenka") does not hide the name.
 * A space always ends a unit, so each run of tokens written together is cut on its own, and the
 * cut of a run's text is kept: a text's runs are mostly words that come back in every document.
 * Offsets are those in the sentence written with one space between runs.
 */
function textUnits(tokens: Token[], first: number, last: number): TextUnit[] {
  const units: TextUnit[] = [];
  let offset = 0;   // where the run begins in the sentence
  let t = first;
  while (t <= last) {
    let e = t;
    let text = tokens[t].text;
    while (e < last && !tokens[e].space) text += tokens[++e].text;
    const cut = cutRun(text);
    if (e === t) {
      for (const u of cut) units.push({ text: u.text, norm: u.norm, from: offset + u.from, to: offset + u.to, firstToken: t, lastToken: t });
    } else {
      // the run's tokens: the last that begins at or before a unit's start, and before its end
      let k = t;
      let kEnd = tokens[t].text.length;   // where token k + 1 begins in the run
      for (const u of cut) {
        while (k < e && kEnd <= u.from) kEnd += tokens[++k].text.length;
        let j = k;
        let jEnd = kEnd;
        while (j < e && jEnd < u.to) jEnd += tokens[++j].text.length;
        units.push({ text: u.text, norm: u.norm, from: offset + u.from, to: offset + u.to, firstToken: k, lastToken: j });
      }
    }
    offset += text.length + 1;
    t = e + 1;
  }
  return units;
}

const RUN_CACHE_LIMIT = 50_000;
const runUnits = new Map<string, readonly Unit[]>();

/** The units of a run of tokens written together; cached (and never changed by the callers). */
function cutRun(text: string): readonly Unit[] {
  let units = runUnits.get(text);
  if (units === undefined) {
    if (runUnits.size >= RUN_CACHE_LIMIT) runUnits.clear();
    units = splitUnits(text);
    runUnits.set(text, units);
  }
  return units;
}
