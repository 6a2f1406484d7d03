// The analyst's ACH matrix file (docs/ach.md): hypotheses, what evidence to draw from the store,
// and the ratings given so far. Errors name the file, the line and the field.
import { readFileSync } from 'node:fs';
import { isMap, isScalar, isSeq, type Node as YamlNode, type YAMLMap } from 'yaml';
import { yamlFields } from '../text/yaml-fields.ts';
import { PLOVER_TYPES } from '../model/types.ts';
import { RATINGS, WEIGHTS, type Rating, type Weight } from './scale.ts';

export interface Hypothesis { id: string; text: string; prior?: number; line: number }

export type EvidenceKind = 'event' | 'quote' | 'claim';
export const EVIDENCE_KINDS: readonly EvidenceKind[] = ['event', 'quote', 'claim'];
const MODALITIES = ['asserted', 'negated', 'hypothetical', 'recommended', 'predicted'];

/** One block of criteria: a record is selected when it meets every criterion the block gives. */
export interface Selector {
  actors: string[];        // every one takes part (names, codes or ids; a state stands for its parts)
  storylines: string[];    // in any of them (id, label, or words of the label)
  kinds: EvidenceKind[];   // empty: all kinds
  types: string[];         // events: of one of these PLOVER types (quotes and claims unaffected)
  modality: string[];      // events: of one of these modalities
  text: string[];          // the sentence holds any of these words or phrases
  since?: string;          // ISO days: the record's day (event time, else publication day)
  until?: string;
  line: number;
}

/** A rated row: a store record (`DOC:eN`, `DOC:qN`, `DOC:cN`) or the analyst's own item (`text`). */
export interface RatedItem {
  id: string;              // the store id, or `A1`, `A2`... for the analyst's items
  text?: string;           // the analyst's own item (an assumption, an absence of evidence)
  credibility: Weight;
  relevance: Weight;
  ratings: Map<string, Rating>;   // hypothesis id -> rating
  note?: string;
  line: number;
}

export interface Matrix {
  file: string;
  title: string;
  question: string;
  hypotheses: Hypothesis[];
  select: Selector[];
  rated: RatedItem[];
  ignore: Set<string>;     // seen and set aside: never offered again
}

export class MatrixError extends Error {
  constructor(readonly problems: string[]) { super(problems.join('\n')); }
}

export const STORE_ID = /^[^:\s]+:[ecq]\d+$/;
const DAY = /^\d{4}(-\d{2}(-\d{2})?)?$/;

export function readMatrixFile(path: string): Matrix {
  let text: string;
  try { text = readFileSync(path, 'utf8'); } catch (e) { throw new MatrixError([`${path}: cannot read the matrix file: ${(e as Error).message}`]); }
  return readMatrix(text, path);
}

