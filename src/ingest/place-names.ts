// The names of places the knowledge base knows (cities, regions, capitals, countries), for
// telling a dateline's place ("Warsaw, 3 May 2024") from an outlet ("Global Research, June 1,
// 2018"). Read from the kb's data files the first time a dateline needs them.
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { foldDiacritics } from '../text/fold.ts';

interface PlaceEntry { name?: string; aliases?: string[] }
interface StateEntry { name?: string; names?: string[]; capital?: string; capitals?: string[] }

let names: Set<string> | undefined;

const key = (s: string): string => foldDiacritics(s).toLowerCase().replace(/\s+/g, ' ').trim();

function load(): Set<string> {
  const read = (file: string) => parse(readFileSync(new URL(`../../data/kb/${file}`, import.meta.url), 'utf8')) as Record<string, unknown>;
  const out = new Set<string>();
  for (const p of (read('places.yaml').places ?? []) as PlaceEntry[]) for (const n of [p.name, ...(p.aliases ?? [])]) if (n) out.add(key(n));
  for (const s of (read('states.yaml').states ?? []) as StateEntry[]) {
    for (const n of [s.name, ...(s.names ?? []), s.capital, ...(s.capitals ?? [])]) if (n) out.add(key(n));
  }
  return out;
}

/** "Warsaw", "Brest, Belarus": every comma-separated part is a known place. */
export function isPlaceName(text: string): boolean {
  names ??= load();
  const parts = text.split(',').map(key).filter(Boolean);
  return parts.length > 0 && parts.every((p) => names!.has(p));
}
