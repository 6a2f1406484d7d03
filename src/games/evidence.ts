// The sentences behind evidence ids cited in a scenario: DOC:eN is an event, DOC:cN the N-th
// claim, DOC:qN the N-th quote of a stored document.
import { openStore } from '../store/index.ts';
import type { Analysis } from '../model/types.ts';

export async function evidenceTexts(db: string, ids: string[]): Promise<Map<string, string>> {
  const store = await openStore(db);
  const out = new Map<string, string>();
  try {
    const analyses = new Map<string, Analysis | undefined>();
    for (const id of new Set(ids)) {
      const [doc, record] = id.split(':') as [string, string];
      if (!analyses.has(doc)) analyses.set(doc, await store.getAnalysis(doc));
      const a = analyses.get(doc);
      if (!a) continue;
      const text = recordText(a, id, record);
      if (text) out.set(id, text);
    }
  } finally {
    await store.close();
  }
  return out;
}

function recordText(a: Analysis, id: string, record: string): string | undefined {
  const m = /^([ecq])(\d+)$/.exec(record);
  if (!m) return undefined;
  const k = Number(m[2]);
  let span: { start: number; end: number } | undefined;
  if (m[1] === 'e') span = a.events.find((e) => e.id === id || e.id === record);
  else if (m[1] === 'c') span = a.claims[k - 1];
  else span = a.quotes[k - 1];
  if (!span) return undefined;
  const sentence = a.sentences.find((s) => s.start <= span!.start && span!.start < s.end) ?? span;
  return a.doc.body.slice(sentence.start, sentence.end).replace(/\s+/g, ' ').trim();
}
