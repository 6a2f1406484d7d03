// Quad class, CAMEO root and Goldstein score of a coded event, from data/plover/types.yaml.
import type { PloverType } from '../../model/types.ts';
import { ploverData } from './data.ts';

interface TypesFile {
  types: Record<PloverType, { quad: 1 | 2 | 3 | 4; cameo: string }>;
  goldstein: Record<string, number>;
}

export interface TypeScore { cameo: string; goldstein: number; quadClass: 1 | 2 | 3 | 4 }

/** The CAMEO root (two digits), Goldstein score and quad class for a type and optional CAMEO code. */
export function scoreOf(type: PloverType, cameo?: string): TypeScore {
  const table = ploverData<TypesFile>('types');
  const t = table.types[type];
  const code = cameo ?? t.cameo;
  const goldstein = table.goldstein[code] ?? table.goldstein[code.slice(0, 2)] ?? table.goldstein[t.cameo] ?? 0;
  return { cameo: code.slice(0, 2), goldstein, quadClass: t.quad };
}
