// A store built by the real pipeline from short reports written for these tests: Belarusian and
// Polish officers meeting in Grodno, Minsk asking Moscow for gas, a Lithuanian border closure;
// and a later report of a second Grodno meeting, added to show new evidence arriving.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { analyzePaths } from '../../src/cli/analyze.ts';

const FIRST = [
  {
    title: 'Belarusian and Polish officers meet in Grodno', outlet: 'Harbour Post', published: '2025-05-06',
    text: 'Belarusian and Polish defence officials met in Grodno on Tuesday to discuss border security.\n\n' +
      'The Polish Defence Ministry said the talks covered inspections and a new hotline between the two armies.\n\n' +
      '"We want fewer incidents on the border, nothing more," said Jan Nowicki, a Polish border official.\n\n' +
      'Russia criticised the meeting.',
  },
  {
    title: 'Minsk asks Moscow for cheaper gas', outlet: 'Eastern Ledger', published: '2025-05-08',
    text: 'Belarus asked Russia for cheaper gas on Thursday.\n\n' +
      'Minsk is using its talks with Warsaw to press Moscow for concessions, the author of this column believes.\n\n' +
      '"Lukashenko shows the Poles to the Kremlin the way a trader shows a rival\'s offer," said Olga Brandt, an energy analyst in Vilnius.\n\n' +
      'In all likelihood Minsk will keep both doors open for as long as Moscow pays.',
  },
  {
    title: 'Lithuania shuts a crossing', outlet: 'Harbour Post', published: '2025-05-10',
    text: 'Lithuania closed a border crossing with Belarus on Friday.\n\nVilnius said the closure would last a week.',
  },
];

const LATER = [{
  title: 'Grodno talks resume', outlet: 'Eastern Ledger', published: '2025-06-02',
  text: 'Polish and Belarusian defence officials met again in Grodno on Monday to discuss border security.\n\nThey agreed to test the hotline every month.',
}];

const jsonl = (rows: object[]) => rows.map((r) => JSON.stringify(r)).join('\n') + '\n';

export interface AchFixture { dir: string; db: string; addLater(): Promise<void> }

/** A fresh store holding the first three reports; `addLater` analyses the fourth into it. */
export async function achStore(): Promise<AchFixture> {
  const dir = mkdtempSync(join(tmpdir(), 'sitrep-ach-'));
  const db = join(dir, 'store.db');
  writeFileSync(join(dir, 'first.jsonl'), jsonl(FIRST));
  writeFileSync(join(dir, 'later.jsonl'), jsonl(LATER));
  const quiet = () => {};
  await analyzePaths([join(dir, 'first.jsonl')], { db, kb: [] }, quiet);
  return { dir, db, addLater: async () => { await analyzePaths([join(dir, 'later.jsonl')], { db, kb: [] }, quiet); } };
}
