// The place an event happened: "in Warsaw", "came to Brest".
import type { RoleContext } from './roles.ts';

/** Prepositions that put a name in the role of a place: "in Warsaw", "near Brest", "marched through Belgrade". */
export const PLACE_PREPS = new Set(['in', 'at', 'inside', 'within', 'near', 'across', 'through', 'throughout', 'around']);
/** Punctuation that ends the stretch after a trigger where its object or place can be. */
export const STOP_FORWARD = new Set([';', '.', ':', '!', '?']);

/** "in Warsaw", "came to Brest": the place the trigger (from its head on) points to, within its clause. */
export function placeAfter(c: RoleContext, head: number, toCounts: boolean): { text: string; start: number; end: number; first: number } | undefined {
  const { tokens } = c.a;
  for (let k = head + 1, n = 0; k < c.to && n < 12; k++, n++) {
    const t = tokens[k];
    if (STOP_FORWARD.has(t.text) || t.text === ',') break;
    // (by its text too: the lemmatizer gives "through" the lemma "thru")
    if (!(PLACE_PREPS.has(t.lemma) || PLACE_PREPS.has(t.text.toLowerCase()) || (toCounts && (t.lemma === 'to' || t.lemma === 'into')))) continue;
    let a = k + 1;
    if (a < c.to && tokens[a].pos === 'DET') a++;
    // "in the occupied West Bank", "in eastern Ukraine": past a modifier
    if (a + 1 < c.to && (tokens[a].pos === 'ADJ' || (tokens[a].pos === 'VERB' && /ed$/i.test(tokens[a].text))) && tokens[a + 1].pos === 'PROPN') a++;
    let b = a;
    while (b < c.to && (tokens[b].pos === 'PROPN' || (b > a && tokens[b].text === '-')) && /^\p{Lu}/u.test(tokens[b].text)) b++;
    if (b > a) return { text: c.a.doc.body.slice(tokens[a].start, tokens[b - 1].end), start: tokens[a].start, end: tokens[b - 1].end, first: a };
  }
  return undefined;
}
