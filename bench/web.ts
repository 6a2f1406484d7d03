// Time to interactive of the web app's first view (not a timed test): stores 10,000 documents
// (the examples, analysed by `sitrep analyze`, copied with new ids, outlets and days), starts
// `sitrep serve` on them in a child process, opens / in Debian's headless Chromium and reports
// when the overview's figures, documents, storylines and outlets are shown and the page is idle.
// The other views' time to content follows, for information.
// Usage: npm run bench:web [-- --documents N] [--runs R] [--keep FILE] [--json]
// --keep FILE: fill the store into FILE and keep it; a later run with the same FILE reuses it.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createInterface } from 'node:readline';
import { chromium, type Page } from 'playwright-core';
import { collect, openStore } from '../src/store/index.ts';
import { linkAnalyses } from '../src/link/index.ts';
import type { Analysis } from '../src/model/types.ts';
import { CHROMIUM, ROOT, browserMissing, launchBrowser } from '../test/web/harness.ts';

const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1] : fallback;
};
const DOCUMENTS = Number(arg('documents', '10000'));
const RUNS = Number(arg('runs', '5'));
const json = process.argv.includes('--json');
const KEEP = arg('keep', '');
const log = (s: string): void => { process.stderr.write(s + '\n'); };

const OUTLETS = ['Baltic Wire', 'Continental Press', 'Eastern Flank Review', 'Pacific Desk', 'Security Monitor', 'Defence Daily', 'Policy Brief', 'Frontline News'];

/** Copy n of an analysed example: a new id (and event ids), outlet and publication day. */
function copyOf(a: Analysis, n: number): Analysis {
  const id = `b${n.toString(16).padStart(15, '0')}`;
  const c = structuredClone(a);
  const day = new Date(Date.UTC(2019, 0, 1) + (n % 2500) * 86_400_000).toISOString().slice(0, 10);
  c.doc = { ...c.doc, id, source: `bench/${n}.txt`, meta: { ...c.doc.meta, outlet: OUTLETS[n % OUTLETS.length], published: day, title: `${c.doc.meta.title ?? 'Report'} (${n})` } };
  c.events = c.events.map((e) => ({ ...e, id: e.id.replace(a.doc.id, id) }));
  return c;
}

async function fill(dir: string): Promise<{ db: string; seconds: number }> {
  const t = performance.now();
  if (KEEP && existsSync(KEEP)) return { db: KEEP, seconds: 0 };
  const examples = join(dir, 'examples.db');
  const run = spawnSync(process.execPath, [join(ROOT, 'bin/sitrep.js'), 'analyze', 'examples', '--db', examples], { cwd: ROOT, encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`sitrep analyze failed: ${run.stderr}`);
  const source = await openStore(examples);
  const seeds = await collect(source.analyses());
  await source.close();
  const db = KEEP || join(dir, 'web.db');
  const store = await openStore(db);
  const all: Analysis[] = [];
  for (let i = 0; i < DOCUMENTS; i += 500) {
    const batch = Array.from({ length: Math.min(500, DOCUMENTS - i) }, (_, j) => copyOf(seeds[(i + j) % seeds.length], i + j));
    await store.saveAnalyses(batch);
    all.push(...batch);
  }
  await store.saveLinks(linkAnalyses(all));
  const counts = await store.counts();
  await store.close();
  log(`stored ${counts.documents} documents, ${counts.events} events, ${counts.quotes} quotes in ${((performance.now() - t) / 1000).toFixed(1)} s`);
  return { db, seconds: (performance.now() - t) / 1000 };
}

async function serve(db: string): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(process.execPath, [join(ROOT, 'bin', 'sitrep.js'), 'serve', '--db', db, '--port', '0'], { stdio: ['ignore', 'pipe', 'inherit'] });
  const lines = createInterface({ input: child.stdout! });
  const timer = setTimeout(() => child.kill(), 120_000);
  for await (const line of lines) {
    const m = /(http:\/\/127\.0\.0\.1:\d+)/.exec(line);
    if (m) { clearTimeout(timer); return { url: m[1], child }; }
  }
  throw new Error('the server did not start');
}

/** Milliseconds from navigation start until these elements are shown and the main thread is idle. */
async function shownAndIdle(page: Page, selectors: string[]): Promise<number> {
  for (const sel of selectors) await page.locator(sel).first().waitFor({ timeout: 300_000 });
  return page.evaluate(() => new Promise<number>((resolve) => { requestIdleCallback(() => resolve(performance.now())); }));
}

