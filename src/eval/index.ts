// evaluateGold: run the whole pipeline on the documents of a gold file and score what it finds
// (../shared/gold/FORMAT.md). A document that fails to ingest or analyse is reported and scored
// as finding nothing; the run goes on.
import { join } from 'node:path';
import type { Analysis, CorpusLinks } from '../model/types.ts';
import { ingestFile } from '../ingest/index.ts';
import { createPipeline } from '../pipeline/index.ts';
import { linkAnalyses } from '../link/index.ts';
import { loadGold } from './gold.ts';
import { failedView, viewOf, type SystemView } from './findings.ts';
import { addCounts, emptyCounts, scoreDocument, scoreLinks, type EvalError } from './score.ts';
import { toResult, type EvalResult } from './result.ts';

export { renderEval } from './render.ts';
export { loadGold, parseGold, GoldError } from './gold.ts';
export { scoreDocument, scoreLinks, eventMatches, dateSpan } from './score.ts';
export type { EvalResult, AccuracyScore, PRFScore } from './result.ts';
export type { EvalError } from './score.ts';
export type { SystemDoc, SystemView } from './findings.ts';

const message = (e: unknown): string => (e instanceof Error ? e.message : String(e));

export async function evaluateGold(goldPath: string, options: { kbFiles?: string[] } = {}): Promise<EvalResult> {
  const gold = loadGold(goldPath);
  const pipeline = createPipeline(options);
  const analysed = new Map<string, Analysis>();
  const failed = new Map<string, SystemView>();
  for (const g of gold.documents) {
    if (analysed.has(g.file) || failed.has(g.file)) continue;
    let doc;
    try {
      doc = ingestFile(join(gold.corpus, g.file));
    } catch (e) {
      failed.set(g.file, failedView(g.file, `ingest failed: ${message(e)}`));
      continue;
    }
    try {
      analysed.set(g.file, pipeline.analyze(doc));
    } catch (e) {
      failed.set(g.file, failedView(g.file, `pipeline failed: ${message(e)}`));
    }
  }

  const errors: EvalError[] = [];
  let links: CorpusLinks = { sameActor: {}, sameEvent: [], storylines: [] };
  try {
    links = linkAnalyses(analysed.values());
  } catch (e) {
    errors.push({ file: '', kind: 'links', type: 'miss', item: { error: `link failed: ${message(e)}` }, sentence: '' });
  }

  const views = new Map<string, SystemView>(failed);
  for (const [file, a] of analysed) views.set(file, viewOf(file, a, links));

  const counts = emptyCounts();
  const scored = new Set<string>();
  for (const g of gold.documents) {
    const result = scoreDocument(g, views.get(g.file)!);
    addCounts(counts, result.counts);
    errors.push(...result.errors);
    scored.add(g.file);
  }
  const linked = scoreLinks(gold.links, views, links.sameActor);
  addCounts(counts, linked.counts);
  errors.push(...linked.errors);

  return toResult(counts, errors, [...scored].map((file) => views.get(file)!.doc));
}
