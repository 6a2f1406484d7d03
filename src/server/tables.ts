// List pages as tables: events in the export formats (CSV, GDELT-like TSV, PLOVER JSON Lines),
// other records as CSV. One page per request, like JSON; the Link header leads to the next.
import type { FastifyReply } from 'fastify';
import type { EventLine, RoleLine } from '../analysis/event-lines.ts';
import type { EventRecord } from '../export/records.ts';
import { CSV_COLUMNS, csvLine, csvRow, TSV_COLUMNS, tsvLine, tsvRow } from '../export/tables.ts';
import { ploverJsonLine } from '../export/plover-json.ts';
import type { Event } from '../model/types.ts';
import type { EventRecordRow } from '../store/queries.ts';
import type { ApiStore } from './context.ts';

type Cell = string | number | boolean | undefined | null;

export const MEDIA: Record<string, string> = {
  csv: 'text/csv; charset=utf-8',
  'events-tsv': 'text/tab-separated-values; charset=utf-8',
  'plover-json': 'application/x-ndjson; charset=utf-8',
};

/** Names of the actors these events involve, with merged ids taken to the actor they merge into. */
async function actorNames(store: ApiStore, same: Record<string, string>, rows: EventRecordRow[]): Promise<{ name: (id: string) => string | undefined; same: Record<string, string> }> {
  const names = new Map<string, string>();
  for (const r of rows) {
    for (const role of [r.event.source, r.event.target]) {
      const id = role?.actor ? (same[role.actor] ?? role.actor) : undefined;
      if (id && !names.has(id)) names.set(id, (await store.actor(id))?.name ?? id);
    }
  }
  return { name: (id) => names.get(id), same };
}

/** The same flat line `sitrep export` writes, built from a listed row instead of a whole Analysis. */
export function rowLine(row: EventRecordRow, name: (id: string) => string | undefined, same: Record<string, string>): EventLine {
  const e = row.event;
  const role = (r: Event['source']): RoleLine | undefined => {
    if (!r) return undefined;
    const actor = r.actor ? (same[r.actor] ?? r.actor) : undefined;
    return { code: r.code, name: (actor && name(actor)) ?? r.text, ...(actor ? { actor } : {}), text: r.text };
  };
  const line: EventLine = { id: e.id, doc: row.doc, type: e.type, modality: e.modality, trigger: e.trigger?.text ?? '', sentence: row.sentence, via: e.via };
  if (e.when?.start) Object.assign(line, { date: e.when.start, dateEnd: e.when.end ?? e.when.start, dateFrom: 'text' });
  else if (row.published && e.modality === 'asserted') Object.assign(line, { date: row.published, dateFrom: 'published' });
  const source = role(e.source);
  const target = role(e.target);
  if (source) line.source = source;
  if (target) line.target = target;
  if (e.place) line.place = e.place.text;
  if (e.cameo) line.cameo = e.cameo;
  if (e.goldstein !== undefined) line.goldstein = e.goldstein;
  if (e.quadClass !== undefined) line.quadClass = e.quadClass;
  return line;
}

export async function eventTable(store: ApiStore, sameActor: Record<string, string>, rows: EventRecordRow[], format: string): Promise<string> {
  const { name, same } = await actorNames(store, sameActor, rows);
  const records: EventRecord[] = rows.map((row) => ({
    line: rowLine(row, name, same), event: row.event,
    doc: { id: row.doc, source: '', outlet: row.outlet, published: row.published },
  }));
  if (format === 'plover-json') return records.map(ploverJsonLine).join('');
  if (format === 'events-tsv') return tsvLine(TSV_COLUMNS) + records.map((r) => tsvLine(tsvRow(r))).join('');
  return csvLine(CSV_COLUMNS) + records.map((r) => csvLine(csvRow(r))).join('');
}

/** A CSV of any records, given its columns and how to read each. */
export function csvTable<T>(columns: Record<string, (x: T) => Cell>, rows: T[]): string {
  const names = Object.keys(columns);
  const fns = Object.values(columns);
  return csvLine(names) + rows.map((r) => csvLine(fns.map((f) => {
    const v = f(r);
    return typeof v === 'boolean' ? String(v) : v;
  }))).join('');
}

export function sendTable(reply: FastifyReply, format: string, body: string): FastifyReply {
  return reply.type(MEDIA[format] ?? MEDIA.csv).send(body);
}
