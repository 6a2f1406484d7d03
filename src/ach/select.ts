// Which stored records a matrix draws on: its selector blocks resolved against the store (actor
// names to ids, storyline names to their events), then tested on each evidence item.
import type { CorpusLinks } from '../model/types.ts';
import type { Store } from '../store/index.ts';
import { findStoryline } from '../analysis/compare.ts';
import { countryPart } from '../link/features.ts';
import { foldDiacritics } from '../text/fold.ts';
import type { Selector } from './matrix.ts';
import type { EvidenceItem } from './evidence.ts';

/** One actor named in a selector: the ids that stand for it and, for a state, its country code. */
interface ActorSet { name: string; ids: Set<string>; countries: Set<string> }

export interface ResolvedSelector {
  sel: Selector;
  actors: ActorSet[];
  storylineEvents?: Set<string>;   // event ids of the named storylines
  storylineDocs?: Set<string>;     // documents telling them (for quotes and claims)
  text: RegExp[];                  // the words and phrases, matched from the start of a word
}

const fold = (s: string) => foldDiacritics(s).toLowerCase().replace(/\s+/g, ' ').trim();

export async function resolveSelectors(store: Store, selectors: Selector[], links: CorpusLinks, file: string, warnings: string[]): Promise<ResolvedSelector[]> {
  const out: ResolvedSelector[] = [];
  for (const [i, sel] of selectors.entries()) {
    const field = selectors.length > 1 ? `select[${i}]` : 'select';
    const actors: ActorSet[] = [];
    for (const name of sel.actors) {
      const found = await store.findActors(name);
      const ids = new Set<string>([name, ...found.map((a) => a.id)]);
      // an id merged into another by the linker stands for the same actor, and the other way round
      for (const id of [...ids]) { const to = links.sameActor[id]; if (to) ids.add(to); }
      for (const [from, to] of Object.entries(links.sameActor)) if (ids.has(to)) ids.add(from);
      const countries = new Set(found.filter((a) => a.kind === 'state' && a.code).map((a) => a.code.toUpperCase()));
      if (/^[A-Z]{3}$/.test(name)) countries.add(name);
      if (!found.length) warnings.push(`${file}:${sel.line}: ${field}.actors: "${name}" names no actor in this store`);
      actors.push({ name, ids, countries });
    }
    let storylineEvents: Set<string> | undefined;
    let storylineDocs: Set<string> | undefined;
    if (sel.storylines.length) {
      storylineEvents = new Set();
      storylineDocs = new Set();
      for (const q of sel.storylines) {
        try {
          const s = findStoryline(links, q);
          for (const e of s.events) { storylineEvents.add(e.event.includes(':') ? e.event : `${e.doc}:${e.event}`); storylineDocs.add(e.doc); }
        } catch (e) {
          warnings.push(`${file}:${sel.line}: ${field}.storylines: ${(e as Error).message}`);
        }
      }
    }
    out.push({ sel, actors, storylineEvents, storylineDocs, text: sel.text.map((t) => new RegExp(`(^|[^\\p{L}\\p{N}])${fold(t).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`, 'u')) });
  }
  return out;
}

function involves(item: EvidenceItem, a: ActorSet): boolean {
  for (const id of item.actors) if (a.ids.has(id)) return true;
  for (const c of item.codes) if (a.countries.has(countryPart(c) ?? '')) return true;
  return false;
}

function inDays(day: string | undefined, since?: string, until?: string): boolean {
  if (!since && !until) return true;
  if (!day) return false;
  if (since && day.slice(0, since.length) < since) return false;
  if (until && day.slice(0, until.length) > until) return false;
  return true;
}

/** The item meets every criterion of the block. */
export function matches(item: EvidenceItem, r: ResolvedSelector): boolean {
  const { sel } = r;
  if (sel.kinds.length && !sel.kinds.includes(item.kind)) return false;
  if (item.kind === 'event' && sel.types.length && !sel.types.includes(item.type!)) return false;
  if (item.kind === 'event' && sel.modality.length && !sel.modality.includes(item.modality!)) return false;
  if (!r.actors.every((a) => involves(item, a))) return false;
  if (r.storylineEvents) {
    const inStory = item.kind === 'event' ? r.storylineEvents.has(item.id) : r.storylineDocs!.has(item.doc);
    if (!inStory) return false;
  }
  if (r.text.length) {
    const s = fold(`${item.sentence} ${item.summary}`);
    if (!r.text.some((t) => t.test(s))) return false;
  }
  return inDays(item.day, sel.since, sel.until);
}

/** Selected when any block matches. */
export function selected(item: EvidenceItem, blocks: ResolvedSelector[]): boolean {
  return blocks.some((b) => matches(item, b));
}
