// Bylines ("By Jane Doe") and datelines ("Global Research, June 01, 2018") read into metadata.
import { findDate } from './dates.ts';
import { isPlaceName } from './place-names.ts';

const MAX_BYLINE = 120;
const MAX_DATELINE = 100;

// A word of a personal name: capitalised (with initials, hyphens, apostrophes), or a particle.
const NAME_WORD = /^(?:(?:al|el|ad|as|ash|at|ibn|bin|d|l)[-'’])?(?:\p{Lu}[\p{L}'’.-]*|\p{Lu}\.|(?:de|da|dos|du|del|della|van|von|der|den|la|le|al|el|bin|ibn|ter|y|e|and|&))$/u;
const PARTICLE = /^(?:de|da|dos|du|del|della|van|von|der|den|la|le|al|el|bin|ibn|ter|y|e|and|&)$/;
const SEPARATORS = /\s*[|•·]\s*|\s+[–—-]\s+/;

/** "Jane Doe", "J. R. Smith and Ann Lee": a list of names, nothing else. */
export function isPersonNames(text: string): boolean {
  const words = text.replace(/,/g, ' ').split(/\s+/).filter(Boolean);
  if (words.length === 0 || words.length > 10) return false;
  if (!words.every((w) => NAME_WORD.test(w))) return false;
  return words.some((w) => !PARTICLE.test(w));
}

export interface Byline { author: string; published?: string }

const BYLINE_PREFIX = /^(?:(?:written |words |reporting |text |story |posted )?by|authors?)\s*:?\s+/i;

/** A line that only names the author(s), possibly with a date: "By Jane Doe | June 1, 2018". */
export function parseByline(line: string): Byline | undefined {
  if (line.length > MAX_BYLINE || line.includes('\n')) return undefined;
  const prefix = BYLINE_PREFIX.exec(line);
  if (!prefix) return undefined;
  const parts = line.slice(prefix[0].length).split(SEPARATORS).map((p) => p.trim()).filter(Boolean);
  if (parts.length === 0) return undefined;
  let names = parts[0].replace(/[.,;:]+$/, '');
  let published: string | undefined;
  const inFirst = findDate(names);
  if (inFirst && inFirst.index > 0) {
    published = inFirst.iso;
    names = names.slice(0, inFirst.index).replace(/[\s,;:]+(?:on|published|updated)?[\s,;:]*$/i, '');
  }
  // "Jane Doe, Senior Fellow at the Institute": the names before the first comma
  if (!isPersonNames(names) && names.includes(',')) names = names.slice(0, names.indexOf(',')).trim();
  if (!isPersonNames(names)) return undefined;
  for (const part of parts.slice(1)) published ??= findDate(part)?.iso;
  return published ? { author: names, published } : { author: names };
}

export interface Dateline { published: string; outlet?: string; author?: string; updated?: boolean }

const DATE_PREFIX = /^(?:published|posted|updated|last updated|first published|date|dated|on)\b\s*(?:on|at)?\s*:?\s*$/i;
const TIME_TAIL = /^(?:T\d{2}:\d{2}(?::\d{2})?(?:\.\d+)?(?:Z|[+-]\d{2}:?\d{2})?)?[\s,|•·-]*(?:(?:at\s+)?\d{1,2}[:.]\d{2}(?::\d{2})?(?:\s*[ap]\.?m\.?)?(?:\s*(?:[A-Z]{2,4}|UTC[+-]?\d*|GMT[+-]?\d*))?)?\s*$/i;

/** A line that is only a date, perhaps after an outlet or "Published:", perhaps with a time. */
export function parseDateline(line: string): Dateline | undefined {
  if (line.length > MAX_DATELINE || line.includes('\n')) return undefined;
  const date = findDate(line);
  if (!date) return undefined;
  let tail = line.slice(date.index + date.length);
  let author: string | undefined;
  // "Posted on June 1, 2018 by Jane Doe"
  const by = /^(.*?)[\s,|•·]+by\s+(.+?)\s*$/i.exec(tail);
  if (by && isPersonNames(by[2])) { author = by[2]; tail = by[1]; }
  if (!TIME_TAIL.test(tail)) return undefined;
  const found = parseHead(line.slice(0, date.index), date.iso);
  if (found && author) found.author = author;
  return found;
}

/** What stands before the date: nothing, a label like "Published:", an outlet, or a place. */
function parseHead(before: string, published: string): Dateline | undefined {
  const head = before.replace(/[\s,|•·:–—-]+$/, '').trim();
  if (!head || DATE_PREFIX.test(head)) return /updated/i.test(head) ? { published, updated: true } : { published };
  // "Global Research, June 01, 2018": a short capitalised name before the date is the outlet
  const outlet = head.replace(/^(?:published|posted|updated)\s+(?:in|by|on)\s+/i, '');
  if (outlet === outlet.toUpperCase()) return { published }; // "MINSK, June 1, 2018": a place
  if (isPlaceName(outlet)) return { published };              // "Warsaw, 3 May 2024": a place too
  if (outlet.split(/\s+/).length <= 6 && /^[\p{Lu}\d]/u.test(outlet) && !/[.!?]$/.test(outlet)) {
    return { published, outlet };
  }
  return undefined;
}
