// Exports of a matrix: CSV a spreadsheet reads back, Markdown tables, JSON, text, and the pending
// records as YAML entries that read back into the matrix file.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parse } from 'yaml';
import { readMatrix } from '../../src/ach/matrix.ts';
import { scoreMatrix } from '../../src/ach/score.ts';
import type { AchResult } from '../../src/ach/build.ts';
import type { EvidenceItem } from '../../src/ach/evidence.ts';
import { renderMatrix, renderPending } from '../../src/ach/render.ts';

const item = (id: string, sentence: string, extra: Partial<EvidenceItem> = {}): EvidenceItem => ({
  id, kind: 'event', doc: id.split(':')[0], outlet: 'Harbour Post', published: '2025-05-06', day: '2025-05-06',
  sentence, summary: 'CONSULT Belarus (BLRMIL) → Poland (POLMIL), reported', actors: new Set(), codes: new Set(), type: 'CONSULT', modality: 'asserted', ...extra,
});

function result(): AchResult {
  const matrix = readMatrix(`matrix: Grodno talks
question: What are the talks for?
hypotheses: [{id: opening, text: an opening}, {id: lever, text: a lever}]
evidence:
  - {id: d1:e1, credibility: high, relevance: high, ratings: {opening: C, lever: II}, note: 'met, "at last"'}
  - {text: 'no concession, so far', ratings: {opening: I, lever: C}}
  - {id: d9:e4, ratings: {opening: N}}
`, 'grodno.yaml');
  const rows = [
    { item: matrix.rated[0], evidence: item('d1:e1', 'Officials met in Grodno, "at last", on Tuesday.') },
    { item: matrix.rated[1] },
  ];
  return {
    matrix, rows, missing: [matrix.rated[2]], selected: 2, warnings: [],
    pending: [item('d2:q1', 'Minsk wants cheaper gas.', { kind: 'quote', summary: 'Olga Brandt (LTUELI): “cheaper gas”' })],
    scores: scoreMatrix(matrix.hypotheses, rows.map((r) => r.item)),
  };
}

