// The modality of a trigger: asserted, negated, hypothetical, recommended or predicted, from
// cue words around it (data/plover/modality.yaml), and the trigger that governs it, if any
// ("offered to host a base": "host" is the content of the offer, not an event of its own).
import type { Modality, Token } from '../../model/types.ts';
import { cueAt, cueTables, isAdjectival, isNominal, isWord, strongest } from './cues.ts';

export interface ModalityFinding {
  modality: Modality;
  cues: string[];
  /** Token index of the first token of the verb chain the trigger belongs to ("plans to deploy" -> "plans"). */
  chainTop: number;
  /** A trigger that takes this one as its complement, and how: "offer to host" (infinitive), "negotiating the stationing" (object). */
  governor?: { token: number; how: 'infinitive' | 'object' };
  /** The act is announced or declared intended by its actor ("will visit", "plans to impose", "is prepared to"). */
  intent: boolean;
}

const LOCAL_WINDOW = 6;
const BOUNDARY_PUNCT = new Set([',', ';', ':', '(', ')', '—', '–', '.', '!', '?']);
const SKIP_TO_GOVERNOR = new Set(['NUM', 'SYM', 'DET', 'PRON', 'PROPN', 'ADV', 'PART']);
const OBJECT_MODIFIERS = new Set(['DET', 'ADJ', 'NUM', 'PRON', 'PROPN', 'NOUN', 'PART']);
const OBJECT_PREPOSITIONS = new Set(['to', 'on', 'upon', 'for']);
/** Negations of a verb itself, after it: "would not", "did never". */
const NOT_VERB = new Set(['not', 'never', 'not yet', "n't"]);

function isBoundary(t: Token, openers: Set<string>): boolean {
  return (t.pos === 'PUNCT' && BOUNDARY_PUNCT.has(t.text)) || (openers.has(t.lemma) && (t.pos === 'SCONJ' || t.pos === 'CCONJ' || t.pos === 'PRON' || t.pos === 'DET' || t.pos === 'ADP'));
}

/** The token governing token `i` through "to", or through being its object, within [from, i). */
function governorOf(tokens: Token[], i: number, from: number, isNoun: boolean, inTime?: (i: number) => boolean): { token: number; how: 'infinitive' | 'object' } | undefined {
  let k = i - 1;
  while (k >= from && tokens[k].pos === 'ADV') k--;
  // "to be deployed": a passive infinitive
  if (k - 1 >= from && tokens[k].lemma === 'be' && isWord(tokens[k - 1], 'to')) k--;
  // "to help defend": "help" takes a bare infinitive, and is its governor
  if (k >= from && k === i - 1 && tokens[k].pos === 'VERB' && tokens[k].lemma === 'help') return { token: k, how: 'infinitive' };
  if (k >= from && isWord(tokens[k], 'to') && (tokens[k].pos === 'PART' || tokens[k].pos === 'ADP')) {
    for (let g = k - 1, n = 0; g >= from && n < 10; g--, n++) {
      const t = tokens[g];
      if (inTime?.(g)) continue;          // "talks from a few years back to host": skip the date
      if (t.pos === 'NOUN') {
        // "agreed in principle to provide", "the right of the troops to fire": a noun inside a
        // prepositional phrase is not what governs the infinitive; look past the phrase
        let b = g - 1;
        while (b >= from && (tokens[b].pos === 'DET' || tokens[b].pos === 'ADJ' || tokens[b].pos === 'NUM' || tokens[b].pos === 'PROPN' || tokens[b].pos === 'PRON')) b--;
        if (b > from && tokens[b].pos === 'ADP' && !isWord(tokens[b], 'to') && !isWord(tokens[b], 'of')) { g = b; n += 1; continue; }
      }
      if (t.pos === 'VERB' || t.pos === 'ADJ' || t.pos === 'NOUN' || t.pos === 'AUX') return { token: g, how: 'infinitive' };
      // "a grant of 580 million shillings (64.45 million dollars) to finance": past a parenthesis
      if (t.text === ')') {
        let open = g - 1;
        while (open > from && tokens[open].text !== '(' && tokens[open].text !== ')') open--;
        if (tokens[open].text === '(' && g - open <= 8) { g = open; continue; }
      }
      // "urged Russia and Belarus to withdraw": past names joined by a conjunction
      if (t.pos === 'CCONJ' && (t.lemma === 'and' || t.lemma === 'or') && g - 1 >= from && SKIP_TO_GOVERNOR.has(tokens[g - 1].pos)) continue;
      if (t.pos === 'PUNCT' && t.text !== '-') return undefined;
      if (!SKIP_TO_GOVERNOR.has(t.pos) && t.pos !== 'ADP') return undefined;
    }
    return undefined;
  }
  if (isNoun) {
    for (let g = i - 1, n = 0; g >= from && n < 7; g--, n++) {
      const t = tokens[g];
      // "its long-threatened invasion": a hyphenated participle describes the noun
      if (t.pos === 'VERB' && g - 1 > from && tokens[g - 1].text === '-' && !tokens[g - 1].space) { g--; n++; continue; }
      if (t.pos === 'VERB') {
        if (isAdjectival(tokens, g, from)) return undefined;
        return { token: g, how: 'object' };
      }
      // "agreed to a ceasefire", "conceded to demands", "insisted on talks": a prepositional object
      if (t.pos === 'ADP' && OBJECT_PREPOSITIONS.has(t.lemma) && g - 1 >= from && (tokens[g - 1].pos === 'VERB' || tokens[g - 1].pos === 'ADJ')) {
        if (tokens[g - 1].pos === 'VERB' && isAdjectival(tokens, g - 1, from)) return undefined;
        return { token: g - 1, how: 'object' };     // "opposed to French mediation"
      }
      if (!OBJECT_MODIFIERS.has(t.pos)) return undefined;
    }
  }
  return undefined;
}