interface Run { usable: number; complete: number; requests: { path: string; ms: number }[] }

/** One visit: when the page can be used (header, search box, figures, latest documents), and when every part is shown. */
async function visit(page: Page, url: string, usable: string[], rest: string[]): Promise<Run> {
  await page.goto(url, { waitUntil: 'commit' });
  const first = await shownAndIdle(page, usable);
  const complete = await shownAndIdle(page, rest);
  const requests = await page.evaluate(() => performance.getEntriesByType('resource').map((r) => ({ path: new URL(r.name).pathname + new URL(r.name).search, ms: Math.round(r.duration) })));
  return { usable: first, complete, requests };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const missing = browserMissing();
if (missing) { log(`cannot measure: ${missing}`); process.exit(1); }
const dir = mkdtempSync(join(tmpdir(), 'sitrep-bench-web-'));
let child: ChildProcess | undefined;
let browser: Awaited<ReturnType<typeof launchBrowser>> | undefined;
try {
  const { db, seconds } = await fill(dir);
  const server = await serve(db);
  child = server.child;
  browser = await launchBrowser();
  const USABLE = ['[data-testid=figures]', 'ul.docs li', '#global-q'];
  const REST = ['ul.stories li', '.card table tbody tr'];
  const runs: Run[] = [];
  for (let i = 0; i < RUNS; i++) {
    // Each run in a new page with the cache emptied: a first visit, not a reload.
    const page = await browser.context.newPage();
    const cdp = await browser.context.newCDPSession(page);
    await cdp.send('Network.clearBrowserCache');
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    runs.push(await visit(page, `${server.url}/`, USABLE, REST));
    await page.waitForLoadState('networkidle');
    await page.close();
  }
  const others: Record<string, number> = {};
  const doc = (await (await fetch(`${server.url}/documents?limit=1`)).json()).items[0].id;
  const views: [string, string, string[]][] = [
    ['reader', `#/reader/${doc}`, ['[data-testid=body] .hl']],
    ['network', '#/network', ['[data-testid=network] .edge']],
    ['timeline', '#/timeline', ['[data-testid=timeline] .mark']],
    ['actor', '#/actor/state%3ARUS', ['section[aria-labelledby=a-events] .event', 'section[aria-labelledby=a-relations] table']],
    ['search', '#/search?q=border', ['[data-testid^=hits-] li']],
  ];
  for (const [name, hash, sel] of views) {
    // Each view alone in a new page, once the server has answered the previous one.
    const page = await browser.context.newPage();
    others[name] = Math.round((await visit(page, `${server.url}/${hash}`, sel, [])).usable);
    await page.waitForLoadState('networkidle');
    await page.close();
  }
  const stat = (xs: number[]) => ({ median: Math.round(median(xs)), min: Math.round(Math.min(...xs)), max: Math.round(Math.max(...xs)) });
  const typical = [...runs].sort((a, b) => a.complete - b.complete)[Math.floor(runs.length / 2)];
  const result = {
    documents: DOCUMENTS, fillSeconds: Math.round(seconds), runs: RUNS, chromium: CHROMIUM,
    overviewUsableMs: stat(runs.map((r) => r.usable)), overviewCompleteMs: stat(runs.map((r) => r.complete)),
    firstRunCompleteMs: Math.round(runs[0].complete), medianRunRequests: typical.requests, otherViewsMs: others,
  };
  if (json) process.stdout.write(JSON.stringify(result, null, 2) + '\n');
  else {
    process.stdout.write(`web app, ${DOCUMENTS.toLocaleString('en')} documents stored, headless Chromium, cache empty, ${RUNS} runs\n`);
    const line = (x: { median: number; min: number; max: number }) => `median ${x.median} ms (min ${x.min}, max ${x.max})`;
    process.stdout.write(`  first view (overview) interactive: header, search, figures and latest documents ${line(result.overviewUsableMs)}\n`);
    process.stdout.write(`  first view complete (storylines and outlets too): ${line(result.overviewCompleteMs)}; the first visit after the server started ${result.firstRunCompleteMs} ms\n`);
    process.stdout.write(`  requests of the median run:\n${typical.requests.map((r) => `    ${String(r.ms).padStart(6)} ms  ${r.path}`).join('\n')}\n`);
    process.stdout.write(`  other views, time to content: ${Object.entries(others).map(([k, v]) => `${k} ${v} ms`).join(', ')}\n`);
  }
} finally {
  await browser?.close();
  child?.kill();
  rmSync(dir, { recursive: true, force: true });
}
