// One measured run of `sitrep analyze`, in a process of its own so that its peak memory is its
// own: writes a synthetic corpus (bench/corpus.ts) as JSONL to a temporary folder, one line at a
// time, then analyses it into a fresh SQLite file through analyzePaths, the command's code path.
// Prints one JSON line: documents, seconds, docs per second, sentences, CPU time per document, peak RSS (at the end, and
// after each tenth of the documents was analysed and stored, before linking).
// Usage: node --import tsx bench/analyze-run.ts DOCS WORKERS [WORDS] (bench/pipeline.ts runs its bundle)
import { closeSync, mkdtempSync, openSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { generateCorpus, loadParagraphs } from './corpus.ts';
import { analyzePaths } from '../src/cli/analyze.ts';
// @ts-expect-error: plain JavaScript, no declarations
import { bundle, useBundle } from '../bin/bundle.js';

// worker threads start from the bundle, as under the sitrep command
const made = await (bundle as () => Promise<unknown>)();
if (made) (useBundle as (m: unknown) => void)(made);

const [docs, workers, words] = [Number(process.argv[2]), Number(process.argv[3]), Number(process.argv[4] ?? 700)];
const here = dirname(fileURLToPath(import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'sitrep-bench-analyze-'));
try {
  const corpus = join(dir, 'corpus.jsonl');
  const fd = openSync(corpus, 'w');
  for (const d of generateCorpus(loadParagraphs(join(here, '..', 'examples'), join(here, 'fallback.txt')), docs, words)) {
    writeSync(fd, JSON.stringify({ text: d.raw, title: d.title, published: d.published }) + '\n');
  }
  closeSync(fd);
  const db = join(dir, 'bench.db');
  // peak RSS so far after every tenth of the documents: whether memory levels off or keeps growing
  const peakRss = () => Math.round(process.resourceUsage().maxRSS / 1024);
  const every = Math.max(1, Math.round(docs / 10));
  const series: Record<number, number> = {};
  let done = 0;
  const tick = () => { if (++done % every === 0) series[done] = peakRss(); };
  // CPU time of every thread of this process (workers, V8's collector and compiler): on a shared or
  // busy machine, a steadier measure of the cost of a document than wall time
  const cpu = process.cpuUsage();
  const s = await analyzePaths([corpus], { db, kb: [], workers, tick }, (line) => process.stderr.write(line + '\n'));
  const used = process.cpuUsage(cpu);
  const raw = new Database(db, { readonly: true });
  const sentences = (raw.prepare('SELECT COUNT(*) AS n FROM sentences').get() as { n: number }).n;
  raw.close();
  process.stdout.write(JSON.stringify({
    documents: s.stored, workers, seconds: s.seconds, docs_per_second: s.stored / s.seconds,
    sentences_per_second: sentences / s.seconds, link_seconds: s.linkSeconds,
    cpu_ms_per_document: (used.user + used.system) / 1000 / Math.max(1, s.stored),
    peak_rss_mb: peakRss(), peak_rss_mb_by_documents: series,
  }) + '\n');
} finally {
  rmSync(dir, { recursive: true, force: true });
}
