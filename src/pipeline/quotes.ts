// Placeholder while this stage is being written; replaced by the real stage.
import type { Stage } from './stage.ts';

export const quotesStage: Stage = {
  name: 'quotes',
  run() {},
};
