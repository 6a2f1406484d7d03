// Throughput and memory of the whole pipeline on one core: ingestText + analyze on a synthetic
// corpus (bench/corpus.ts), time per stage, tokenization alone, and storing into a temporary
// SQLite file. Then `sitrep analyze` end to end (bench/analyze-run.ts, each run in a process of
// its own so that its peak memory is its own): one core and all cores on --small documents, all
// cores on --large documents; and the job queue with 1, 2 and 4 workers (bench/workers.ts).
// Usage: npm run bench [-- --docs N] [--words N] [--budget SECONDS] [--small N] [--large N]
//        [--queue-docs N] [--no-analyze] [--no-queue] [--json]
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { ingestText } from '../src/ingest/index.ts';
import { createPipeline, STAGES } from '../src/pipeline/index.ts';
import { emptyAnalysis, type Analysis, type Document } from '../src/model/types.ts';
import { tokenize } from '../src/text/tokenize.ts';
import { openStore } from '../src/store/index.ts';
import { spawnSync } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { generateCorpus, loadParagraphs } from './corpus.ts';
import { measureWorkers, WORKER_BENCH_DOCS } from './workers.ts';
// @ts-expect-error: plain JavaScript, no declarations
import { bundle } from '../bin/bundle.js';

function option(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  const v = i >= 0 ? Number(process.argv[i + 1]) : NaN;
  return Number.isFinite(v) && v > 0 ? v : fallback;
}

const here = dirname(fileURLToPath(import.meta.url));
const DOCS = option('docs', 2000);
const WORDS = option('words', 700);
const BUDGET_MS = option('budget', 90) * 1000;   // the pipeline pass stops early past this, to keep the run short
const BATCH = 100;
const json = process.argv.includes('--json');
const log = (s: string): void => { if (!json) process.stderr.write(s + '\n'); };

const peakRssMb = (): number => Math.round(process.resourceUsage().maxRSS / 1024);
const round = (x: number, d = 1): number => Math.round(x * 10 ** d) / 10 ** d;

// ---- corpus ----
let t = performance.now();
const paragraphs = loadParagraphs(join(here, '..', 'examples'), join(here, 'fallback.txt'));
const corpus = [...generateCorpus(paragraphs, DOCS, WORDS)];
const words = corpus.reduce((n, d) => n + d.raw.split(/\s+/).length, 0);
log(`corpus: ${corpus.length} documents, ${Math.round(words / corpus.length)} words each on average, from ${paragraphs.length} paragraphs (${round(performance.now() - t, 0)} ms)`);

// ---- pipeline, stage by stage ----
t = performance.now();
const pipeline = createPipeline();
const kbMs = performance.now() - t;
log(`knowledge base loaded in ${round(kbMs, 0)} ms`);

let ingestMs = 0;
let analyzeMs = 0;
let cpuMs = 0;   // CPU time of ingest + analyze: the machine may be shared, and wall time then overstates the cost
let storeMs = 0;
let sentences = 0;
let events = 0;
let processed = 0;
const bodies: string[] = [];
const dir = mkdtempSync(join(tmpdir(), 'sitrep-bench-'));
const store = await openStore(join(dir, 'bench.sqlite'));
let batch: Analysis[] = [];
const flush = async (): Promise<void> => {
  const s = performance.now();
  await store.saveAnalyses(batch);
  storeMs += performance.now() - s;
  batch = [];
};
const ingest = (d: (typeof corpus)[number]): Document =>
  ingestText(d.raw, d.source, { format: 'txt', meta: { title: d.title, published: d.published } });

// A few documents first so that timings do not include the JIT warming up.
for (const d of corpus.slice(0, Math.min(20, corpus.length))) pipeline.analyze(ingestText(d.raw, `warm:${d.source}`, { format: 'txt' }));

// The whole pipeline through its public API, storing in batches as `analyze` would.
const started = performance.now();
for (const d of corpus) {
  const cpu = process.cpuUsage();
  let s = performance.now();
  const doc = ingest(d);
  ingestMs += performance.now() - s;
  s = performance.now();
  const a = pipeline.analyze(doc);
  analyzeMs += performance.now() - s;
  const used = process.cpuUsage(cpu);
  cpuMs += (used.user + used.system) / 1000;
  sentences += a.sentences.length;
  events += a.events.length;
  bodies.push(doc.body);
  batch.push(a);
  processed++;
  if (batch.length >= BATCH) await flush();
  if (performance.now() - started > BUDGET_MS) {
    log(`time budget of ${BUDGET_MS / 1000} s reached after ${processed} documents (use --budget or --docs)`);
    break;
  }
}
if (batch.length) await flush();
const stored = (await store.counts()).documents;
await store.close();
rmSync(dir, { recursive: true, force: true });
const pipelineMs = ingestMs + analyzeMs;

