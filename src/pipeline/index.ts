// The pipeline: the stages in the order they run. Each reads what the earlier ones wrote.
import type { Analysis, Document } from '../model/types.ts';
import { emptyAnalysis } from '../model/types.ts';
import { loadKnowledgeBase, type LoadOptions } from '../kb/knowledge-base.ts';
import type { PipelineContext, Stage } from './stage.ts';
import { textStage } from './text.ts';
import { actorsStage } from './actors.ts';
import { timeStage } from './time.ts';
import { quotesStage } from './quotes.ts';
import { eventsStage } from './events.ts';
import { claimsStage } from './claims.ts';
import { framesStage } from './frames.ts';

export const STAGES: readonly Stage[] = [
  textStage,     // sentences and tokens
  actorsStage,   // mentions resolved to actors
  timeStage,     // time expressions resolved against the publication date
  quotesStage,   // direct and indirect quotes with speakers
  eventsStage,   // PLOVER events with source, target, place, time, modality
  claimsStage,   // the author's own claims with a hedge score
  framesStage,   // scare quotes, loaded words, hedges
];

export interface Pipeline {
  ctx: PipelineContext;
  analyze(doc: Document): Analysis;
}

export function createPipeline(options: LoadOptions = {}): Pipeline {
  const ctx: PipelineContext = { kb: loadKnowledgeBase(options) };
  return {
    ctx,
    analyze(doc: Document): Analysis {
      const analysis = emptyAnalysis(doc);
      for (const stage of STAGES) stage.run(analysis, ctx);
      return analysis;
    },
  };
}
