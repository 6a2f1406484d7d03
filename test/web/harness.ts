// Shared by the browser tests: Debian's Chromium driven by playwright-core (never a downloaded
// browser), and `sitrep serve`'s server over a store built from examples/ by `sitrep analyze`,
// plus hostile documents whose text, titles, quotes and actor names carry markup and script.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext } from 'playwright-core';
import { collect, openStore, type Store } from '../../src/store/index.ts';
import { linkAnalyses } from '../../src/link/index.ts';
import { createServer, startServer, type ApiStore } from '../../src/server/index.ts';
import { WEB_DIST } from '../../src/server/routes/web.ts';
import { makeAnalysis } from '../store/fixture.ts';
import type { FastifyInstance } from 'fastify';

export const CHROMIUM = '/usr/bin/chromium';
export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const SCREENSHOTS = join(ROOT, 'docs/screenshots');

/** Why the browser tests cannot run here, or undefined. In CI (CI=true, or SITREP_REQUIRE_BROWSER=1 as .ci/run sets) that is a failure, not a skip. */
export function browserMissing(): string | undefined {
  if (!existsSync(CHROMIUM)) return `${CHROMIUM} is missing (apt-get install chromium)`;
  if (!existsSync(join(WEB_DIST, 'index.html'))) return 'the web app is not built (npm run build:web)';
  return undefined;
}
export const mustRun = process.env.CI === 'true' || process.env.SITREP_REQUIRE_BROWSER === '1';

export async function launchBrowser(): Promise<{ context: BrowserContext; close(): Promise<void> }> {
  const profile = mkdtempSync(join(tmpdir(), 'sitrep-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM, headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1, timeout: 60_000,
  });
  return { context, close: async () => { await context.close(); rmSync(profile, { recursive: true, force: true }); } };
}

/** Markup a hostile article carries: were any of it run, window.__pwned would be set. */
export const HOSTILE = {
  script: '<script>window.__pwned = "script"</script>',
  img: '<img src=x onerror="window.__pwned = \'img\'">',
  actor: '<img src=x onerror="window.__pwned=\'actor\'"><b>Colonel Mallory</b>',
  quote: '<svg onload="window.__pwned=\'quote\'">We will answer</svg>',
  title: '<iframe src="javascript:window.top.__pwned=\'title\'"></iframe>Hostile <em>title</em>',
};

/** A hand-coded analysis whose actor name, quote and title are markup, linked to Russia by an event. */
function hostileAnalysis() {
  const body = `${HOSTILE.actor} accused Russia of provocations near the border. "${HOSTILE.quote}," ${HOSTILE.actor} said.`;
  const actor = { id: 'new:person:mallory', name: HOSTILE.actor, kind: 'person' as const, code: 'XXXMIL', aliases: ['Mallory'], isNew: true };
  const russia = { id: 'state:RUS', name: 'Russia', kind: 'state' as const, code: 'RUS', aliases: [], country: 'RUS' };
  return makeAnalysis({
    body, source: 'hostile/crafted.txt', meta: { title: HOSTILE.title, outlet: '<b>Evil Outlet</b>', published: '2024-05-02' },
    actors: [actor, russia],
    mentions: [{ text: HOSTILE.actor, actor: actor.id, kind: 'person', code: 'XXXMIL' }, { text: 'Russia', actor: 'state:RUS', kind: 'state', code: 'RUS' }],
    events: [{ type: 'ACCUSE', trigger: 'accused', source: { text: HOSTILE.actor, code: 'XXXMIL', actor: actor.id }, target: { text: 'Russia', code: 'RUS', actor: 'state:RUS' } }],
    quotes: [{ text: HOSTILE.quote, speaker: actor.id, speakerText: HOSTILE.actor, speakerCode: 'XXXMIL', cue: 'said' }],
    frames: [],
  });
}

/** The article the real pipeline reads: plain text full of tags. */
export const HOSTILE_TEXT = `Lithuania accused Russia of staging ${HOSTILE.img} provocations at the border on Monday.\n\n`
  + `"${HOSTILE.script} We will not be intimidated," the Lithuanian foreign minister said.\n`;

export interface Site { url: string; app: FastifyInstance; store: Store; dir: string; hostileDoc: string; craftedDoc: string; close(): Promise<void> }

/** Analyzes examples/ into a fresh store with the CLI, adds the hostile documents, and serves it on loopback. */
export async function startSite(): Promise<Site> {
  const dir = mkdtempSync(join(tmpdir(), 'sitrep-web-'));
  const db = join(dir, 'web.db');
  const hostileFile = join(dir, 'hostile.txt');
  writeFileSync(hostileFile, HOSTILE_TEXT);
  // Relative paths, so that the sources the views show (and the screenshots) are the same on every machine.
  symlinkSync(join(ROOT, 'examples'), join(dir, 'examples'));
  const run = spawnSync(process.execPath, [join(ROOT, 'bin/sitrep.js'), 'analyze', 'examples', 'hostile.txt', '--db', db], { cwd: dir, encoding: 'utf8', timeout: 180_000 });
  if (run.status !== 0) throw new Error(`sitrep analyze failed: ${run.stderr || run.stdout}`);
  const store = await openStore(db);
  const crafted = hostileAnalysis();
  await store.saveAnalyses([crafted]);
  await store.saveLinks(linkAnalyses(await collect(store.analyses())));
  const hostileDoc = (await store.listDocuments({ limit: 500 })).items.find((d) => d.source === 'hostile.txt')!.id;
  const app = await createServer({ store: store as ApiStore });
  const url = await startServer(app, '127.0.0.1', 0);
  return {
    url, app, store, dir, hostileDoc, craftedDoc: crafted.doc.id,
    close: async () => { await app.close(); await store.close(); rmSync(dir, { recursive: true, force: true }); },
  };
}
