// PLOVER-style event records, one JSON object per line (JSON Lines), with sitrep's modality and provenance.
import type { EventRecord } from './records.ts';

export function ploverRecord({ line: l, event: e, doc }: EventRecord): Record<string, unknown> {
  return {
    id: l.id,
    date: l.date ?? null,
    date_end: l.dateEnd ?? null,
    date_from: l.dateFrom ?? null,                 // 'text': resolved from the text; 'published': the report's day
    date_text: e.when?.text ?? null,               // the words the date was resolved from
    event: l.type,
    mode: e.mode ?? null,
    context: e.context ?? [],
    modality: l.modality,
    source: l.source?.code ?? null,
    source_actor: l.source?.actor ?? null,
    source_name: l.source?.name ?? null,
    source_text: l.source?.text ?? null,
    target: l.target?.code ?? null,
    target_actor: l.target?.actor ?? null,
    target_name: l.target?.name ?? null,
    target_text: l.target?.text ?? null,
    location: e.place ? { name: e.place.text, country: e.place.country ?? null } : null,
    cameo: l.cameo ?? null,
    goldstein: l.goldstein ?? null,
    quad_class: l.quadClass ?? null,
    confidence: e.confidence,
    trigger: e.trigger.text,
    text: l.sentence,
    span: [e.start, e.end],
    doc: { id: doc.id, url: doc.url ?? null, outlet: doc.outlet ?? null, title: doc.title ?? null, published: doc.published ?? null, source: doc.source },
    via: l.via,
  };
}

export function ploverJsonLine(r: EventRecord): string {
  return JSON.stringify(ploverRecord(r)) + '\n';
}
