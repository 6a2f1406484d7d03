// Cue word lists from data/plover/modality.yaml, compiled into lemma sequences.
import type { Modality, Token } from '../../model/types.ts';
import { ploverData } from './data.ts';

type ModalCues = Partial<Record<Modality, string[]>>;
interface ModalityFile {
  local: ModalCues; governors: ModalCues; sentence: ModalCues; modifiers: ModalCues;
  realis?: string[]; realis_governors?: string[]; intent_governors?: string[]; report_verbs: string[]; clause_openers: string[]; for_governors: string[]; support_verbs: string[]; intent_nouns: string[];
}

export interface Cue { modality: Modality; words: string[]; text: string }

/** Cues indexed by their first word, so that looking at a token costs one map lookup. */
export type CueIndex = Map<string, Cue[]>;

export interface CueTables {
  local: CueIndex;
  sentence: CueIndex;
  modifiers: CueIndex;
  governors: Map<string, Modality>;
  realis: Set<string>;
  realisGovernors: Set<string>;
  intentGovernors: Set<string>;
  /** Sentence cues of hope, fear and advice (not conditions): what they govern is nobody's declaration. */
  sentenceWords: Set<string>;
  reportVerbs: Set<string>;
  clauseOpeners: Set<string>;
  forGovernors: Set<string>;
  supportVerbs: Set<string>;
  intentNouns: Set<string>;
}

function compileCues(cues: ModalCues): CueIndex {
  const out: CueIndex = new Map();
  for (const [modality, list] of Object.entries(cues)) {
    for (const text of list ?? []) {
      const words = String(text).toLowerCase().split(/\s+/);
      const bucket = out.get(words[0]) ?? [];
      bucket.push({ modality: modality as Modality, words, text: String(text) });
      out.set(words[0], bucket);
    }
  }
  return out;
}

let tables: CueTables | undefined;

export function cueTables(): CueTables {
  if (tables) return tables;
  const f = ploverData<ModalityFile>('modality');
  const governors = new Map<string, Modality>();
  for (const [modality, list] of Object.entries(f.governors)) for (const w of list ?? []) governors.set(String(w), modality as Modality);
  tables = {
    local: compileCues(f.local), sentence: compileCues(f.sentence), modifiers: compileCues(f.modifiers),
    governors, realis: new Set(f.realis ?? []), realisGovernors: new Set(f.realis_governors ?? []), intentGovernors: new Set(f.intent_governors ?? []),
    sentenceWords: new Set([...(f.sentence.hypothetical ?? []), ...(f.sentence.recommended ?? [])].map(String).filter((w) => w !== 'if' && w !== 'unless')), reportVerbs: new Set(f.report_verbs), clauseOpeners: new Set(f.clause_openers),
    forGovernors: new Set(f.for_governors), supportVerbs: new Set(f.support_verbs), intentNouns: new Set(f.intent_nouns),
  };
  return tables;
}

/** True when the token is the word `w` (by lemma or lower-cased text). */
export function isWord(t: Token, w: string): boolean {
  return t.lemma === w || (t.text.length === w.length && t.text.toLowerCase() === w);
}

/** The cue that starts at token `k` and ends before `limit`, if any. */
export function cueAt(index: CueIndex, tokens: Token[], k: number, limit: number): Cue | undefined {
  const t = tokens[k];
  const cues = index.get(t.lemma) ?? (t.text !== t.lemma ? index.get(t.text.toLowerCase()) : undefined);
  if (!cues) return undefined;
  for (const c of cues) {
    if (k + c.words.length > limit) continue;
    let ok = true;
    for (let j = 0; j < c.words.length && ok; j++) ok = isWord(tokens[k + j], c.words[j]);
    if (ok) return c;
  }
  return undefined;
}

/** The strongest of several modalities: a negation beats advice beats a possibility beats a forecast. */
const RANK: Record<Modality, number> = { asserted: 0, predicted: 1, hypothetical: 2, recommended: 3, negated: 4 };
export function strongest(list: Modality[]): Modality {
  let best: Modality = 'asserted';
  for (const m of list) if (RANK[m] > RANK[best]) best = m;
  return best;
}

const NOMINAL_BEFORE = new Set(['DET', 'ADJ', 'PRON', 'NUM']);
const POSSESSIVE_MARKS = new Set(["'s", '’s', "'", '’']);

/** A noun, or a gerund used as one ("the stationing of", "Poland's hosting of"). */
export function isNominal(tokens: Token[], i: number): boolean {
  const t = tokens[i];
  if (t.pos === 'NOUN' || t.pos === 'PROPN') return true;
  if (t.pos !== 'VERB' || !/ing$/i.test(t.text)) return false;
  if (i + 1 < tokens.length && tokens[i + 1].lemma === 'of') return true;
  const before = i > 0 ? tokens[i - 1] : undefined;
  return !!before && (NOMINAL_BEFORE.has(before.pos) || POSSESSIVE_MARKS.has(before.text.toLowerCase()) || (before.pos === 'VERB' && /ed$/i.test(before.text)));
}

/** A participle used as an adjective: "the failed talks", "Poland's proposed hosting". */
export function isAdjectival(tokens: Token[], i: number, from: number): boolean {
  const before = i > from ? tokens[i - 1] : undefined;
  // "the long-threatened invasion", "war-torn Mozambique": the second half of a hyphenated modifier
  return !!before && (before.pos === 'DET' || before.pos === 'ADJ' || POSSESSIVE_MARKS.has(before.text.toLowerCase())
    || (before.text === '-' && !before.space));
}
