import type { Stage } from './stage.ts';
import { tokenize } from '../text/tokenize.ts';

export const textStage: Stage = {
  name: 'text',
  run(a) {
    const { sentences, tokens } = tokenize(a.doc.body);
    a.sentences = sentences;
    a.tokens = tokens;
  },
};
