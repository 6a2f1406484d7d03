// Builds the web app into web/dist: one minified script bundling preact and the views, the page
// and the style sheet. Run by `npm install` (the prepare script) and `npm run build:web`; the
// server also runs it when the build is missing or older than the sources (a checkout that
// moved on since the install), so that `sitrep serve` always serves the app as it is.
import { build } from 'esbuild';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));
export const WEB_SOURCES = here('./');
export const WEB_DIST = here('./dist/');
const STATIC = ['index.html', 'app.css'];

function newest(dir: string): number {
  let t = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    t = Math.max(t, e.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }
  return t;
}

/** Whether web/dist lacks a file or is older than a source. */
export function webBuildStale(): boolean {
  const out = ['app.js', ...STATIC].map((f) => `${WEB_DIST}${f}`);
  if (!out.every(existsSync)) return true;
  const built = Math.min(...out.map((f) => statSync(f).mtimeMs));
  const sources = Math.max(newest(here('./src/')), ...STATIC.map((f) => statSync(here(`./${f}`)).mtimeMs));
  return sources > built;
}

/** Builds into a scratch folder and moves each file into place, so that a server reading dist never sees half a file. */
export async function buildWeb(): Promise<void> {
  mkdirSync(WEB_DIST, { recursive: true });
  const scratch = mkdtempSync(join(WEB_DIST, '.build-'));
  try {
    await build({
      entryPoints: [here('./src/main.tsx')],
      bundle: true, minify: true, format: 'esm', target: 'es2022', sourcemap: false,
      jsx: 'automatic', jsxImportSource: 'preact',
      outfile: join(scratch, 'app.js'), logLevel: 'warning',
    });
    for (const f of STATIC) copyFileSync(here(`./${f}`), join(scratch, f));
    for (const f of ['app.js', ...STATIC]) renameSync(join(scratch, f), `${WEB_DIST}${f}`);
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  await buildWeb();
  process.stdout.write(`web app built in ${WEB_DIST}\n`);
}
