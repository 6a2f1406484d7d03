// A matrix file against a store: the rated rows with their evidence, the scores, and the stored
// records the selection finds that nobody has rated yet (offered for rating).
import type { Store } from '../store/index.ts';
import type { Matrix, RatedItem } from './matrix.ts';
import { evidenceOf, type EvidenceItem } from './evidence.ts';
import { resolveSelectors, selected } from './select.ts';
import { scoreMatrix, type Scores } from './score.ts';

export interface MatrixRow { item: RatedItem; evidence?: EvidenceItem }

export interface AchResult {
  matrix: Matrix;
  /** Rated rows found in the store, and the analyst's own items, in the file's order. */
  rows: MatrixRow[];
  /** Rated store ids this store does not hold: shown, left out of the scores. */
  missing: RatedItem[];
  /** Selected, not rated, not ignored. */
  pending: EvidenceItem[];
  /** How many stored records the selection finds in all. */
  selected: number;
  scores: Scores;
  warnings: string[];
}

export async function buildMatrix(store: Store, matrix: Matrix): Promise<AchResult> {
  const warnings: string[] = [];
  const links = await store.links();
  const blocks = await resolveSelectors(store, matrix.select, links, matrix.file, warnings);
  const ratedIds = new Set(matrix.rated.map((r) => r.id));
  const found = new Map<string, EvidenceItem>();
  const pending: EvidenceItem[] = [];
  let count = 0;
  // every document is read once: the selection may reach any of them (by text, say)
  for await (const a of store.analyses()) {
    for (const item of evidenceOf(a)) {
      if (ratedIds.has(item.id)) found.set(item.id, item);
      if (!selected(item, blocks)) continue;
      count++;
      if (!ratedIds.has(item.id) && !matrix.ignore.has(item.id)) pending.push(item);
    }
  }
  const rows: MatrixRow[] = [];
  const missing: RatedItem[] = [];
  for (const item of matrix.rated) {
    if (item.text !== undefined) rows.push({ item });
    else if (found.has(item.id)) rows.push({ item, evidence: found.get(item.id) });
    else missing.push(item);
  }
  return { matrix, rows, missing, pending, selected: count, scores: scoreMatrix(matrix.hypotheses, rows.map((r) => r.item)), warnings };
}
