// Titles, headings and captions tell no events of their own: a paragraph whose last sentence
// has no final punctuation is taken as a heading.
import type { Analysis } from '../../model/types.ts';

const FINAL = /[.!?"”’)»}\]]$/;

/** For each sentence: whether it belongs to a heading paragraph. */
export function headingSentences(a: Analysis): boolean[] {
  const lastOfParagraph = new Map<number, number>();
  a.sentences.forEach((s, i) => lastOfParagraph.set(s.paragraph, i));
  const headingParagraph = new Set<number>();
  for (const [p, i] of lastOfParagraph) {
    const s = a.sentences[i];
    const text = a.doc.body.slice(s.start, s.end).trim();
    if (!FINAL.test(text)) headingParagraph.add(p);
  }
  const title = a.doc.meta.title?.trim();
  return a.sentences.map((s) => headingParagraph.has(s.paragraph) || (!!title && a.doc.body.slice(s.start, s.end).trim() === title));
}
