// The corpus links, read once and kept: on a large store they weigh megabytes, and several views
// need them (merged actors, other tellings of an event). The copy is dropped when this server
// saves new links, and after a while, in case another process (`sitrep analyze`) saved some.
import type { CorpusLinks } from '../model/types.ts';
import type { Store } from '../store/index.ts';

export const LINKS_TTL_MS = 30_000;

export class LinksCache {
  private value?: Promise<{ links: CorpusLinks; eventGroup: Map<string, number> }>;
  private at = 0;

  constructor(private store: Store, private ttl = LINKS_TTL_MS) {}

  invalidate(): void {
    this.value = undefined;
  }

  private load() {
    if (!this.value || Date.now() - this.at > this.ttl) {
      this.at = Date.now();
      this.value = this.store.links().then((links) => {
        const eventGroup = new Map<string, number>();
        links.sameEvent.forEach((g, i) => { for (const e of g.events) eventGroup.set(`${e.doc}\u0000${e.event}`, i); });
        return { links, eventGroup };
      });
      this.value.catch(() => { this.value = undefined; });
    }
    return this.value;
  }

  async links(): Promise<CorpusLinks> {
    return (await this.load()).links;
  }

  /** Actor id -> the actor it merges into. */
  async sameActor(): Promise<Record<string, string>> {
    return (await this.load()).links.sameActor;
  }

  /** The other tellings of this event, in this or other documents. */
  async sameEvent(doc: string, event: string): Promise<{ doc: string; event: string }[]> {
    const { links, eventGroup } = await this.load();
    const i = eventGroup.get(`${doc}\u0000${event}`);
    return i === undefined ? [] : links.sameEvent[i].events.filter((e) => !(e.event === event && e.doc === doc));
  }
}
