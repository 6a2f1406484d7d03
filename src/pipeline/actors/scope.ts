// What the actors stage knows about one document while it reads it: the tokens as folded words,
// the knowledge base's name matches, the mentions found so far and the actors they point to.
import type { Actor, Analysis, Mention, Token } from '../../model/types.ts';
import type { KbName, KnowledgeBase, NameMatch } from '../../kb/types.ts';
import { fold } from '../../kb/normalize.ts';
import { isPlainLower } from '../../text/fold.ts';
import { BoundedMemo } from '../../text/memo.ts';
import { actorWords, type ActorWords } from './lexicon.ts';

/** The ISO alpha-3 country an actor belongs to, when it has one. */
export function countryOf(actor: Actor | undefined): string | undefined {
  if (!actor) return undefined;
  if (actor.country) return actor.country;
  if (actor.kind === 'state' && /^[A-Z]{3}/.test(actor.code)) return actor.code.slice(0, 3);
  return undefined;
}

const foldedWords = new BoundedMemo<string, string>(50_000);

/** A token's folded word; an abbreviation's full stop is no part of it: "Gen." is the title "gen". */
function foldWord(text: string): string {
  return fold(text).replace(/[’ʼ‘`´]/g, "'").replace(/^(\p{L}+)\.$/u, '$1');
}

/** A word that foldWord leaves as it is (most words), known without a memo look-up. */
function isPlainWord(text: string): boolean {
  return isPlainLower(text) && text.charCodeAt(text.length - 1) !== 46;   // no abbreviation's full stop
}

const CAPITAL = /^\p{Lu}/u;
const UPPER_WORD = /^\p{Lu}{2,}$/u;
const TITLE_CASE_WORD = /^\p{Lu}\p{Ll}+$/u;
const NAME_POS = new Set(['PROPN', 'ADJ', 'NOUN']);

/** Whether a text begins with a capital letter; ASCII without the regex. */
function startsCapital(text: string): boolean {
  const c = text.charCodeAt(0);
  if (c < 128) return c >= 65 && c <= 90;
  return CAPITAL.test(text);
}

export class ActorScope {
  readonly words: string[];
  /** 1 where a token begins with a capital letter. */
  private readonly caps: Uint8Array;
  readonly coveredBy: Int32Array;                        // token -> index of the kb match covering it, or -1
  readonly matches: NameMatch[];
  readonly mentions: Mention[] = [];
  readonly actors = new Map<string, Actor>();
  readonly lex: ActorWords = actorWords();
  readonly date?: string;
  /** Actor ids of ministries, so that "the ministry" can find the last one named. */
  readonly ministryIds = new Map<string, string>();    // actor id -> ministry type
  focus?: string;
  /** How often the document's kb names point to each country (the focus is the first). */
  readonly countryCounts = new Map<string, number>();
  /** Whether the focus stands out: named often, and clearly more than any other country. */
  focusIsClear = false;

  constructor(readonly analysis: Analysis, readonly kb: KnowledgeBase) {
    const tokens = analysis.tokens;
    this.words = new Array<string>(tokens.length);
    this.caps = new Uint8Array(tokens.length);
    for (let i = 0; i < tokens.length; i++) {
      const text = tokens[i].text;
      this.words[i] = isPlainWord(text) ? text : foldedWords.get(text, foldWord);
      this.caps[i] = startsCapital(text) ? 1 : 0;
    }
    const raw = kb.matchNames(tokens);
    const covered = new Uint8Array(tokens.length);
    for (const m of raw) covered.fill(1, m.first, m.last + 1);
    const stances = new Set(kb.lexicon('stance-prefixes').map((w) => fold(w)));
    this.matches = raw.filter((m) => !this.partOfLongerName(m, covered) && !this.stanceModifier(m, stances));
    this.coveredBy = new Int32Array(tokens.length).fill(-1);
    this.matches.forEach((m, k) => {
      for (let i = m.first; i <= m.last; i++) this.coveredBy[i] = k;
    });
    this.date = analysis.doc.meta.published ?? undefined;
    this.focus = this.focusCountry();
  }

  /**
   * A one-word kb name next to capitalised words the kb does not know is part of a longer name
   * ("Soviet Union" is not "the Union", "Jordan Smith" is not Jordan).
   */
  private partOfLongerName(m: NameMatch, covered: Uint8Array): boolean {
    const t = this.analysis.tokens;
    let first = m.first;
    if (this.words[first] === 'the' && first < m.last) first++;
    if (first !== m.last) return false;
    const e = m.entries[0];
    if (!e || e.form === 'demonym' || e.form === 'title' || e.form === 'sector' || e.form === 'acronym') return false;
    if (UPPER_WORD.test(t[first].text)) return false;
    const sentenceStart = this.analysis.sentences[t[first].sentence]?.tokens[0] ?? 0;
    const before = first - 1 > sentenceStart && this.unknownName(first - 1, first, sentenceStart, covered)
      && !this.lex.regionPrefixes.has(this.words[first - 1]);
    return before || this.unknownName(first + 1, first, sentenceStart, covered);
  }

  /**
   * A state or IGO inside an "anti-"/"pro-" compound ("an anti-Syria journalist") is what the
   * person opposes or supports, not whose they are: the match is no name of an actor here.
   */
  private stanceModifier(m: NameMatch, stances: Set<string>): boolean {
    if (!stances.size) return false;
    const text = this.analysis.tokens[m.first].text;
    const dash = text.search(/[-‐‑]/);
    if (dash <= 0 || dash === text.length - 1 || !stances.has(fold(text.slice(0, dash)))) return false;
    const kind = this.kb.get(m.entries[0]?.actor ?? '')?.kind;
    return kind === 'state' || kind === 'igo';
  }

  /** A capitalised word next to the one-word name at `first` that the kb does not know, and no role word or date. */
  private unknownName(k: number, first: number, sentenceStart: number, covered: Uint8Array): boolean {
    const t = this.analysis.tokens;
    return k >= sentenceStart && t[k] !== undefined && t[k].sentence === t[first].sentence
      && !covered[k] && TITLE_CASE_WORD.test(t[k].text) && NAME_POS.has(t[k].pos)
      && !this.lex.roleWords.has(this.words[k]) && !(k > first && this.isDate(k));
  }

  /** A day or a date after a name is when, not more of the name ("Israel Friday reimposed"). */
  private isDate(k: number): boolean {
    return this.lex.weekdays.has(this.words[k]) || (this.lex.months.has(this.words[k]) && /^\d/.test(this.analysis.tokens[k + 1]?.text ?? ''));
  }

  get tokens(): Token[] { return this.analysis.tokens; }
  get body(): string { return this.analysis.doc.body; }

  text(first: number, last: number): string {
    return this.body.slice(this.tokens[first].start, this.tokens[last].end);
  }

  /** "'s" after a name, or a bare apostrophe glued to a name ending in s ("Belarus’"). */
  isPossessive(i: number): boolean {
    const w = this.words[i];
    if (w === "'s") return true;
    const prev = this.tokens[i - 1];
    return w === "'" && prev !== undefined && !prev.space && /s$/i.test(prev.text);
  }

  isCapitalised(i: number): boolean {
    return this.caps[i] === 1;
  }

  /** The kb match that begins at token i (kb matches do not overlap: coveredBy says which covers it). */
  matchStartingAt(i: number): NameMatch | undefined {
    const k = this.coveredBy[i];
    return k >= 0 && this.matches[k].first === i ? this.matches[k] : undefined;
  }

  /** The reading of a kb match this stage uses: the kb's best, unless the document already named another. */
  entry(m: NameMatch): KbName | undefined {
    if (m.entries.length > 1) {
      const seen = m.entries.find((e) => this.actors.has(e.actor));
      if (seen) return seen;
    }
    return m.entries[0];
  }

  actorOfMatch(m: NameMatch): Actor | undefined {
    const e = this.entry(m);
    return e ? this.kb.get(e.actor) : undefined;
  }

  /** The country the document is mostly about: the one its kb names point to most often. */
  private focusCountry(): string | undefined {
    const counts = this.countryCounts;
    for (const m of this.matches) {
      const e = m.entries[0];
      const c = e && (e.code && /^[A-Z]{3}/.test(e.code) && e.form !== 'name' ? e.code.slice(0, 3) : countryOf(this.kb.get(e.actor)));
      if (c && this.kb.state(c)) counts.set(c, (counts.get(c) ?? 0) + 1);
    }
    const ranked = [...counts].sort((a, b) => b[1] - a[1]);
    const [best, second] = ranked;
    this.focusIsClear = best !== undefined && best[1] >= 3 && best[1] >= 1.5 * (second?.[1] ?? 0);
    return best?.[0];
  }

  /** Registers an actor for the document (kb actors are copied, so the kb stays untouched). */
  useActor(actor: Actor): Actor {
    let a = this.actors.get(actor.id);
    if (!a) {
      if (actor.isNew) a = actor;
      else {
        // the same keys in the same order as the kb's actor, without deleting any (a deleted
        // key makes an object slow to read and to write out)
        a = { ...actor, aliases: [...actor.aliases] };
        if (actor.roles) a.roles = actor.roles.map((r) => ({ ...r }));
        else if ('roles' in a) delete a.roles;
        if (actor.memberships) a.memberships = actor.memberships.map((r) => ({ ...r }));
        else if ('memberships' in a) delete a.memberships;
      }
      this.actors.set(a.id, a);
    }
    return a;
  }

  addMention(m: Mention): Mention {
    this.mentions.push(m);
    return m;
  }

  mention(first: number, last: number, actor: Actor | undefined, fields: Partial<Mention> & { via: string }): Mention {
    const a = actor ? this.useActor(actor) : undefined;
    return this.addMention({
      start: this.tokens[first].start,
      end: this.tokens[last].end,
      text: this.text(first, last),
      actor: a?.id,
      kind: a?.kind ?? 'place',
      code: a ? a.code : undefined,
      ...fields,
    });
  }

  /** The latest mention before `offset` that passes the test. */
  recent(offset: number, test: (m: Mention) => boolean): Mention | undefined {
    for (let k = this.mentions.length - 1; k >= 0; k--) {
      const m = this.mentions[k];
      if (m.end <= offset && test(m)) return m;
    }
    return undefined;
  }

  /** The country of a mention: its code's country part, else its actor's country. */
  mentionCountry(m: Mention): string | undefined {
    if (m.kind === 'place' || m.kind === 'group') return undefined;
    const c = m.code && /^[A-Z]{3}/.test(m.code) ? m.code.slice(0, 3) : undefined;
    if (c && this.kb.state(c)) return c;
    return countryOf(m.actor ? this.actors.get(m.actor) : undefined);
  }
}