/** The trigger is in a "before"/"until" clause told in the present or as a gerund: not yet done. */
function notYet(tokens: Token[], head: number, lower: number): boolean {
  for (let k = head - 1, n = 0; k >= lower && n < 8; k--, n++) {
    const t = tokens[k];
    if (t.pos === 'PUNCT' || (t.pos === 'VERB' && k !== head)) return false;
    if (!(isWord(t, 'before') || isWord(t, 'until'))) continue;
    const h = tokens[head];
    if (/ing$/i.test(h.text)) return true;
    for (let j = k + 1; j < head; j++) if (tokens[j].pos === 'AUX' && /^(is|are|be|has|have)$/i.test(tokens[j].text)) return true;
    return h.pos === 'VERB' && (h.text.toLowerCase() === h.lemma || /[^s]s$/i.test(h.text));
  }
  return false;
}

/** "a call for a ceasefire", "appeals for its troops to": the token of the word that calls for the noun at `i`, or -1. */
function calledFor(tokens: Token[], i: number, lower: number): number {
  const governors = cueTables().forGovernors;
  let k = i - 1;
  while (k >= lower && k > i - 5 && (tokens[k].pos === 'DET' || tokens[k].pos === 'ADJ' || tokens[k].pos === 'PRON' || tokens[k].pos === 'NUM'
    || tokens[k].pos === 'NOUN' || /ing$/.test(tokens[k].text))) k--;
  if (k > lower && isWord(tokens[k], 'for')) {
    for (let g = k - 1, n = 0; g >= lower && n < 5; g--, n++) {
      if (governors.has(tokens[g].lemma)) return g;
      if (tokens[g].pos === 'PUNCT') break;
    }
  }
  return -1;
}

/**
 * Finds the modality of the trigger whose head token is `head`, in the sentence [from, to).
 * `isTrigger` tells whether a token starts another trigger (to find governing events);
 * `lower` is where the trigger's clause or quote begins; `speechAct` marks verbal acts;
 * `inTime` tells whether a token belongs to a time expression; `purposeDone` marks acts done by
 * the act they are the purpose of ("rallied to protest": the rally is the protest).
 */
