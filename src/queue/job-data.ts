// A job's data back to a Document: jobs may come from another version of sitrep or from any
// client of the queue, so the shape is checked and a bad job fails with a plain reason (and ends
// among the dead letters after its retries).
import type { Document } from '../model/types.ts';

const isObject = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);

export function documentFromJob(data: unknown): Document {
  if (!isObject(data)) throw new Error('the job holds no document (its data is not an object)');
  const missing = (['id', 'source', 'body'] as const).filter((k) => typeof data[k] !== 'string');
  if (missing.length) throw new Error(`the job holds no document: ${missing.map((k) => `"${k}"`).join(', ')} missing or not text`);
  if (!/^[0-9a-f]{16}$/.test(data.id as string)) throw new Error(`the job's document id "${String(data.id).slice(0, 40)}" is not a content hash`);
  if (!(data.body as string).trim()) throw new Error(`${String(data.source)}: the document body is empty`);
  const meta = isObject(data.meta) ? data.meta : {};
  const dropped = Array.isArray(data.dropped) ? data.dropped : [];
  return { id: data.id as string, source: data.source as string, body: data.body as string, meta, dropped } as Document;
}
