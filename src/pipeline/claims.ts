// The claims stage: sentences in which the writer (or an actor said to believe something) judges
// rather than reports. A sentence is a claim when, outside any quoted or reported speech, it has
// hedges, boosters or evaluative words, or a belief verb with a known subject ("Minsk considers …").
// Its hedge score rises with hedges and falls with boosters.
import type { Claim, Span } from '../model/types.ts';
import type { Stage } from './stage.ts';
import { classifyQuotes } from './voices/classify.ts';
import { subjectOf } from './voices/attribution.ts';
import type { PhraseHit } from './voices/phrases.ts';

/** The score of a claim with only evaluative words; each hedge adds, each booster takes away. */
const BASE_HEDGE = 0.3;
const STEP = 0.2;
/** A belief verb this close to the start of its sentence has the sentence's subject. */
const BELIEF_REACH = 8;

const clamp = (x: number) => Math.round(Math.min(1, Math.max(0, x)) * 100) / 100;

export const claimsStage: Stage = {
  name: 'claims',
  run(analysis, ctx) {
    const { speech, context: v } = classifyQuotes(analysis, ctx);
    const tokens = analysis.tokens;
    // Words that belong to someone else: quoted speech and reported clauses.
    const reported: Span[] = [...speech.map((s) => s.span), ...analysis.quotes.filter((q) => q.kind === 'indirect')];
    const outside = (hit: PhraseHit) => !reported.some((z) => tokens[hit.first].start < z.end && tokens[hit.last].end > z.start);
    const claims: Claim[] = [];
    for (const sentence of analysis.sentences) {
      const [first, end] = sentence.tokens;
      const hedges = v.lex.hedges.all(tokens, first, end).filter(outside);
      const boosters = v.lex.boosters.all(tokens, first, end).filter(outside);
      const evaluative = v.lex.evaluative.all(tokens, first, end).filter(outside);
      let holder = 'author';
      for (const hit of v.lex.beliefVerbs.all(tokens, first, end).filter(outside)) {
        // Only the main clause's verb: "Minsk considers …", not "… because he concluded …".
        if (tokens[hit.first].pos !== 'VERB' || hit.first - first > BELIEF_REACH) continue;
        const who = subjectOf(v, hit, first, tokens[hit.first].start, '', 'before');
        if (who?.actor) { holder = who.actor; break; }
      }
      if (hedges.length + boosters.length + evaluative.length === 0 && holder === 'author') continue;
      const cue = (h: PhraseHit) => v.text(h.first, h.last).toLowerCase();
      const about = [...new Set(v.mentionsIn(sentence.start, sentence.end).map((m) => m.actor).filter((a): a is string => !!a && a !== holder))];
      claims.push({
        start: sentence.start,
        end: sentence.end,
        text: analysis.doc.body.slice(sentence.start, sentence.end),
        holder,
        about,
        hedge: clamp(BASE_HEDGE + STEP * hedges.length - STEP * boosters.length),
        cues: [...new Set([...hedges, ...boosters, ...evaluative].sort((a, b) => a.first - b.first).map(cue))],
      });
    }
    analysis.claims.push(...claims);
  },
};
