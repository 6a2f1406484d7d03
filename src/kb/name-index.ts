// The name index: every form of every actor, keyed by its folded units, and a one-pass matcher
// that finds the longest form starting at each position of a token list.
import type { Token } from '../model/types.ts';
import type { KbName, NameMatch } from './types.ts';
import { isAcronym, splitUnits, type Unit } from './normalize.ts';
import { BoundedMemo } from '../text/memo.ts';

/** How a unit of a form must be written in the text. */
const enum Case { Any, Capital, Exact }

interface FormEntry { name: KbName; units: string[]; cases: Case[] }

const FORM_RANK: Record<KbName['form'], number> = { name: 0, acronym: 1, alias: 2, title: 3, capital: 4, demonym: 5, sector: 6 };

/** What a phrase after a state's name adds: "military" -> sector MIL, "top diplomat" -> an office. */
export interface Suffix { sector: string; office?: KbName['office'] }

/**
 * A trie over folded units: a form is found by walking the text's units from its first one,
 * without joining them into a key. `depth` is the number of units from the root.
 */
interface UnitNode<T> { value?: T; next?: Map<string, UnitNode<T>>; parent?: UnitNode<T>; depth: number }

function trieAdd<T>(root: Map<string, UnitNode<T>>, norms: string[], value: T): void {
  let node: UnitNode<T> | undefined;
  let level = root;
  for (let k = 0; k < norms.length; k++) {
    let child = level.get(norms[k]);
    if (!child) { child = { parent: node, depth: k + 1 }; level.set(norms[k], child); }
    node = child;
    if (k + 1 < norms.length) level = node.next ??= new Map();
  }
  node!.value = value;
}

/** A phrase qualified by a state ("Defence Ministry", "President"), as written. */
interface Core { units: string[]; exact: boolean[]; capital: boolean[]; byCountry: Map<string, { name: KbName; strict: boolean }[]> }

type Hit = { n: number; entries: KbName[] };

interface SuffixEntry { suffix: Suffix; units: string[]; exact: boolean[] }

