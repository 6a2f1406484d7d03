// One raw document through building and the pipeline, the same in a worker thread and in-process.
import type { Analysis } from '../model/types.ts';
import type { Pipeline } from '../pipeline/index.ts';
import { buildRaw, type RawDocument } from '../ingest/index.ts';
import { encodeDigest, linkDigest } from '../link/digest.ts';

export interface Task { seq: number; raw: RawDocument }

/** What became of one document: its analysis, or why it failed (`ingest`: not an article; `analysis`: the pipeline threw). */
export type Outcome =
  | { seq: number; analysis: Analysis; digest: string }
  | { seq: number; failed: 'ingest' | 'analysis'; source: string; reason: string };

export function analyzeTask(pipeline: Pipeline, task: Task): Outcome {
  const built = buildRaw(task.raw);
  if ('error' in built) return { seq: task.seq, failed: 'ingest', source: built.error.source, reason: built.error.reason };
  try {
    const analysis = pipeline.analyze(built.doc);
    // the link digest needs the tokens, which are not stored (a stored analysis recomputes them)
    // and so not sent to the writer either: it is made here, in parallel, and sent encoded
    const digest = encodeDigest(linkDigest(analysis));
    return { seq: task.seq, analysis: { ...analysis, tokens: [] }, digest };
  } catch (err) {
    return { seq: task.seq, failed: 'analysis', source: built.doc.source, reason: `analysis failed: ${err instanceof Error ? err.message : String(err)}` };
  }
}
