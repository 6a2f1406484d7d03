// The boilerplate patterns of data/ingest/boilerplate.yaml, loaded once and compiled.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

export interface Rule { reason: string; re: RegExp; weak?: boolean }

export interface Boilerplate {
  endMarkers: Rule[];
  lines: { maxLength: number; rules: Rule[] };
  promotions: { maxLength: number; rules: Rule[] };
  metaLines: Rule[];
  captions: Rule[];
  captionMaxLength: number;
  bio: { maxLength: number; roles: Set<string>; cues: RegExp[] };
  trailingHeadline: { maxLength: number };
}

const DEFAULT_FILE = fileURLToPath(new URL('../../data/ingest/boilerplate.yaml', import.meta.url));

interface RawRule { reason: string; pattern: string; weak?: boolean }

function rules(list: unknown, file: string, key: string): Rule[] {
  if (!Array.isArray(list)) throw new Error(`${file}: "${key}" must be a list`);
  return (list as RawRule[]).map((r) => {
    try {
      return r.weak ? { reason: r.reason, re: new RegExp(r.pattern, 'iu'), weak: true } : { reason: r.reason, re: new RegExp(r.pattern, 'iu') };
    } catch (e) {
      throw new Error(`${file}: bad pattern in "${key}": ${r.pattern} (${(e as Error).message})`);
    }
  });
}

export function loadBoilerplate(file = DEFAULT_FILE): Boilerplate {
  const raw = parse(readFileSync(file, 'utf8')) as Record<string, any>;
  return {
    endMarkers: rules(raw.end_markers, file, 'end_markers'),
    lines: { maxLength: raw.lines?.max_length ?? 220, rules: rules(raw.lines?.patterns, file, 'lines.patterns') },
    promotions: { maxLength: raw.promotions?.max_length ?? 800, rules: rules(raw.promotions?.patterns, file, 'promotions.patterns') },
    metaLines: rules(raw.meta_lines, file, 'meta_lines'),
    captions: rules(raw.captions, file, 'captions'),
    captionMaxLength: raw.caption_max_length ?? 400,
    bio: {
      maxLength: raw.bio?.max_length ?? 900,
      roles: new Set<string>((raw.bio?.roles ?? []).map((r: string) => r.toLowerCase())),
      cues: (raw.bio?.cues ?? []).map((c: string) => new RegExp(c, 'iu')),
    },
    trailingHeadline: { maxLength: raw.trailing_headline?.max_length ?? 160 },
  };
}

let cached: Boilerplate | undefined;

export function defaultBoilerplate(): Boilerplate {
  cached ??= loadBoilerplate();
  return cached;
}

export function firstMatch(rulesList: Rule[], text: string): Rule | undefined {
  return rulesList.find((r) => r.re.test(text));
}
