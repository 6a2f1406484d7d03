// The seed articles against the meta and body parts of ../shared/gold/seeds.yaml, scored the way
// FORMAT.md scores them. Skips when the shared folder is absent.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { ingestFile } from '../../src/ingest/index.ts';

const here = dirname(fileURLToPath(import.meta.url));
const goldPath = resolve(here, '../../../shared/gold/seeds.yaml');

function comparable(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase()
    .replace(/[‘’‚‛`´]/g, "'").replace(/[“”„‟«»]/g, '"').replace(/\s+/g, ' ').trim();
}

interface GoldDoc {
  file: string;
  meta?: Record<string, string | null>;
  body?: { keep?: string[]; drop?: string[] };
}

test('seed articles: metadata and body keep/drop strings all right', { skip: existsSync(goldPath) ? false : `no gold at ${goldPath}` }, () => {
  const gold = parse(readFileSync(goldPath, 'utf8')) as { corpus: string; documents: GoldDoc[] };
  const corpus = resolve(dirname(goldPath), gold.corpus);
  const wrong: string[] = [];
  let total = 0;
  for (const g of gold.documents) {
    const doc = ingestFile(join(corpus, g.file));
    const body = comparable(doc.body);
    for (const [field, want] of Object.entries(g.meta ?? {})) {
      total++;
      const got = doc.meta[field as keyof typeof doc.meta];
      const right = want === null ? got === undefined : got !== undefined && comparable(got) === comparable(String(want));
      if (!right) wrong.push(`${g.file} meta.${field}: got ${JSON.stringify(got)}, want ${JSON.stringify(want)}`);
    }
    for (const s of g.body?.keep ?? []) { total++; if (!body.includes(comparable(s))) wrong.push(`${g.file} lost: ${s}`); }
    for (const s of g.body?.drop ?? []) { total++; if (body.includes(comparable(s))) wrong.push(`${g.file} kept: ${s}`); }
  }
  assert.ok(total > 0, 'the gold has meta or body items');
  assert.deepEqual(wrong, []);
});
