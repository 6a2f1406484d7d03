// One raw document through building and the pipeline, the same in a worker thread and in-process.
import type { Analysis } from '../model/types.ts';
import type { Pipeline } from '../pipeline/index.ts';
import { buildRaw, type RawDocument } from '../ingest/index.ts';

export interface Task { seq: number; raw: RawDocument }

/** What became of one document: its analysis, or why it failed (`ingest`: not an article; `analysis`: the pipeline threw). */
export type Outcome =
  | { seq: number; analysis: Analysis }
  | { seq: number; failed: 'ingest' | 'analysis'; source: string; reason: string };

export function analyzeTask(pipeline: Pipeline, task: Task): Outcome {
  const built = buildRaw(task.raw);
  if ('error' in built) return { seq: task.seq, failed: 'ingest', source: built.error.source, reason: built.error.reason };
  try {
    // tokens are not stored (a stored analysis recomputes them), so they are not sent to the writer either
    return { seq: task.seq, analysis: { ...pipeline.analyze(built.doc), tokens: [] } };
  } catch (err) {
    return { seq: task.seq, failed: 'analysis', source: built.doc.source, reason: `analysis failed: ${err instanceof Error ? err.message : String(err)}` };
  }
}
