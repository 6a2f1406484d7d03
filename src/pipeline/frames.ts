// Placeholder while this stage is being written; replaced by the real stage.
import type { Stage } from './stage.ts';

export const framesStage: Stage = {
  name: 'frames',
  run() {},
};