export function readMatrix(text: string, file = 'matrix.yaml'): Matrix {
  const y = yamlFields(text, file, 'matrix, hypotheses, select and evidence', (p) => new MatrixError(p));
  const { root, problems, lineOf, fail, get, known } = y;
  const str = (n: YamlNode | undefined): string | undefined => y.str(n)?.trim();
  /** A string or a list of strings. */
  const strings = (n: YamlNode | undefined, field: string): string[] => {
    if (n === undefined) return [];
    if (isScalar(n)) return str(n) ? [str(n)!] : [];
    if (!isSeq(n)) { fail(n, field, 'a word or a list of them is expected'); return []; }
    return n.items.flatMap((x, i) => {
      const s = str(x as YamlNode);
      if (!s) { fail(x as YamlNode, `${field}[${i}]`, 'an empty or nested value'); return []; }
      return [s];
    });
  };
  const oneOf = <T extends string>(n: YamlNode | undefined, field: string, allowed: readonly T[], fallback: T, fold = (s: string) => s.toLowerCase()): T => {
    const s = str(n);
    if (s === undefined) { if (n !== undefined) fail(n, field, `expected one of: ${allowed.join(', ')}`); return fallback; }
    const v = allowed.find((a) => fold(a) === fold(s));
    if (!v) { fail(n, field, `"${s}" is not one of: ${allowed.join(', ')}`); return fallback; }
    return v;
  };
  known(root, ['matrix', 'question', 'hypotheses', 'select', 'ignore', 'evidence'], 'top level');

  const title = str(get(root, 'matrix')) ?? '';
  if (!title) fail(get(root, 'matrix') ?? root, 'matrix', 'a title is required');
  const question = str(get(root, 'question')) ?? '';

  // hypotheses
  const hypotheses: Hypothesis[] = [];
  const hypNode = get(root, 'hypotheses');
  if (!isSeq(hypNode) || hypNode.items.length < 2) fail(hypNode ?? root, 'hypotheses', 'a list of at least two hypotheses is required');
  if (isSeq(hypNode)) hypNode.items.forEach((item, i) => {
    const field = `hypotheses[${i}]`;
    const n = item as YamlNode;
    if (!isMap(n)) { fail(n, field, 'a hypothesis is a mapping with id and text (and an optional prior)'); return; }
    known(n, ['id', 'text', 'prior'], field);
    const id = str(get(n, 'id'));
    if (!id) { fail(n, `${field}.id`, 'required'); return; }
    if (!/^[A-Za-z][\w-]*$/.test(id)) fail(get(n, 'id'), `${field}.id`, `"${id}": an id is a short name of letters, digits, - and _ (H1, lever)`);
    const text = str(get(n, 'text'));
    if (!text) fail(n, `${field}.text`, 'required');
    let prior: number | undefined;
    const p = get(n, 'prior');
    if (p !== undefined) {
      prior = Number(str(p));
      if (!Number.isFinite(prior) || prior <= 0 || prior >= 1) { fail(p, `${field}.prior`, `"${str(p)}": a prior is a probability above 0 and below 1`); prior = undefined; }
    }
    hypotheses.push({ id, text: text ?? '', prior, line: lineOf(n) });
  });
  const hypIds = new Set(hypotheses.map((h) => h.id));
  if (hypIds.size !== hypotheses.length) fail(hypNode, 'hypotheses', 'two hypotheses share an id');
  const withPrior = hypotheses.filter((h) => h.prior !== undefined);
  if (withPrior.length && withPrior.length !== hypotheses.length) fail(hypNode, 'hypotheses', 'give a prior to every hypothesis or to none');
  if (withPrior.length === hypotheses.length && hypotheses.length) {
    const sum = hypotheses.reduce((s, h) => s + (h.prior ?? 0), 0);
    if (Math.abs(sum - 1) > 1e-6) fail(hypNode, 'hypotheses', `the priors add up to ${+sum.toFixed(6)}, not 1`);
  }

  // selection: one block or a list of blocks
  const select: Selector[] = [];
  const selNode = get(root, 'select');
  const blocks = selNode === undefined ? [] : isSeq(selNode) ? selNode.items.map((x, i) => [x as YamlNode, `select[${i}]`] as const) : [[selNode, 'select'] as const];
  for (const [n, field] of blocks) {
    if (!isMap(n)) { fail(n, field, 'a block of criteria (actors, storylines, kinds, types, modality, text, since, until) is expected'); continue; }
    known(n, ['actors', 'storylines', 'kinds', 'types', 'modality', 'text', 'since', 'until'], field);
    const kinds = strings(get(n, 'kinds'), `${field}.kinds`).map((k) => k.toLowerCase().replace(/s$/, ''));
    for (const k of kinds) if (!EVIDENCE_KINDS.includes(k as EvidenceKind)) fail(get(n, 'kinds'), `${field}.kinds`, `"${k}" is not one of: ${EVIDENCE_KINDS.join(', ')}`);
    const types = strings(get(n, 'types'), `${field}.types`).map((t) => t.toUpperCase());
    for (const t of types) if (!(PLOVER_TYPES as readonly string[]).includes(t)) fail(get(n, 'types'), `${field}.types`, `"${t}" is not a PLOVER type (${PLOVER_TYPES.join(', ')})`);
    const modality = strings(get(n, 'modality'), `${field}.modality`).map((m) => m.toLowerCase());
    for (const m of modality) if (!MODALITIES.includes(m)) fail(get(n, 'modality'), `${field}.modality`, `"${m}" is not one of: ${MODALITIES.join(', ')}`);
    const day = (key: 'since' | 'until'): string | undefined => {
      const s = str(get(n, key));
      if (s !== undefined && !DAY.test(s)) { fail(get(n, key), `${field}.${key}`, `"${s}" is not an ISO day (YYYY, YYYY-MM or YYYY-MM-DD)`); return undefined; }
      return s;
    };
    const sel: Selector = {
      actors: strings(get(n, 'actors'), `${field}.actors`), storylines: strings(get(n, 'storylines'), `${field}.storylines`),
      kinds: kinds as EvidenceKind[], types, modality, text: strings(get(n, 'text'), `${field}.text`),
      since: day('since'), until: day('until'), line: lineOf(n),
    };
    if (!sel.actors.length && !sel.storylines.length && !sel.text.length) fail(n, field, 'a block needs at least actors, storylines or text, or it would select the whole store');
    select.push(sel);
  }

  const ignore = new Set<string>();
  const ignNode = get(root, 'ignore');
  strings(ignNode, 'ignore').forEach((id) => {
    if (!STORE_ID.test(id)) fail(ignNode, 'ignore', `"${id}" is not a store record id (DOCUMENT:eN, DOCUMENT:qN or DOCUMENT:cN)`);
    ignore.add(id);
  });

  // rated evidence
  const rated: RatedItem[] = [];
  const evNode = get(root, 'evidence');
  let own = 0;
  if (evNode !== undefined && !isSeq(evNode)) fail(evNode, 'evidence', 'a list of rated items is expected');
  else if (evNode) evNode.items.forEach((item, i) => {
    const field = `evidence[${i}]`;
    const n = item as YamlNode;
    if (!isMap(n)) { fail(n, field, 'an item is a mapping with id (or text), credibility, relevance and ratings'); return; }
    known(n, ['id', 'text', 'credibility', 'relevance', 'ratings', 'note'], field);
    const id = str(get(n, 'id'));
    const text = str(get(n, 'text'));
    if (!id && !text) { fail(n, field, 'an item needs id (a store record, DOCUMENT:eN, :qN or :cN) or text (the analyst\'s own item)'); return; }
    if (id && text) fail(n, field, 'give id or text, not both');
    if (id && !STORE_ID.test(id)) fail(get(n, 'id'), `${field}.id`, `"${id}" is not a store record id (DOCUMENT:eN an event, :qN the N-th quote, :cN the N-th claim)`);
    const ratings = new Map<string, Rating>();
    const rNode = get(n, 'ratings');
    if (!isMap(rNode)) fail(rNode ?? n, `${field}.ratings`, `a mapping from hypothesis ids to ratings (${RATINGS.join(', ')}) is required`);
    else for (const r of rNode.items) {
      const h = isScalar(r.key) ? String(r.key.value) : '';
      if (!hypIds.has(h)) { fail(r.key as YamlNode, `${field}.ratings.${h}`, `no hypothesis has the id "${h}" (hypotheses: ${[...hypIds].join(', ')})`); continue; }
      ratings.set(h, oneOf(r.value as YamlNode, `${field}.ratings.${h}`, RATINGS, 'N', (s) => s.toUpperCase()));
    }
    const rowId = id ?? `A${++own}`;
    if (rated.some((x) => x.id === rowId)) fail(n, `${field}.id`, `"${rowId}" is rated twice`);
    rated.push({
      id: rowId, text: id ? undefined : text,
      credibility: oneOf(get(n, 'credibility'), `${field}.credibility`, WEIGHTS, 'medium'),
      relevance: oneOf(get(n, 'relevance'), `${field}.relevance`, WEIGHTS, 'medium'),
      ratings, note: str(get(n, 'note')), line: lineOf(n),
    });
  });
  if (problems.length) throw new MatrixError(problems);
  return { file, title, question, hypotheses, select, rated, ignore };
}
