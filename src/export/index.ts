// Exports of a store: PLOVER JSON Lines, GDELT-like TSV, CSV, and GraphML for network tools.
// Tabular formats stream event by event; GraphML sums relations first.
import type { Store } from '../store/index.ts';
import { eventRecords } from './records.ts';
import { ploverJsonLine } from './plover-json.ts';
import { CSV_COLUMNS, csvLine, csvRow, TSV_COLUMNS, tsvLine, tsvRow } from './tables.ts';
import { writeGraphml } from './graphml.ts';

export type ExportFormat = 'plover-json' | 'events-tsv' | 'csv' | 'graphml';
export const EXPORT_FORMATS: readonly ExportFormat[] = ['plover-json', 'events-tsv', 'csv', 'graphml'];

export async function exportStore(store: Store, format: ExportFormat, write: (chunk: string) => void): Promise<void> {
  switch (format) {
    case 'plover-json':
      for await (const r of eventRecords(store)) write(ploverJsonLine(r));
      return;
    case 'events-tsv':
      write(tsvLine(TSV_COLUMNS));
      for await (const r of eventRecords(store)) write(tsvLine(tsvRow(r)));
      return;
    case 'csv':
      write(csvLine(CSV_COLUMNS));
      for await (const r of eventRecords(store)) write(csvLine(csvRow(r)));
      return;
    case 'graphml':
      await writeGraphml(store, write);
      return;
    default:
      throw new Error(`unknown export format "${String(format)}" (use one of ${EXPORT_FORMATS.join(', ')})`);
  }
}
