// sitrep analyze PATH...: read, run the pipeline, store, then link across the whole store.
import { Command } from 'commander';
import { readSources, countSources } from '../ingest/index.ts';
import { createPipeline } from '../pipeline/index.ts';
import { collect, openStore } from '../store/index.ts';
import { linkAnalyses } from '../link/index.ts';
import type { Analysis } from '../model/types.ts';
import { withDb, withKb } from './options.ts';
import { startProgress } from './progress.ts';

const BATCH = 100;

export interface AnalyzeSummary { read: number; stored: number; unchanged: number; failed: number; events: number; quotes: number; seconds: number }

export async function analyzePaths(inputs: string[], opts: { db: string; kb: string[] }, log: (line: string) => void): Promise<AnalyzeSummary> {
  const started = Date.now();
  const pipeline = createPipeline({ kbFiles: opts.kb });
  const store = await openStore(opts.db);
  const summary: AnalyzeSummary = { read: 0, stored: 0, unchanged: 0, failed: 0, events: 0, quotes: 0, seconds: 0 };
  const progress = startProgress(inputs.includes('-') ? undefined : await countSources(inputs));
  let batch: Analysis[] = [];
  const flush = async () => {
    if (!batch.length) return;
    await store.saveAnalyses(batch);
    summary.stored += batch.length;
    batch = [];
  };
  const seen = new Set<string>();
  try {
    for await (const item of readSources(inputs)) {
      progress.tick();
      if ('error' in item) {
        summary.failed++;
        log(`error: ${item.error.source}: ${item.error.reason}`);
        continue;
      }
      summary.read++;
      const { doc } = item;
      if (seen.has(doc.id) || (await store.hasDocument(doc.id))) { summary.unchanged++; continue; }
      seen.add(doc.id);
      try {
        const analysis = pipeline.analyze(doc);
        summary.events += analysis.events.length;
        summary.quotes += analysis.quotes.length;
        batch.push(analysis);
      } catch (err) {
        summary.failed++;
        log(`error: ${doc.source}: analysis failed: ${err instanceof Error ? err.message : String(err)}`);
      }
      if (batch.length >= BATCH) await flush();
    }
    await flush();
  } finally {
    progress.stop();
  }
  if (summary.stored > 0) await store.saveLinks(linkAnalyses(await collect(store.analyses())));
  await store.close();
  summary.seconds = (Date.now() - started) / 1000;
  return summary;
}

export function analyzeCommand(): Command {
  const cmd = new Command('analyze')
    .description('read files, folders, .jsonl or - (standard input), analyse them and store the results')
    .argument('<paths...>', 'files or folders (.txt .md .html .jsonl), or - for standard input');
  withDb(cmd);
  withKb(cmd);
  return cmd.action(async (paths: string[], opts: { db: string; kb: string[] }) => {
    const s = await analyzePaths(paths, opts, (line) => process.stderr.write(line + '\n'));
    process.stdout.write(
      `${s.read + s.failed} documents read: ${s.stored} stored, ${s.unchanged} unchanged, ${s.failed} failed; ` +
      `${s.events} events, ${s.quotes} quotes; ${s.seconds.toFixed(1)} s -> ${opts.db}\n`,
    );
    if (s.failed > 0) process.exitCode = 1;
  });
}