export function modalityOf(tokens: Token[], head: number, from: number, to: number, isTrigger: (i: number) => boolean,
  lower = from, speechAct = false, inTime?: (i: number) => boolean, purposeDone = false): ModalityFinding {
  const cues = cueTables();
  const found: Modality[] = [];
  const words: string[] = [];
  const notes = { found, words };
  const isNoun = isNominal(tokens, head) || tokens[head].pos === 'ADJ';     // "joint exercises" heads a noun phrase

  // Words just before a nominal trigger: "the planned deployment", "no talks"; "the failed
  // talks", "missiles already deployed" tell of something that took place (realis).
  let realis = false;
  if (isNoun) {
    for (let k = head - 1, n = 0; k >= lower && n < 3; k--, n++) {
      const t = tokens[k];
      if (t.pos !== 'ADJ' && t.pos !== 'DET' && t.pos !== 'VERB' && t.pos !== 'NOUN') break;
      const c = cueAt(cues.modifiers, tokens, k, head);
      if (c?.modality === 'asserted') realis = true;
      else if (c) note(notes, c.modality, c.text);
    }
  } else if (head > lower && tokens[head - 1].pos === 'ADV' && cues.realis.has(tokens[head - 1].lemma)) realis = true;

  // "calls by Moscow for a ceasefire": the thing called for has not happened.
  if (isNoun || (tokens[head].pos === 'VERB' && /ing$/i.test(tokens[head].text))) { const g = calledFor(tokens, head, lower); if (g >= 0) note(notes, 'hypothetical', `${tokens[g].text} for`); }

  // "demanded a truce before allowing convoys", "must agree before they demobilize": what is to
  // come before or until something else has not happened yet
  if (notYet(tokens, head, lower)) note(notes, 'hypothetical', 'before');

  // Walk up the chain of "to"-complements: "is trying to gradually diversify".
  let top = head;
  let intent = false;
  let governor: ModalityFinding['governor'];
  let noun = isNoun;
  for (let step = 0; step < 4; step++) {
    const g = governorOf(tokens, top, lower, noun, inTime);
    if (!g) break;
    if (isTrigger(g.token)) { governor = g; top = g.token; break; }
    if (g.how === 'infinitive') {
      const gm = cues.governors.get(tokens[g.token].lemma) ?? cues.governors.get(tokens[g.token].text.toLowerCase());
      if (gm) note(notes, gm, tokens[g.token].text);
      const isIntent = cues.intentGovernors.has(tokens[g.token].lemma) || cues.intentGovernors.has(tokens[g.token].text.toLowerCase());
      if (isIntent) intent = true;
      // "opened the bridge to allow deliveries", "took steps to enhance": a purpose, not yet done;
      // but "decided to", "began to", "managed to" tell it done
      else if (!gm && !purposeDone && (tokens[g.token].pos === 'VERB' || tokens[g.token].pos === 'NOUN') && !cues.realisGovernors.has(tokens[g.token].lemma)) note(notes, 'hypothetical', `${tokens[g.token].text} to (purpose)`);
    }
    top = g.token;
    noun = isNominal(tokens, top);
  }

  // "a call for its forces to be deployed": the subject of a for-to infinitive that is called for
  if (top !== head && tokens[top].pos === 'NOUN' && !found.length) { const g = calledFor(tokens, top, lower); if (g >= 0) note(notes, 'hypothetical', `${tokens[g].text} for`); }

  // Auxiliaries and negations just before the chain, inside its clause.
  for (let k = top - 1, n = 0; k >= lower && n < LOCAL_WINDOW; k--, n++) {
    if (isBoundary(tokens[k], cues.clauseOpeners)) break;
    const c = cueAt(cues.local, tokens, k, top);
    // "Should Moscow ask for more, ...": a clause-initial "should" is a condition, not advice.
    if (c && c.text === 'should' && (k === from || tokens[k - 1].pos === 'PUNCT')) note(notes, 'hypothetical', 'should (if)');
    else if (c) { note(notes, c.modality, c.text); if (c.modality === 'predicted') intent = true; }
  }

  // A nominal subject takes the modality of its verb: "Russian pressure on Belarus would likely ...".
  let verbBefore = false;
  for (let k = lower; k < head && !verbBefore; k++) verbBefore = tokens[k].pos === 'VERB' || tokens[k].pos === 'AUX';
  if (isNoun && top === head && found.length === 0 && !verbBefore) {
    for (let k = head + 1, n = 0; k < to && n < 8; k++, n++) {
      const t = tokens[k];
      if (t.pos === 'PUNCT' && t.text !== '-') break;
      if (t.pos === 'AUX' || t.pos === 'VERB') {
        const c = cueAt(cues.local, tokens, k, to);
        if (c) note(notes, c.modality, c.text);
        const next = k + 1 < to ? cueAt(cues.local, tokens, k + 1, to) : undefined;
        // "the talks did not take place"; but "the talks ended without agreement" took place
        if (next && next.modality === 'negated' && NOT_VERB.has(next.text.toLowerCase())) note(notes, 'negated', next.text);
        break;
      }
    }
  }

  let modality = strongest(found);

  // Conditions, hopes and fears earlier in the sentence, or "if" right after the trigger.
  if (!realis && (modality === 'asserted' || modality === 'predicted' || modality === 'hypothetical')) {
    let stop = from;
    for (let k = top - 1; k >= from; k--) if (tokens[k].text === ';') { stop = k + 1; break; }
    let sentenceModality: Modality | undefined;
    for (let k = stop; k < top && sentenceModality !== 'recommended'; k++) {
      const c = cueAt(cues.sentence, tokens, k, top);
      if (!c) continue;
      if (c.modality === 'recommended') { sentenceModality = 'recommended'; words.push(c.text); }
      else if (c.modality === 'hypothetical' && modality !== 'hypothetical') { sentenceModality = 'hypothetical'; words.push(c.text); }
      else if (c.modality === 'predicted' && modality === 'asserted' && !sentenceModality) { sentenceModality = 'predicted'; words.push(c.text); }
    }
    // A speech act ("threatened to ban ... unless", "rejected an invitation for next week") is
    // told as done; what follows it is its content, not a condition on it.
    for (let k = head + 1, n = 0; !speechAct && k < to && n < 10 && !sentenceModality; k++, n++) {
      if (tokens[k].text === ';' || tokens[k].text === '.') break;
      if (isWord(tokens[k], 'if') || isWord(tokens[k], 'unless')) { sentenceModality = 'hypothetical'; words.push(tokens[k].text); }
      // "has banned candidates from the upcoming elections": a verb told in the past is done,
      // whatever future its object names
      else if (modality === 'asserted' && !toldAsPast(tokens, head, lower)) {
        const c = cueAt(cues.sentence, tokens, k, to);
        if (c && c.modality === 'predicted') { sentenceModality = 'predicted'; words.push(c.text); }
      }
    }
    if (sentenceModality) modality = strongest([modality, sentenceModality]);
  }
  return { modality, cues: words, chainTop: top, governor, intent };
}

/** Records a cue word and the modality it gives. */
function note(notes: { found: Modality[]; words: string[] }, m: Modality, w: string): void {
  notes.found.push(m);
  notes.words.push(w);
}

/** The verbal trigger is told in the past: a past form ("banned", "took") or a perfect ("has banned"). */
function toldAsPast(tokens: Token[], head: number, lower: number): boolean {
  const h = tokens[head];
  if (h.pos !== 'VERB') return false;
  const text = h.text.toLowerCase();
  if (text !== h.lemma && !/(s|ing)$/.test(text)) return true;
  for (let k = head - 1; k >= lower && k >= head - 3; k--) {
    if (tokens[k].pos === 'AUX' && /^(has|have|had)$/i.test(tokens[k].text)) return true;
    if (tokens[k].pos !== 'ADV') break;
  }
  return false;
}
