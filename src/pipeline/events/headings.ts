// Titles, headings and captions tell no events of their own: a short paragraph whose last
// sentence has no final punctuation is taken as a heading, and so is the document's title.
import type { Analysis } from '../../model/types.ts';

const FINAL = /[.!?:;"”’)»}\]]$/;
const MAX_HEADING_TOKENS = 30;

/** For each sentence: whether it belongs to a heading paragraph. */
export function headingSentences(a: Analysis): boolean[] {
  const paragraphs = new Map<number, { last: number; tokens: number }>();
  a.sentences.forEach((s, i) => {
    const p = paragraphs.get(s.paragraph) ?? { last: i, tokens: 0 };
    p.last = i;
    p.tokens += s.tokens[1] - s.tokens[0];
    paragraphs.set(s.paragraph, p);
  });
  const headingParagraph = new Set<number>();
  for (const [p, { last, tokens }] of paragraphs) {
    const s = a.sentences[last];
    const text = a.doc.body.slice(s.start, s.end).trim();
    if (tokens <= MAX_HEADING_TOKENS && !FINAL.test(text)) headingParagraph.add(p);
  }
  const title = a.doc.meta.title?.trim();
  return a.sentences.map((s) => headingParagraph.has(s.paragraph) || (!!title && a.doc.body.slice(s.start, s.end).trim() === title));
}