/** RFC 4180 fields, enough for these tests: quoted fields may hold commas, quotes and line breaks. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [], field = '', quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { field += '"'; i++; } else if (c === '"') quoted = false; else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { row.push(field); field = ''; }
    else if (c === '\r' && text[i + 1] === '\n') { row.push(field); rows.push(row); row = []; field = ''; i++; }
    else field += c;
  }
  return rows;
}

test('CSV: one row per rated item with a column per hypothesis, then one row per score', () => {
  const res = result();
  const rows = parseCsv(renderMatrix(res, 'csv'));
  const head = rows[0];
  assert.deepEqual(head.slice(8, 13), ['credibility', 'relevance', 'opening', 'lever', 'diagnosticity']);
  assert.equal(rows.length, 1 + 2 + 4);
  const col = (name: string) => head.indexOf(name);
  assert.deepEqual([rows[1][col('id')], rows[1][col('opening')], rows[1][col('lever')], rows[1][col('note')]], ['d1:e1', 'C', 'II', 'met, "at last"']);
  assert.equal(rows[1][col('sentence')], 'Officials met in Grodno, "at last", on Tuesday.');
  assert.deepEqual([rows[2][col('kind')], rows[2][col('summary')]], ['analyst', 'no concession, so far']);
  const score = (id: string) => rows.find((r) => r[col('id')] === id)!;
  assert.deepEqual([score('heuer_inconsistencies')[col('opening')], score('heuer_inconsistencies')[col('lever')]], ['1', '1']);
  assert.equal(score('parc_weighted_inconsistency')[col('lever')], '-4.0000');
  assert.equal(score('parc_weighted_inconsistency')[col('opening')], '-1.0000');
  const posterior = (h: string) => Number(score('posterior')[col(h)]);
  assert.equal(+(posterior('opening') + posterior('lever')).toFixed(4), 1);
  assert.equal(score('posterior')[col('opening')], res.scores.hypotheses[0].posterior.toFixed(4));
});

test('Markdown: the hypotheses, the three scores side by side, the matrix with sentences and sources, missing and pending rows', () => {
  const md = renderMatrix(result(), 'markdown');
  assert.match(md, /^# ACH: Grodno talks\n/);
  assert.match(md, /\| hypothesis \| Heuer: inconsistent rows \| PARC: weighted inconsistency \| likelihood: log10 product \| likelihood: posterior \|/);
  assert.match(md, /\| opening \| 1 \| -1\.00 \| /);
  assert.match(md, /\| lever \| 1 \| -4\.00 \| /);
  assert.match(md, /\| 1 \| CONSULT Belarus \(BLRMIL\) → Poland \(POLMIL\), reported — “Officials met in Grodno, "at last", on Tuesday\.” \(analyst: met, "at last"\) \| Harbour Post, 2025-05-06 \\\[d1:e1\\\] \| high \| high \| C \| II \| 7\.00 \|/);
  assert.match(md, /\| 2 \| analyst's item: no concession, so far \| analyst \| medium \| medium \| I \| C \| 1\.50 \|/);
  assert.match(md, /## Rated, not in this store \(left out of the scores\)\n\n- d9:e4 \(line 7\)/);
  assert.match(md, /## Offered for rating \(1\)/);
  assert.match(md, /- d2:q1 quote, Olga Brandt \(LTUELI\) — Harbour Post, 2025-05-06 — “Minsk wants cheaper gas\.”/);
  assert.match(md, /most probable in the likelihood view: opening/);
});

test('JSON and text carry the same figures', () => {
  const res = result();
  const json = JSON.parse(renderMatrix(res, 'json'));
  assert.deepEqual(json.hypotheses.map((h: { id: string }) => h.id), ['opening', 'lever']);
  assert.ok(Math.abs(json.scores[1].weighted + 4) < 1e-9);
  assert.deepEqual(json.rows[0].ratings, { opening: 'C', lever: 'II' });
  assert.equal(json.rows[0].evidence.sentence, 'Officials met in Grodno, "at last", on Tuesday.');
  assert.deepEqual(json.missing, ['d9:e4']);
  assert.equal(json.pending[0].id, 'd2:q1');
  assert.deepEqual(json.likelihoods, { CC: 0.9, C: 0.7, N: 0.5, NA: 0.5, I: 0.3, II: 0.1 });
  const text = renderMatrix(res, 'text');
  assert.match(text, /^ACH: GRODNO TALKS\n/);
  assert.match(text, /\n {2}lever {6,}1 +-4\.00 /);
});

test('pending as YAML: entries that read back into the matrix file, each under its sentence', () => {
  const res = result();
  const yaml = renderPending(res, 'yaml');
  assert.match(yaml, /^# quote Olga Brandt \(LTUELI\): “cheaper gas” \(Harbour Post, 2025-05-06\)\n# “Minsk wants cheaper gas\.”\n- id: d2:q1\n/);
  assert.deepEqual(parse(yaml), [{ id: 'd2:q1', credibility: 'medium', relevance: 'medium', ratings: { opening: 'N', lever: 'N' }, note: '' }]);
  const back = readMatrix(`matrix: m\nhypotheses: [{id: opening, text: a}, {id: lever, text: b}]\nevidence:\n${yaml.replace(/^/gm, '  ')}`, 'back.yaml');
  assert.equal(back.rated[0].id, 'd2:q1');
  assert.match(renderPending(res, 'text'), /^grodno\.yaml: 1 record to rate \(2 match the selection\)\n {2}d2:q1 {2}quote Olga Brandt/);
  assert.equal(renderPending({ ...res, pending: [] }, 'text'), 'grodno.yaml: nothing new to rate (2 records match the selection, all rated or ignored)\n');
});
