// The frames stage: how the writer frames things. Scare quotes (quoted terms nobody is said to have
// said), loaded words by category, hedges and intensifiers, each with the span of its words. Word
// lists are matched only outside speech: a speaker's loaded words are the speaker's, not the writer's.
import type { Frame } from '../model/types.ts';
import type { Stage } from './stage.ts';
import { classifyQuotes } from './voices/classify.ts';
import type { PhraseHit, PhraseMatcher } from './voices/phrases.ts';

export const framesStage: Stage = {
  name: 'frames',
  run(analysis, ctx) {
    const { terms, speech, indirect, context } = classifyQuotes(analysis, ctx);
    const frames: Frame[] = terms.map((t) => ({ kind: 'scare-quote', text: t.text, start: t.start, end: t.end }));
    const tokens = analysis.tokens;
    const body = analysis.doc.body;
    const taken = new Set<number>();   // a token gets one word-list frame, the first list that claims it
    // Words a speaker said (quoted or reported) frame nothing of the writer's: they are left out.
    for (const z of [...speech.map((s) => s.span), ...indirect]) {
      for (let i = context.tokenFrom(z.start); i < tokens.length && tokens[i].start < z.end; i++) taken.add(i);
    }
    const isTaken = (hit: PhraseHit) => { for (let i = hit.first; i <= hit.last; i++) if (taken.has(i)) return true; return false; };
    const add = (kind: string, matcher: PhraseMatcher, category?: string) => {
      for (const hit of matcher.all(tokens)) {
        if (isTaken(hit)) continue;
        for (let i = hit.first; i <= hit.last; i++) taken.add(i);
        const start = tokens[hit.first].start, end = tokens[hit.last].end;
        frames.push({ kind, text: body.slice(start, end), start, end, ...(category ? { category } : {}) });
      }
    };
    for (const { category, matcher } of context.lex.loaded) add('loaded', matcher, category);
    add('hedge', context.lex.hedges);
    add('intensifier', context.lex.boosters);
    analysis.frames.push(...frames.sort((a, b) => a.start - b.start || a.end - b.end));
  },
};
