// The public shapes of the knowledge base: what the actors stage and others receive.
import type { Actor, Token } from '../model/types.ts';

export type Office = 'head_of_state' | 'head_of_government' | 'foreign_minister' | 'defence_minister';
export const OFFICES: readonly Office[] = ['head_of_state', 'head_of_government', 'foreign_minister', 'defence_minister'];

export type NameForm = 'name' | 'alias' | 'acronym' | 'demonym' | 'capital' | 'title' | 'sector';

/** One reading of a matched name: the actor it names, how, and the code that form stands for. */
export interface KbName {
  actor: string;          // Actor.id
  form: NameForm;
  code?: string;          // e.g. capital 'Minsk' -> 'BLRGOV', 'Belarusian military' -> 'BLRMIL'
  office?: Office;        // for 'title' forms ("the Belarusian President"): the office meant
}

/** A stretch of tokens that names something in the knowledge base. */
export interface NameMatch {
  first: number;          // token index, inclusive
  last: number;           // token index, inclusive
  text: string;
  entries: KbName[];      // best reading first
}

export interface Place { name: string; country: string; kind: 'city' | 'region' | 'country' }

export interface KnowledgeBase {
  actors: Map<string, Actor>;
  get(id: string): Actor | undefined;
  matchNames(tokens: Token[]): NameMatch[];
  /** The usual reading of a place name (Brest: the Belarusian city). */
  place(name: string): Place | undefined;
  /** Every reading of a place name, the usual one first (Brest in Belarus, Brest in France); the context chooses. */
  places(name: string): Place[];
  state(alpha3: string): Actor | undefined;
  officeHolder(country: string, office: Office, date?: string): Actor | undefined;
  /** Every term of an office in a country, earliest first (a term runs from `from` to the day before `to`). */
  officeTerms(country: string, office: Office): { actor: Actor; from?: string; to?: string }[];
  /** A country's institution named without the country ("General Staff", "Armed Forces"), if it has one. */
  qualified(text: string, country: string): KbName[];
  /** One key for the transliterations of a name ("Uladzimir Makarau" = "Vladimir Makarov"), for the ids of new people. */
  nameKey(name: string): string;
  /** How a written form came to name an actor: listed, or made by which rule. Empty unless loaded with `explain`. */
  origins(text: string, actor: string): string[];
  lexicon(name: string): string[];
  /** The sector code (MIL, GOV, LEG, SPY, MED...) of a sector word ("top brass" -> MIL). */
  sectorCode(word: string): string | undefined;
}