// Where the time goes: the stages one by one on a sample of the same documents.
const SAMPLE = Math.min(processed, 300);
const stageMs = new Map<string, number>([['ingest', 0], ...STAGES.map((st): [string, number] => [st.name, 0])]);
for (const d of corpus.slice(0, SAMPLE)) {
  let s = performance.now();
  const a = emptyAnalysis(ingest(d));
  stageMs.set('ingest', stageMs.get('ingest')! + performance.now() - s);
  for (const stage of STAGES) {
    s = performance.now();
    stage.run(a, pipeline.ctx);
    stageMs.set(stage.name, stageMs.get(stage.name)! + performance.now() - s);
  }
}
const sampleMs = [...stageMs.values()].reduce((x, y) => x + y, 0);

// ---- tokenization alone, same bodies ----
t = performance.now();
let tokenSentences = 0;
for (const body of bodies) tokenSentences += tokenize(body).sentences.length;
const tokenizeMs = performance.now() - t;

const docsPerSecond = processed / (pipelineMs / 1000);
const tokenizeDocsPerSecond = processed / (tokenizeMs / 1000);
const share: Record<string, number> = {};
for (const [name, ms] of stageMs) share[name] = round((100 * ms) / sampleMs);

// ---- sitrep analyze end to end, into SQLite, each run in its own process ----
interface AnalyzeRun { documents: number; workers: number; seconds: number; docs_per_second: number; sentences_per_second: number; link_seconds: number; cpu_ms_per_document: number; peak_rss_mb: number; peak_rss_mb_by_documents: Record<number, number> }
// run from a bundle, as the sitrep command runs (bin/bundle.js), or through tsx where none can be made
const analyzeScript = await (bundle as (o: object) => Promise<{ entries: Record<string, string> } | undefined>)({
  entries: { 'analyze-run': 'bench/analyze-run.ts' }, cacheDir: join(here, '..', 'node_modules', '.cache', 'sitrep-bench'),
});
function analyzeRun(docs: number, workers: number): AnalyzeRun {
  log(`analyze: ${docs} documents, ${workers} worker${workers > 1 ? 's' : ''}...`);
  const script = analyzeScript ? [fileURLToPath(analyzeScript.entries['analyze-run'])] : ['--import', 'tsx', join(here, 'analyze-run.ts')];
  const r = spawnSync(process.execPath, [...script, String(docs), String(workers), String(WORDS)],
    { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const last = r.stdout.trim().split('\n').pop() ?? '';
  if (r.status !== 0 || !last.startsWith('{')) throw new Error(`bench/analyze-run.ts failed (${r.status}): ${r.stderr.slice(-2000)}`);
  const run = JSON.parse(last) as AnalyzeRun;
  log(`         ${round(run.docs_per_second)} docs/s, ${round(run.sentences_per_second)} sentences/s, ${run.seconds} s (linking ${run.link_seconds} s), ${round(run.cpu_ms_per_document)} CPU ms per document, peak RSS ${run.peak_rss_mb} MB`);
  return run;
}
const SMALL = option('small', 1000);
const LARGE = option('large', 20000);
const CORES = availableParallelism();
let oneCore: AnalyzeRun | undefined;
let allCores: AnalyzeRun | undefined;
let large: AnalyzeRun | undefined;
if (!process.argv.includes('--no-analyze')) {
  oneCore = analyzeRun(SMALL, 1);
  allCores = analyzeRun(SMALL, CORES);
  large = analyzeRun(LARGE, CORES);
}

// ---- the job queue: documents per second with 1, 2 and 4 `sitrep worker` processes on PostgreSQL ----
let workerDocsPerSecond: Record<number, number> | null = null;
if (!process.argv.includes('--no-queue')) {
  try {
    workerDocsPerSecond = await measureWorkers({ docs: option('queue-docs', WORKER_BENCH_DOCS), words: WORDS, log });
  } catch (err) {
    log(`queue workers not measured: ${(err as Error).message}`);
  }
}

const result = {
  documents: processed,
  words_per_document: Math.round(words / corpus.length),
  docs_per_second_one_core: round(docsPerSecond),
  sentences_per_second: round(sentences / (pipelineMs / 1000)),
  cpu_docs_per_second: round(processed / (cpuMs / 1000)),
  tokenize_docs_per_second: round(tokenizeDocsPerSecond),
  pipeline_to_tokenize_ratio: round(tokenizeDocsPerSecond / docsPerSecond, 2),
  docs_per_second_with_store: round(processed / ((pipelineMs + storeMs) / 1000)),
  store_docs_per_second: round(processed / (storeMs / 1000)),
  stored_documents: stored,
  events_per_document: round(events / Math.max(1, processed), 2),
  stage_ms_share: share,
  stage_ms_per_document: Object.fromEntries([...stageMs].map(([k, v]) => [k, round(v / Math.max(1, SAMPLE), 2)])),
  stage_sample_documents: SAMPLE,
  kb_load_ms: round(kbMs, 0),
  peak_rss_mb: peakRssMb(),
  tokenize_sentences: tokenSentences,
  // sitrep analyze into SQLite, documents read, analysed, stored and linked; each run its own process
  cores: CORES,
  analyze_docs_per_second_one_core: oneCore ? round(oneCore.docs_per_second) : null,
  docs_per_second_all_cores: allCores ? round(allCores.docs_per_second) : null,
  analyze_sentences_per_second_all_cores: allCores ? round(allCores.sentences_per_second) : null,
  analyze_link_seconds: allCores && large ? { [SMALL]: allCores.link_seconds, [LARGE]: large.link_seconds } : null,
  // named for the default sizes; peak_rss_documents gives the sizes of this run
  peak_rss_mb_1000: allCores?.peak_rss_mb ?? null,
  peak_rss_mb_20000: large?.peak_rss_mb ?? null,
  peak_rss_documents: [SMALL, LARGE],
  // the large run's peak so far after each tenth of its documents (before linking): levels off or grows
  peak_rss_mb_by_documents: large?.peak_rss_mb_by_documents ?? null,
  docs_per_second_all_cores_large: large ? round(large.docs_per_second) : null,
  // CPU time per document of the three runs, all threads counted: what two cores' worth of threads
  // cost beyond one (starting workers, copying analyses between threads, a heap each)
  analyze_cpu_ms_per_document: oneCore && allCores && large
    ? { one_core: round(oneCore.cpu_ms_per_document), all_cores: round(allCores.cpu_ms_per_document), all_cores_large: round(large.cpu_ms_per_document) }
    : null,
  // the job queue (bench/workers.ts): workers -> documents per second
  worker_docs_per_second: workerDocsPerSecond,
};

if (json) {
  process.stdout.write(JSON.stringify(result) + '\n');
} else {
  const lines = [
    `documents            ${result.documents} (~${result.words_per_document} words each)`,
    `pipeline             ${result.docs_per_second_one_core} docs/s on one core, ${result.sentences_per_second} sentences/s (${result.cpu_docs_per_second} docs per CPU second)`,
    `tokenize alone       ${result.tokenize_docs_per_second} docs/s (the pipeline is ${result.pipeline_to_tokenize_ratio}x slower)`,
    `with SQLite store    ${result.docs_per_second_with_store} docs/s (store alone ${result.store_docs_per_second} docs/s, ${stored} stored)`,
    `events per document  ${result.events_per_document}`,
    `peak RSS             ${result.peak_rss_mb} MB`,
    ...(oneCore && allCores && large ? [
      `analyze, 1 core      ${result.analyze_docs_per_second_one_core} docs/s (${SMALL} documents into SQLite, linking included)`,
      `analyze, ${CORES} cores     ${result.docs_per_second_all_cores} docs/s, ${result.analyze_sentences_per_second_all_cores} sentences/s; ${result.docs_per_second_all_cores_large} docs/s on ${LARGE}`,
      `CPU per document     ${oneCore.cpu_ms_per_document.toFixed(1)} ms on 1 core, ${allCores.cpu_ms_per_document.toFixed(1)} ms on ${CORES} (${large.cpu_ms_per_document.toFixed(1)} ms on ${LARGE}), all threads`,
      `peak RSS, analyze    ${allCores.peak_rss_mb} MB at ${SMALL} documents, ${large.peak_rss_mb} MB at ${LARGE} (linking ${allCores.link_seconds} s and ${large.link_seconds} s)`,
      `  so far, by docs    ${Object.entries(large.peak_rss_mb_by_documents).map(([n, v]) => `${n}: ${v}`).join(', ')} MB (${LARGE} documents, before linking)`,
    ] : []),
    ...(workerDocsPerSecond ? [`queue workers        ${Object.entries(workerDocsPerSecond).map(([n, v]) => `${n}: ${v} docs/s`).join(', ')}`] : []),
    `time per stage       (${SAMPLE} documents) ${Object.entries(share).map(([k, v]) => `${k} ${v}%`).join(', ')}`,
    `ms per document      ${Object.entries(result.stage_ms_per_document).map(([k, v]) => `${k} ${v}`).join(', ')}`,
  ];
  process.stdout.write(lines.join('\n') + '\n');
}
