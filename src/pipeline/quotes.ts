// The quotes stage: direct quotes (in quotation marks, with the speaker found next to them or
// before a colon) and indirect ones (reported speech after "said that"). Short quoted phrases that
// nobody is said to have said are left to the frames stage as scare quotes.
import type { Quote } from '../model/types.ts';
import type { Stage } from './stage.ts';
import { classifyQuotes } from './voices/classify.ts';
import type { Attribution } from './voices/attribution.ts';

function speakerFields(a: Attribution | undefined): Pick<Quote, 'speaker' | 'speakerText' | 'speakerCode' | 'cue'> {
  if (!a) return {};
  const out: Pick<Quote, 'speaker' | 'speakerText' | 'speakerCode' | 'cue'> = { speakerText: a.text };
  if (a.actor) out.speaker = a.actor;
  if (a.code) out.speakerCode = a.code;
  if (a.cue) out.cue = a.cue;
  return out;
}

export const quotesStage: Stage = {
  name: 'quotes',
  run(analysis, ctx) {
    const { speech, indirect } = classifyQuotes(analysis, ctx);
    // (Object.assign rather than spread: the speaker fields come in many shapes, which V8 spreads slowly.)
    const quotes: Quote[] = speech.map((s) => Object.assign({ start: s.start, end: s.end, text: s.text, kind: 'direct' as const }, speakerFields(s.attribution)));
    for (const r of indirect) {
      quotes.push(Object.assign({ start: r.start, end: r.end, text: r.text, kind: 'indirect' as const }, speakerFields(r.attribution)));
    }
    analysis.quotes.push(...quotes.sort((a, b) => a.start - b.start));
  },
};
