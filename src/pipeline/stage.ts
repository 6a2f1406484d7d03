import type { Analysis } from '../model/types.ts';
import type { KnowledgeBase } from '../kb/knowledge-base.ts';

/** What every stage may read besides the analysis: the loaded knowledge and data files. */
export interface PipelineContext {
  kb: KnowledgeBase;
}

/** One step of the pipeline: reads what earlier stages wrote to the analysis and adds its own records. */
export interface Stage {
  name: string;
  run(analysis: Analysis, ctx: PipelineContext): void;
}
