// Events as tables: a GDELT-like TSV and a full CSV with RFC 4180 quoting.
import type { EventRecord } from './records.ts';

type Cell = string | number | undefined | null;

export const TSV_COLUMNS = ['event_id', 'date', 'source_code', 'target_code', 'event_type', 'mode', 'cameo_root', 'goldstein', 'quad_class', 'modality',
  'date_end', 'date_text', 'place', 'place_country', 'doc_id', 'sentence'];

export function tsvRow({ line: l, event: e }: EventRecord): Cell[] {
  return [l.id, l.date, l.source?.code, l.target?.code, l.type, e.mode, l.cameo, l.goldstein, l.quadClass, l.modality,
    l.dateEnd, e.when?.text, e.place?.text, e.place?.country, l.doc, l.sentence];
}

/** TSV has no quoting: tabs and line breaks inside a field become spaces. */
export function tsvLine(cells: Cell[]): string {
  return cells.map((c) => (c === undefined || c === null ? '' : String(c).replace(/[\t\r\n]+/g, ' '))).join('\t') + '\n';
}

export const CSV_COLUMNS = [
  'event_id', 'date', 'date_end', 'date_from', 'event_type', 'mode', 'context', 'modality',
  'source_code', 'source_actor', 'source_name', 'source_text', 'target_code', 'target_actor', 'target_name', 'target_text',
  'place', 'place_country', 'cameo_root', 'goldstein', 'quad_class', 'confidence', 'trigger', 'via',
  'doc_id', 'doc_url', 'doc_outlet', 'doc_title', 'doc_published', 'sentence',
];

export function csvRow({ line: l, event: e, doc }: EventRecord): Cell[] {
  return [
    l.id, l.date, l.dateEnd, l.dateFrom, l.type, e.mode, e.context?.join(';'), l.modality,
    l.source?.code, l.source?.actor, l.source?.name, l.source?.text, l.target?.code, l.target?.actor, l.target?.name, l.target?.text,
    e.place?.text, e.place?.country, l.cameo, l.goldstein, l.quadClass, e.confidence, e.trigger.text, l.via,
    doc.id, doc.url, doc.outlet, doc.title, doc.published, l.sentence,
  ];
}

export function csvLine(cells: Cell[]): string {
  return cells.map((c) => {
    if (c === undefined || c === null) return '';
    const s = String(c);
    return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  }).join(',') + '\r\n';
}
