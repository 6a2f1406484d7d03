// The word lists the voices stages use, read once from data/lexicons/*.yaml.
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { PhraseMatcher } from './phrases.ts';

const DIR = new URL('../../../data/lexicons/', import.meta.url);

function read(name: string): Record<string, unknown> {
  return (parse(readFileSync(new URL(name, DIR), 'utf8')) ?? {}) as Record<string, unknown>;
}

function list(value: unknown): string[] {
  return Array.isArray(value) ? value.map((v) => String(v)) : [];
}

export interface Lexicons {
  /** Cue words and phrases that attach a speaker to a direct quote. */
  directCues: PhraseMatcher;
  /** Nouns of "in his words", "in the view of X": the owner is the speaker. */
  sourceNouns: Set<string>;
  /** Cue words that introduce reported speech with "that". */
  indirectCues: PhraseMatcher;
  /** Cue words after which a short quoted phrase is the speaker's own words. */
  partialCues: PhraseMatcher;
  /** Pronoun -> kinds of actor it can stand for. */
  pronouns: Map<string, string[]>;
  /** Head noun of a description ("the ministry") -> kinds of actor it can stand for. */
  descriptions: Map<string, string[]>;
  /** Common nouns that may stand as the source of reported speech: officials, police, sources. */
  sourceWords: Set<string>;
  hedges: PhraseMatcher;
  boosters: PhraseMatcher;
  evaluative: PhraseMatcher;
  beliefVerbs: PhraseMatcher;
  /** One matcher per loaded-word category. */
  loaded: { category: string; matcher: PhraseMatcher }[];
}

let cached: Lexicons | undefined;

export function lexicons(): Lexicons {
  if (cached) return cached;
  const cues = read('speech-cues.yaml');
  const speakers = read('speakers.yaml');
  const hedges = read('hedges.yaml');
  const boosters = read('boosters.yaml');
  const claims = read('claim-cues.yaml');
  const evaluative = (claims.evaluative ?? {}) as Record<string, unknown>;
  const loaded = read('loaded.yaml');
  const kinds = (v: unknown) => new Map(Object.entries((v ?? {}) as Record<string, unknown>).map(([k, x]) => [k.toLowerCase(), list(x)]));
  cached = {
    directCues: new PhraseMatcher([...list(cues.direct), ...list(cues.phrases)]),
    indirectCues: new PhraseMatcher(list(cues.indirect)),
    sourceNouns: new Set(list(cues.source_nouns).map((w) => w.toLowerCase())),
    partialCues: new PhraseMatcher(list(cues.partial)),
    pronouns: kinds(speakers.pronouns),
    descriptions: kinds(speakers.descriptions),
    sourceWords: new Set(list(speakers.sources).map((w) => w.toLowerCase())),
    hedges: new PhraseMatcher([...list(hedges.words), ...list(hedges.phrases)]),
    boosters: new PhraseMatcher([...list(boosters.words), ...list(boosters.phrases)]),
    evaluative: new PhraseMatcher([...list(evaluative.words), ...list(evaluative.phrases)]),
    beliefVerbs: new PhraseMatcher(list(claims.belief)),
    loaded: Object.entries(loaded).map(([category, v]) => {
      const entry = (v ?? {}) as Record<string, unknown>;
      return { category, matcher: new PhraseMatcher([...list(entry.words), ...list(entry.phrases)]) };
    }),
  };
  return cached;
}
