// Every stored event as one flat record with its document, the shape all tabular exports share.
import type { Store } from '../store/index.ts';
import { eventLine, type EventLine } from '../analysis/event-lines.ts';
import type { Event } from '../model/types.ts';

export interface EventRecord {
  line: EventLine;
  event: Event;
  doc: { id: string; source: string; url?: string; outlet?: string; title?: string; published?: string };
}

/** The stored events, document by document, with merged actor ids replaced by the one they merge into. */
export async function* eventRecords(store: Store): AsyncGenerator<EventRecord> {
  const same = (await store.links()).sameActor;
  for await (const a of store.analyses()) {
    const actors = new Map(a.actors.map((x) => [x.id, x]));
    const m = a.doc.meta;
    const doc = { id: a.doc.id, source: a.doc.source, url: m.url, outlet: m.outlet, title: m.title, published: m.published };
    for (const e of a.events) {
      const line = eventLine(a, e, actors);
      for (const r of [line.source, line.target]) if (r?.actor && same[r.actor]) r.actor = same[r.actor];
      yield { line, event: e, doc };
    }
  }
}
