// The boilerplate patterns of data/ingest/boilerplate.yaml, loaded once and compiled.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

export interface Rule {
  reason: string;
  re: RegExp;
  weak?: boolean;
  /** Lower-case words of which the text must hold one for the pattern to match (see requiredWords). */
  needs?: string[];
}

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
      const rule: Rule = r.weak ? { reason: r.reason, re: new RegExp(r.pattern, 'iu'), weak: true } : { reason: r.reason, re: new RegExp(r.pattern, 'iu') };
      // A pattern anchored at the start fails fast by itself; one that scans the text is worth a pre-check.
      const needs = scans(r.pattern) ? requiredWords(r.pattern) : undefined;
      if (needs) rule.needs = needs;
      return rule;
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

// Characters that case-insensitive Unicode matching folds to an ASCII letter (long s, Kelvin sign):
// a text holding one is matched against every pattern, as lower-casing does not reveal them.
const FOLDS_TO_ASCII = /[\u017f\u212a]/;

function scans(pattern: string): boolean {
  return !pattern.startsWith('^') || pattern.startsWith('^.') || pattern.startsWith('^[');
}

// The lower-cased text of the last call: a paragraph is run through several rule lists in a row.
let lastText = '';
let lastLower: string | null = '';

function lowerOf(text: string): string | null {
  if (text !== lastText) {
    lastText = text;
    lastLower = FOLDS_TO_ASCII.test(text) ? null : text.toLowerCase();
  }
  return lastLower;
}

export function firstMatch(rulesList: Rule[], text: string): Rule | undefined {
  let lower: string | null | undefined;
  for (const r of rulesList) {
    if (r.needs) {
      // Most paragraphs hold none of a pattern's words: the (slow, case-insensitive) pattern is skipped.
      lower ??= lowerOf(text);
      if (lower !== null && !r.needs.some((w) => lower!.includes(w))) continue;
    }
    if (r.re.test(text)) return r;
  }
  return undefined;
}

/**
 * Words that any text a pattern matches must contain (one of them, lower case), worked out from
 * the pattern itself: runs of plain ASCII characters that the pattern requires, or a required group
 * whose every alternative requires one. Undefined when no such word is certain. Only what is
 * surely required is taken: anything quantified, look-arounds and character classes are skipped.
 */
export function requiredWords(pattern: string): string[] | undefined {
  const p = new PatternReader(pattern);
  const found = p.alternatives();
  return p.ok && p.at === pattern.length && found && found.every((w) => w.length > 0) ? found : undefined;
}

const PLAIN = /^[a-z0-9 ,;:'"!#%&=<>@_`~-]$/i;
const ESCAPED_LITERAL = /^[/^$\\.*+?()[\]{}|-]$/;

class PatternReader {
  at = 0;
  ok = true;
  constructor(private readonly src: string) {}

  /** alternatives separated by | up to a ) or the end: the words one of which is required */
  alternatives(): string[] | undefined {
    const options: (string[] | undefined)[] = [this.sequence()];
    while (this.ok && this.src[this.at] === '|') { this.at++; options.push(this.sequence()); }
    if (options.some((o) => !o)) return undefined;
    return options.flat() as string[];
  }

  /** one alternative: its best requirement (the one whose shortest word is longest) */
  private sequence(): string[] | undefined {
    let best: string[] | undefined;
    let run = '';
    const consider = (words: string[] | undefined) => {
      if (!words || !words.length) return;
      const score = Math.min(...words.map((w) => w.length));
      if (!best || score > Math.min(...best.map((w) => w.length))) best = words;
    };
    const endRun = () => { if (run) consider([run]); run = ''; };
    while (this.ok && this.at < this.src.length) {
      const c = this.src[this.at];
      if (c === '|' || c === ')') break;
      if (c === '(') {
        endRun();
        const inner = this.group();
        if (!this.quantifier()) consider(inner);
        continue;
      }
      if (c === '[') { endRun(); this.charClass(); this.quantifier(); continue; }
      let literal: string | undefined;
      if (c === '\\') {
        const e = this.src[this.at + 1] ?? '';
        if (ESCAPED_LITERAL.test(e)) { literal = e; this.at += 2; } else { this.escape(); endRun(); this.quantifier(); continue; }
      } else if (PLAIN.test(c)) { literal = c; this.at++; } else { this.at++; endRun(); if (c !== '^' && c !== '$') this.quantifier(); continue; }
      if (this.quantifier()) { endRun(); continue; }   // an optional or repeated character is no sure part of a word
      run += literal.toLowerCase();
    }
    endRun();
    return best;
  }

  /** a group from its ( to its ): capture and non-capture groups give their requirement */
  private group(): string[] | undefined {
    this.at++;
    let plain = true;
    if (this.src[this.at] === '?') {
      plain = this.src[this.at + 1] === ':';
      const close = this.src[this.at + 1] === '<' && !'=!'.includes(this.src[this.at + 2]) ? this.src.indexOf('>', this.at) : -1;
      if (close >= 0) { plain = true; this.at = close + 1; } else this.at += this.src[this.at + 1] === '<' ? 3 : 2;
    }
    const inner = this.alternatives();
    if (this.src[this.at] !== ')') { this.ok = false; return undefined; }
    this.at++;
    return plain ? inner : undefined;
  }

  private charClass(): void {
    this.at++;
    while (this.at < this.src.length && this.src[this.at] !== ']') this.at += this.src[this.at] === '\\' ? 2 : 1;
    if (this.src[this.at] !== ']') this.ok = false;
    this.at++;
  }

  /** an escape that stands for no single plain character: \b, \s, \p{L}, \u{...}, \x41... */
  private escape(): void {
    const e = this.src[this.at + 1];
    this.at += 2;
    if (e === 'c') this.at++;
    else if (e === 'x') this.at += 2;
    else if (e === 'u' && this.src[this.at] !== '{') this.at += 4;
    else if (/[0-9]/.test(e)) while (/[0-9]/.test(this.src[this.at] ?? '')) this.at++;
    else if ((e === 'p' || e === 'P' || e === 'u' || e === 'k') && (this.src[this.at] === '{' || this.src[this.at] === '<')) {
      const close = this.src.indexOf(this.src[this.at] === '{' ? '}' : '>', this.at);
      if (close < 0) this.ok = false; else this.at = close + 1;
    }
  }

  /** skips a quantifier (and its lazy mark); whether there was one */
  private quantifier(): boolean {
    const c = this.src[this.at];
    if (c === '*' || c === '+' || c === '?') this.at++;
    else if (c === '{') {
      const close = this.src.indexOf('}', this.at);
      if (close < 0) { this.ok = false; return false; }
      this.at = close + 1;
    } else return false;
    if (this.src[this.at] === '?') this.at++;
    return true;
  }
}
