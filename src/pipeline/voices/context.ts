// What the voices stages look up again and again: tokens by offset, mentions by place, actors by id.
import type { Actor, Analysis, Mention, Span, Token } from '../../model/types.ts';
import type { PipelineContext } from '../stage.ts';
import { lexicons, type Lexicons } from './lexicons.ts';
import { norm } from './phrases.ts';
import type { Speaker } from './speakers.ts';

export const SENTENCE_END = new Set(['.', '!', '?', ';']);
export const WH_WORDS = new Set(['which', 'who', 'whom', 'whose', 'what', 'why', 'where', 'when', 'whatever', 'whoever', 'how', 'that', 'this', 'there']);

/**
 * `{ ...base, ...extra }`, made with Object.assign: the speakers and attributions handed around come
 * in many shapes, and V8 copies such objects by spread about twenty times slower (same result).
 */
export function withFields<T extends object, const U extends object>(base: T, extra: U): Omit<T, keyof U> & U {
  return Object.assign(Object.assign({}, base), extra) as Omit<T, keyof U> & U;
}

/** A piece of the word before it: the tokenizer splits words at some letters ("Sili" "ņ" "a"). */
export function glued(tokens: Token[], i: number): boolean {
  return i > 0 && !tokens[i - 1].space && /^\p{L}+$/u.test(tokens[i].text) && /\p{L}$/u.test(tokens[i - 1].text);
}

/** The set of titles, made once per knowledge base word list (the lexicons are read once). */
const TITLES = new WeakMap<readonly string[], Set<string>>();
const NO_TITLES: readonly string[] = [];

export class VoiceContext {
  readonly tokens: Token[];
  readonly mentions: Mention[];
  readonly lex: Lexicons = lexicons();
  /** Stretches of quoted or reported speech: mentions inside them are not antecedents for "he" or "they". */
  private speech: Uint8Array = new Uint8Array(0);

  /** Speakers found so far, in text order: a later surname or "he" may refer back to them. */
  readonly speakers: Speaker[] = [];
  private readonly titles: Set<string>;

  constructor(readonly analysis: Analysis, readonly pipeline?: PipelineContext) {
    this.tokens = analysis.tokens;
    this.mentions = [...analysis.mentions].sort((a, b) => a.start - b.start || b.end - a.end);
    const kbTitles = typeof pipeline?.kb.lexicon === 'function' ? pipeline.kb.lexicon('person-titles') : NO_TITLES;
    let titles = TITLES.get(kbTitles);
    if (!titles) {
      titles = new Set([...kbTitles.map(norm), ...[...this.lex.descriptions.entries()].filter(([, k]) => k.includes('person')).map(([w]) => w)]);
      TITLES.set(kbTitles, titles);
    }
    this.titles = titles;
  }

  /** The sector code a word stands for ("army" -> MIL), when the knowledge base knows it. */
  sectorCode(word: string): string | undefined {
    const kb = this.pipeline?.kb;
    return kb && typeof kb.sectorCode === 'function' ? kb.sectorCode(word) : undefined;
  }

  /** A word that is a title before a name: Spokesman, Colonel, Minister. */
  isTitle(t: Token): boolean {
    return this.titles.has(norm(t.text)) || this.titles.has(norm(t.lemma));
  }

  /** Index of the first token that starts at or after `offset` (tokens.length if none). */
  tokenFrom(offset: number): number {
    let lo = 0, hi = this.tokens.length;
    while (lo < hi) { const mid = (lo + hi) >> 1; if (this.tokens[mid].start < offset) lo = mid + 1; else hi = mid; }
    return lo;
  }

  /** Index of the last token that ends at or before `offset` (-1 if none). */
  tokenBefore(offset: number): number {
    let i = this.tokenFrom(offset) - 1;
    while (i >= 0 && this.tokens[i].end > offset) i--;
    return i;
  }

  paragraph(i: number): number {
    return this.analysis.sentences[this.tokens[i].sentence]?.paragraph ?? 0;
  }

  mentionsIn(start: number, end: number): Mention[] {
    return this.mentions.filter((m) => m.start < end && m.end > start);
  }

  actor(id: string | undefined): Actor | undefined {
    if (!id) return undefined;
    return this.actorsById().get(id) ?? this.pipeline?.kb.actors.get(id);
  }

  /** The document's actors by id (the first of an id wins, as a search in order would), made on
   *  first use and again should the list change: pronouns and surnames look actors up per mention. */
  private byId?: { list: Actor[]; length: number; map: Map<string, Actor> };
  private actorsById(): Map<string, Actor> {
    const list = this.analysis.actors;
    if (!this.byId || this.byId.list !== list || this.byId.length !== list.length) {
      const map = new Map<string, Actor>();
      for (const a of list) if (!map.has(a.id)) map.set(a.id, a);
      this.byId = { list, length: list.length, map };
    }
    return this.byId.map;
  }

  kindOf(m: Mention): string {
    return this.actor(m.actor)?.kind ?? m.kind;
  }

  /** Adds stretches of speech (one mark per character, so that a look-up costs nothing). */
  addSpeech(zones: Span[]): void {
    if (this.speech.length === 0) this.speech = new Uint8Array(this.analysis.doc.body.length);
    for (const z of zones) this.speech.fill(1, z.start, z.end);
  }

  inSpeech(offset: number): boolean {
    return this.speech[offset] === 1;
  }

  text(first: number, last: number): string {
    return this.analysis.doc.body.slice(this.tokens[first].start, this.tokens[last].end);
  }
}
