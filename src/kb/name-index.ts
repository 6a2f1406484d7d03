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

export class NameIndex {
  private readonly forms = new Map<string, FormEntry[]>();   // joined folded units -> readings
  private readonly longest = new Map<string, number>();      // first folded unit -> most units of a form
  private readonly suffixes = new Map<string, { suffix: Suffix; units: string[]; exact: boolean[] }>();
  private readonly suffixLongest = new Map<string, number>();
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

  /** A phrase that holds a name but names nothing ("Latin America"): matched, then dropped. */
  block(phrase: string): void {
    this.add(phrase, { actor: '', form: 'name' });
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
      let found: { n: number; entries: KbName[] } | undefined;
      let state: { n: number; entries: KbName[] } | undefined;   // the longest state name here, to compose with
      const max = Math.min(this.longest.get(units[i].norm) ?? 0, units.length - i);
      for (let n = max; n >= 1 && !(found && state); n--) {
        const end = units[i + n - 1];
        // a match must end where a token ends, so "Poland" never matches inside "Polandia"
        if (n < units.length - i && units[i + n].firstToken === end.lastToken && units[i + n].from === end.to) continue;
        const list = this.forms.get(keyOf(units, i, n));
        if (!list) continue;
        const ok = list.filter((e) => casesFit(e, units, i)).map((e) => e.name);
        if (!ok.length) continue;
        found ??= { n, entries: ok };
        const states = ok.filter((e) => e.actor.startsWith('state:') && (e.form === 'name' || e.form === 'acronym' || e.form === 'demonym'));
        if (!state && states.length) state = { n, entries: states };
      }
      const composed = state && this.compose(units, i, state.n, state.entries);
      if (composed && (!found || composed.n >= found.n)) {
        found = found && found.n === composed.n ? { n: found.n, entries: [...found.entries, ...composed.entries] } : composed;
      }
      if (!found) { i++; continue; }
      const a = units[i].firstToken;
      const b = units[i + found.n - 1].lastToken;
      const entries = distinct(found.entries.filter((e) => e.actor !== '').sort((x, y) => FORM_RANK[x.form] - FORM_RANK[y.form]));
      if (entries.length) out.push({ first: a, last: b, text: tokensText(tokens, a, b), entries });
      i += found.n;
    }
  }

  /** A state's name followed by a sector or office phrase ("Russia's top brass"), as one match. */
  private compose(units: TextUnit[], i: number, n: number, states: KbName[]): { n: number; entries: KbName[] } | undefined {
    let at = i + n;
    const demonym = states.every((e) => e.form === 'demonym');
    if (!demonym && units[at]?.norm === "'s") at++;
    if (at >= units.length) return undefined;
    const max = Math.min(this.suffixLongest.get(units[at].norm) ?? 0, units.length - at);
    for (let k = max; k >= 1; k--) {
      const hit = this.suffixes.get(keyOf(units, at, k));
      if (!hit || hit.exact.some((x, j) => x && units[at + j].text !== hit.units[j])) continue;
      const end = units[at + k - 1];
      if (at + k < units.length && units[at + k].firstToken === end.lastToken && units[at + k].from === end.to) continue;
      const entries = states.map((e): KbName => {
        const country = (e.code ?? e.actor.slice(6)).slice(0, 3);
        return hit.suffix.office
          ? { actor: e.actor, form: 'title', code: country + hit.suffix.sector, office: hit.suffix.office }
          : { actor: e.actor, form: 'sector', code: country + hit.suffix.sector };
      });
      return { n: at + k - i, entries };
    }
    return undefined;
  }
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
 */
function textUnits(tokens: Token[], first: number, last: number): TextUnit[] {
  let s = '';
  const tokenAt: number[] = [];
  for (let t = first; t <= last; t++) {
    const piece = tokens[t].text + (tokens[t].space && t < last ? ' ' : '');
    s += piece;
    for (let k = 0; k < piece.length; k++) tokenAt.push(t);
  }
  return splitUnits(s).map((u) => ({ ...u, firstToken: tokenAt[u.from], lastToken: tokenAt[u.to - 1] }));
}
