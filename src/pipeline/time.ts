// Time stage: time expressions with the interval they stand for, resolved against the
// document's publication date (see time/resolve.ts).
import type { Stage } from './stage.ts';
import { findTimes } from './time/resolve.ts';

export const timeStage: Stage = {
  name: 'time',
  run(a) {
    const ranges = a.sentences.map((s) => [s.start, s.end] as [number, number]);
    a.times = findTimes(a.doc.body, a.doc.meta.published, ranges.length ? ranges : undefined);
  },
};