export class NameIndex {
  private readonly forms = new Map<string, FormEntry[]>();   // joined folded units -> readings
  private readonly formTrie = new Map<string, UnitNode<FormEntry[]>>();
  private readonly suffixes = new Map<string, SuffixEntry>();
  private readonly suffixTrie = new Map<string, UnitNode<SuffixEntry>>();
  private readonly cores = new Map<string, Core>();
  private readonly coreTrie = new Map<string, UnitNode<Core>>();
  /** The sentence being matched, and the cut runs of text seen (with the forms and qualified names each unit begins). */
  private readonly units = new TextUnits(this.formTrie, this.coreTrie);
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
    const entry = { suffix, units: units.map((u) => u.text), exact: units.map((u) => isAcronym(u.text)) };
    this.suffixes.set(key, entry);
    trieAdd(this.suffixTrie, units.map((u) => u.norm), entry);
    this.units.forget();
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
        const c: Core = {
          units: units.map((u) => u.text), exact: units.map((u) => isAcronym(u.text)),
          capital: units.map((u) => /^\p{Lu}/u.test(u.text)), byCountry: new Map(),
        };
        this.cores.set(key, c);
        trieAdd(this.coreTrie, units.map((u) => u.norm), c);
        this.units.forget();
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
    if (!list) {
      const readings = [entry];
      this.forms.set(key, readings);
      trieAdd(this.formTrie, units.map((u) => u.norm), readings);
      this.units.forget();
    } else {
      const same = list.find((e) => e.name.actor === name.actor && e.name.code === name.code && e.name.office === name.office
        && e.cases.join() === cases.join() && e.units.join() === entry.units.join());
      if (same) { if (FORM_RANK[name.form] < FORM_RANK[same.name.form]) same.name = name; return; }
      list.push(entry);
    }
    this.size++;
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
    const u = this.units;
    u.cut(tokens, first, last);
    const len = u.length;
    let i = 0;
    while (i < len) {
      if (!u.formNode[i] && !u.coreNode[i]) { i++; continue; }
      const { found, state } = this.lookup(u, i);
      let best = found;
      if (state) best = longer(best, this.afterState(u, i, state));
      best = longer(best, this.coreOfState(u, i));
      if (!best) { i++; continue; }
      const a = u.firstToken[i];
      const b = u.lastToken[i + best.n - 1];
      const blocked = i + best.n < len && this.capitalBlockers.has(u.norm[i + best.n]);
      const entries = distinct(best.entries.filter((e) => e.actor !== '' && !(blocked && e.form === 'capital'))
        .sort((x, y) => FORM_RANK[x.form] - FORM_RANK[y.form]));
      if (entries.length) out.push({ first: a, last: b, text: tokensText(tokens, a, b), entries });
      i += best.n;
    }
  }

  /** The longest stored form at `i`, and the longest that names a state (to compose with). */
  private lookup(u: TextUnits, i: number): { found?: Hit; state?: Hit } {
    let found: Hit | undefined;
    let state: Hit | undefined;
    for (let node = deepest(u.formNode[i], u, i); node && !(found && state); node = node.parent) {
      const list = node.value;
      const n = node.depth;
      if (!list || !u.endsAtToken(i, n)) continue;
      const ok: KbName[] = [];
      for (const e of list) if (casesFit(e, u, i)) ok.push(e.name);
      if (!ok.length) continue;
      found ??= { n, entries: ok };
      const states = ok.filter((e) => e.actor.startsWith('state:') && (e.form === 'name' || e.form === 'acronym' || e.form === 'demonym'));
      if (!state && states.length) state = { n, entries: states };
    }
    return { found, state };
  }

  /** A state's name, then a qualified name or a sector/office phrase: "Russia's FSB", "Russia's top brass". */
  private afterState(u: TextUnits, i: number, state: Hit): Hit | undefined {
    let at = i + state.n;
    if (state.entries.some((e) => e.form !== 'demonym') && at < u.length && u.norm[at] === "'s") at++;
    if (at >= u.length) return undefined;
    const countries = [...new Set(state.entries.map((e) => e.actor.slice(6)))];
    let best: Hit | undefined;
    const core = this.coreAt(u, at, countries);
    if (core) best = { n: at - i + core.n, entries: core.entries };
    for (let node = deepest(this.suffixTrie.get(u.norm[at]), u, at); node; node = node.parent) {
      const k = node.depth;
      if (best && at - i + k < best.n) break;
      const hit = node.value;
      if (!hit || !u.endsAtToken(at, k) || hit.exact.some((x, j) => x && u.text[at + j] !== hit.units[j])) continue;
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
  private coreOfState(u: TextUnits, i: number): Hit | undefined {
    for (let node = deepest(u.coreNode[i], u, i); node; node = node.parent) {
      const k = node.depth;
      let at = i + k;
      if (!node.value || at >= u.length || u.norm[at] !== 'of') continue;
      at++;
      if (at < u.length && u.norm[at] === 'the') at++;
      if (at >= u.length) continue;
      const { state } = this.lookup(u, at);
      if (!state || state.entries.every((e) => e.form === 'demonym')) continue;
      const countries = state.entries.filter((e) => e.form !== 'demonym').map((e) => e.actor.slice(6));
      const core = coreHit(node.value, u, i, k, countries);
      if (core) return { n: at - i + state.n, entries: core.entries };
    }
    return undefined;
  }

  /** The longest qualified name at `at` that the given states have. */
  private coreAt(u: TextUnits, at: number, countries: string[]): Hit | undefined {
    for (let node = deepest(u.coreNode[at], u, at); node; node = node.parent) {
      const hit = node.value && coreHit(node.value, u, at, node.depth, countries);
      if (hit) return hit;
    }
    return undefined;
  }
}

/** The deepest node of a trie that the units from `i` reach from `first`, the node of unit i (its ancestors are the shorter prefixes). */
function deepest<T>(first: UnitNode<T> | undefined, u: TextUnits, i: number): UnitNode<T> | undefined {
  let node = first;
  if (!node) return undefined;
  for (let k = i + 1; k < u.length && node.next; k++) {
    const child: UnitNode<T> | undefined = node.next.get(u.norm[k]);
    if (!child) break;
    node = child;
  }
  return node;
}

/** The readings of a qualified name of `k` units at `at` for the given states, if its units are written as it requires. */
function coreHit(c: Core, u: TextUnits, at: number, k: number, countries: string[]): Hit | undefined {
  if (!u.endsAtToken(at, k)) return undefined;
  if (c.exact.some((x, j) => x && u.text[at + j] !== c.units[j])) return undefined;
  const capitalsOk = c.capital.every((cap, j) => !cap || startsCapital(u.text[at + j]));
  const entries = countries.flatMap((country) => (c.byCountry.get(country) ?? []).filter((e) => !e.strict || capitalsOk).map((e) => e.name));
  return entries.length ? { n: k, entries } : undefined;
}

/** The longer of two hits; of two as long, the readings of both. */
function longer(a: Hit | undefined, b: Hit | undefined): Hit | undefined {
  if (!a || !b) return a ?? b;
  if (a.n !== b.n) return a.n > b.n ? a : b;
  return { n: a.n, entries: [...a.entries, ...b.entries] };
}

/** One reading per actor, code and office: the best-ranked form. */
function distinct(names: KbName[]): KbName[] {
  if (names.length < 2) return names;
  const seen = new Set<string>();
  return names.filter((n) => {
    const k = `${n.actor} ${n.code} ${n.office}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

function casesFit(e: FormEntry, u: TextUnits, at: number): boolean {
  for (let k = 0; k < e.cases.length; k++) {
    const text = u.text[at + k];
    if (e.cases[k] === Case.Exact && text !== e.units[k]) return false;
    if (e.cases[k] === Case.Capital && !startsCapital(text)) return false;
  }
  return true;
}

const CAPITAL = /^\p{Lu}/u;

/** Whether a text begins with a capital letter; ASCII without the regex. */
function startsCapital(text: string): boolean {
  const c = text.charCodeAt(0);
  if (c < 128) return c >= 65 && c <= 90;
  return CAPITAL.test(text);
}

function tokensText(tokens: Token[], a: number, b: number): string {
  let s = '';
  for (let t = a; t <= b; t++) s += tokens[t].text + (t < b && tokens[t].space ? ' ' : '');
  return s;
}

/**
 * The units of one sentence, re-cut from its tokens: tokens written together are joined first,
 * so that a split the tokenizer made inside a word ("Ł" + "ukaszenka") does not hide the name.
 * A space always ends a unit, so each run of tokens written together is cut on its own, and the
 * cut of a run's text is kept: a text's runs are mostly words that come back in every document.
 * Offsets are those in the sentence written with one space between runs. Parallel arrays,
 * reused from one sentence to the next.
 */
class TextUnits {
  length = 0;
  readonly norm: string[] = [];
  readonly text: string[] = [];
  from: Int32Array = new Int32Array(64);
  to: Int32Array = new Int32Array(64);
  firstToken: Int32Array = new Int32Array(64);
  lastToken: Int32Array = new Int32Array(64);
  readonly formNode: (FormNode | undefined)[] = [];   // the trie node of the forms a unit begins
  readonly coreNode: (CoreNode | undefined)[] = [];

  private readonly runs = new BoundedMemo<string, CutRun>(RUN_CACHE_LIMIT);

  constructor(private readonly formTrie: Map<string, FormNode>, private readonly coreTrie: Map<string, CoreNode>) {}

  /** Drops the cut runs: the index changed, and with it which units begin a name. */
  forget(): void {
    this.runs.clear();
  }

  /** The units of a run of tokens written together; kept (and never changed by the callers). */
  private cutRun(text: string): CutRun {
    return this.runs.get(text, this.newRun);
  }

  private readonly newRun = (text: string): CutRun => {
    const units = splitUnits(text);
    return { units, formNodes: units.map((x) => this.formTrie.get(x.norm)), coreNodes: units.map((x) => this.coreTrie.get(x.norm)) };
  };


  cut(tokens: Token[], first: number, last: number): void {
    this.length = 0;
    let offset = 0;   // where the run begins in the sentence
    let t = first;
    while (t <= last) {
      let e = t;
      let text = tokens[t].text;
      while (e < last && !tokens[e].space) text += tokens[++e].text;
      const run = this.cutRun(text);
      const cut = run.units;
      if (e === t) {
        for (let c = 0; c < cut.length; c++) this.push(run, c, offset, t, t);
      } else {
        // the run's tokens: the last that begins at or before a unit's start, and before its end
        let k = t;
        let kEnd = tokens[t].text.length;   // where token k + 1 begins in the run
        for (let c = 0; c < cut.length; c++) {
          const u = cut[c];
          while (k < e && kEnd <= u.from) kEnd += tokens[++k].text.length;
          let j = k;
          let jEnd = kEnd;
          while (j < e && jEnd < u.to) jEnd += tokens[++j].text.length;
          this.push(run, c, offset, k, j);
        }
      }
      offset += text.length + 1;
      t = e + 1;
    }
  }

  private push(run: CutRun, c: number, offset: number, firstToken: number, lastToken: number): void {
    const u = run.units[c];
    const n = this.length++;
    if (n === this.from.length) {
      this.from = grow(this.from);
      this.to = grow(this.to);
      this.firstToken = grow(this.firstToken);
      this.lastToken = grow(this.lastToken);
    }
    this.formNode[n] = run.formNodes[c];
    this.coreNode[n] = run.coreNodes[c];
    this.norm[n] = u.norm;
    this.text[n] = u.text;
    this.from[n] = offset + u.from;
    this.to[n] = offset + u.to;
    this.firstToken[n] = firstToken;
    this.lastToken[n] = lastToken;
  }

  /** A match must end where a token ends, so "Poland" never matches inside "Polandia". */
  endsAtToken(i: number, n: number): boolean {
    const end = i + n - 1;
    const next = i + n;
    return next >= this.length || this.firstToken[next] !== this.lastToken[end] || this.from[next] !== this.to[end];
  }
}

function grow(a: Int32Array): Int32Array {
  const b = new Int32Array(a.length * 2);
  b.set(a);
  return b;
}

const RUN_CACHE_LIMIT = 50_000;

/** A run of text cut into units, with the trie nodes of the forms and qualified names each unit begins. */
interface CutRun { units: readonly Unit[]; formNodes: (FormNode | undefined)[]; coreNodes: (CoreNode | undefined)[] }
type FormNode = UnitNode<FormEntry[]>;
type CoreNode = UnitNode<Core>;
