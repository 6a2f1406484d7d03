// A built matrix as text, Markdown, CSV or JSON, and the records offered for rating as a list or
// as YAML entries ready to paste under `evidence:` in the matrix file.
import { stringify } from 'yaml';
import { clip, markdownWriter, textWriter } from '../analysis/writer.ts';
import { csvLine } from '../export/tables.ts';
import type { AchResult, MatrixRow } from './build.ts';
import type { EvidenceItem } from './evidence.ts';
import { LIKELIHOOD } from './scale.ts';

export type AchFormat = 'text' | 'markdown' | 'csv' | 'json';
export type PendingFormat = 'text' | 'yaml' | 'json';

const fixed = (x: number, d = 2) => (Math.abs(x) < 0.5 * 10 ** -d ? 0 : x).toFixed(d);
const source = (e: EvidenceItem) => [e.outlet ?? (e.title ? clip(e.title, 50) : 'no outlet'), e.published].filter(Boolean).join(', ');
/** Who said or did what, without repeating a quote its sentence will show. */
const quoted = (sentence: string, max: number) => (/^[“"‘']/.test(sentence) ? clip(sentence, max) : `“${clip(sentence, max)}”`);
const head = (e: EvidenceItem) => (e.kind === 'quote' ? `quote, ${e.summary.split(': “')[0]}` : e.summary);

export function renderMatrix(res: AchResult, format: AchFormat): string {
  if (format === 'json') return JSON.stringify(matrixJson(res), null, 2) + '\n';
  if (format === 'csv') return matrixCsv(res);
  return matrixDocument(res, format);
}

function matrixDocument(res: AchResult, format: 'text' | 'markdown'): string {
  const { matrix: m, scores } = res;
  const w = format === 'markdown' ? markdownWriter() : textWriter();
  const hs = m.hypotheses;
  w.title(`ACH: ${m.title}`);
  if (m.question) w.para(m.question);
  w.table(['id', 'hypothesis', ...(hs.some((h) => h.prior) ? ['prior'] : [])], hs.map((h) => [h.id, h.text, ...(h.prior ? [String(h.prior)] : [])]));

  w.heading('Scores');
  w.para(`${res.rows.length} rated rows (${res.rows.filter((r) => r.evidence).length} from the store, ${res.rows.filter((r) => !r.evidence).length} the analyst's own); the store holds ${res.selected} records matching the selection, ${res.pending.length} not yet rated.`);
  w.table(['hypothesis', "Heuer: inconsistent rows", 'PARC: weighted inconsistency', 'likelihood: log10 product', 'likelihood: posterior'],
    scores.hypotheses.map((s) => [s.id, s.inconsistencies, fixed(s.weighted), fixed(s.logLikelihood), fixed(s.posterior)]));
  for (const s of verdicts(res)) w.para(s);

  w.heading('Matrix');
  w.para(`Ratings: CC very consistent, C consistent, N neutral, I inconsistent, II very inconsistent, NA not applicable, – not rated (read as N). Diagnosticity: the largest P(E|H) of the row over the smallest (1.00: the row does not tell the hypotheses apart).`);
  const md = format === 'markdown';
  w.table(['#', 'evidence', 'source', 'cred.', 'rel.', ...hs.map((h) => h.id), 'diag.'],
    res.rows.map((r, i) => {
      const e = r.evidence;
      const what = e ? (md ? `${head(e)} — ${quoted(e.sentence, 140)}` : e.summary) : `analyst's item: ${r.item.text}`;
      return [String(i + 1), what + (md && r.item.note ? ` (analyst: ${r.item.note})` : ''), e ? `${source(e)} [${e.id}]` : 'analyst',
        r.item.credibility, r.item.relevance, ...hs.map((h) => r.item.ratings.get(h.id) ?? '–'), fixed(scores.rows[i].diagnosticity)];
    }));
  if (res.missing.length) {
    w.heading('Rated, not in this store (left out of the scores)');
    w.list(res.missing.map((r) => `${r.id} (line ${r.line})${r.note ? `: ${r.note}` : ''}`));
  }
  w.heading(`Offered for rating (${res.pending.length})`);
  if (res.pending.length) {
    w.para('Records the selection finds that are neither rated nor ignored; sitrep ach pending FILE --format yaml gives them as entries to paste under evidence in the matrix file.');
    w.list(res.pending.map((e) => md ? `${e.id} ${head(e)} — ${source(e)} — ${quoted(e.sentence, 100)}` : `${e.id} ${e.kind} ${clip(e.summary, 120)} — ${source(e)}`));
  } else w.para('Nothing new: every record the selection finds is rated or ignored.');
  for (const warning of res.warnings) w.para(`warning: ${warning}`);
  return w.done();
}

/** What each method says, and where they part. */
function verdicts(res: AchResult): string[] {
  const s = res.scores.hypotheses;
  if (!res.rows.length) return ['No rated rows yet: every hypothesis stands equal.'];
  const best = <T>(key: (x: (typeof s)[number]) => number, higherIsBetter: boolean) => {
    const v = s.map(key);
    const top = higherIsBetter ? Math.max(...v) : Math.min(...v);
    return s.filter((_, k) => Math.abs(v[k] - top) < 1e-9).map((x) => x.id);
  };
  const heuer = best((x) => x.inconsistencies, false);
  const parc = best((x) => x.weighted, true);
  const bayes = best((x) => x.posterior, true);
  const out = [`Least inconsistent by Heuer's count: ${heuer.join(', ')}; by PARC's weighted score: ${parc.join(', ')}; most probable in the likelihood view: ${bayes.join(', ')}.`];
  if (new Set([heuer.join(), parc.join(), bayes.join()]).size > 1) {
    out.push('The methods disagree: the counts weigh only what argues against a hypothesis, the likelihood view also what argues for it and how strongly each row tells the hypotheses apart.');
  }
  const ranked = res.rows.map((r, i) => ({ r, i, d: res.scores.rows[i].diagnosticity })).sort((a, b) => b.d - a.d);
  const useful = ranked.filter((x) => x.d > 1 + 1e-9).slice(0, 3);
  if (useful.length) out.push(`Most diagnostic: ${useful.map((x) => `row ${x.i + 1} (${fixed(x.d)})`).join(', ')}.`);
  const flat = ranked.filter((x) => x.d <= 1 + 1e-9);
  if (flat.length) out.push(`Not diagnostic (rated alike for every hypothesis): ${flat.map((x) => `row ${x.i + 1}`).join(', ')}.`);
  return out;
}

function matrixCsv(res: AchResult): string {
  const hs = res.matrix.hypotheses.map((h) => h.id);
  const lines = [csvLine(['row', 'id', 'kind', 'doc', 'outlet', 'published', 'summary', 'sentence', 'credibility', 'relevance', ...hs, 'diagnosticity', 'note'])];
  res.rows.forEach((r, i) => {
    const e = r.evidence;
    lines.push(csvLine([i + 1, r.item.id, e?.kind ?? 'analyst', e?.doc, e?.outlet, e?.published, e?.summary ?? r.item.text, e?.sentence,
      r.item.credibility, r.item.relevance, ...hs.map((h) => r.item.ratings.get(h) ?? ''), fixed(res.scores.rows[i].diagnosticity, 4), r.item.note]));
  });
  // the scores as the last rows, one per method, in the hypothesis columns
  const scoreRow = (id: string, values: (string | number)[]) => csvLine(['', id, 'score', '', '', '', '', '', '', '', ...values, '', '']);
  const s = res.scores.hypotheses;
  lines.push(scoreRow('heuer_inconsistencies', s.map((x) => x.inconsistencies)));
  lines.push(scoreRow('parc_weighted_inconsistency', s.map((x) => fixed(x.weighted, 4))));
  lines.push(scoreRow('log10_likelihood', s.map((x) => fixed(x.logLikelihood, 4))));
  lines.push(scoreRow('posterior', s.map((x) => fixed(x.posterior, 4))));
  return lines.join('');
}

const evidenceJson = (e: EvidenceItem) => ({
  id: e.id, kind: e.kind, doc: e.doc, outlet: e.outlet ?? null, title: e.title ?? null, published: e.published ?? null, day: e.day ?? null,
  summary: e.summary, sentence: e.sentence, ...(e.type ? { type: e.type, modality: e.modality } : {}),
});

function matrixJson(res: AchResult) {
  const m = res.matrix;
  return {
    file: m.file, matrix: m.title, question: m.question,
    hypotheses: m.hypotheses.map((h) => ({ id: h.id, text: h.text, prior: h.prior ?? null })),
    likelihoods: LIKELIHOOD,
    scores: res.scores.hypotheses,
    rows: res.rows.map((r, i) => ({
      id: r.item.id, credibility: r.item.credibility, relevance: r.item.relevance, ratings: Object.fromEntries(r.item.ratings),
      note: r.item.note ?? null, text: r.item.text ?? null, evidence: r.evidence ? evidenceJson(r.evidence) : null,
      likelihoods: res.scores.rows[i].likelihoods, diagnosticity: res.scores.rows[i].diagnosticity,
    })),
    missing: res.missing.map((r) => r.id),
    selected: res.selected,
    pending: res.pending.map(evidenceJson),
    warnings: res.warnings,
  };
}

export function renderPending(res: AchResult, format: PendingFormat): string {
  if (format === 'json') return JSON.stringify(res.pending.map(evidenceJson), null, 2) + '\n';
  if (format === 'yaml') {
    if (!res.pending.length) return '# nothing new to rate\n';
    const neutral = Object.fromEntries(res.matrix.hypotheses.map((h) => [h.id, 'N']));
    return res.pending.map((e) => {
      const entry = stringify([{ id: e.id, credibility: 'medium', relevance: 'medium', ratings: neutral, note: '' }], { flow: false, lineWidth: 0 })
        .replace(/ratings:\n((?:\s+\S+: N\n)+)/, (_, body: string) => `ratings: {${body.trim().split('\n').map((l) => l.trim()).join(', ')}}\n`);
      return `# ${e.kind} ${clip(e.summary, 120)} (${source(e)})\n# “${clip(e.sentence, 200)}”\n${entry}`;
    }).join('\n');
  }
  if (!res.pending.length) return `${res.matrix.file}: nothing new to rate (${res.selected} records match the selection, all rated or ignored)\n`;
  const lines = [`${res.matrix.file}: ${res.pending.length} record${res.pending.length === 1 ? '' : 's'} to rate (${res.selected} match the selection)`];
  for (const e of res.pending) lines.push(`  ${e.id}  ${e.kind} ${clip(e.summary, 100)} — ${source(e)}`, `      “${clip(e.sentence, 160)}”`);
  for (const warning of res.warnings) lines.push(`warning: ${warning}`);
  return lines.join('\n') + '\n';
}
