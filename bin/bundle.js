// sitrep's TypeScript sources as JavaScript bundles, made by esbuild and kept in
// node_modules/.cache/sitrep/ until a source changes. Loading some 200 modules one by one
// through tsx's loader hooks takes about a second in each process and in each worker thread;
// a bundle loads in a fifth of that. Where no bundle can be made (a read-only install, a source
// that does not compile, SITREP_NO_BUNDLE=1) the caller runs the sources through tsx instead.
// Plain JavaScript: it runs before any TypeScript can be loaded.
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import { existsSync, readdirSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);

/** The entry points: the command, and the modules worker threads start from. */
export const ENTRIES = { main: 'src/cli/main.ts', worker: 'src/run/worker.ts', 'link-worker': 'src/run/link-worker.ts' };

/** Where a process that runs from a bundle says so: source file path -> compiled entry URL (src/run/ts-worker.ts reads it). */
export const BUNDLE_KEY = Symbol.for('sitrep.bundle');

/** Every .ts file under `dir`, with its size and modification time: what the bundle is made of. */
function sources(dir, out = []) {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) sources(p, out);
    else if (e.name.endsWith('.ts')) {
      const s = statSync(p);
      out.push(`${p}\0${s.size}\0${s.mtimeMs}`);
    }
  }
  return out;
}

/**
 * The bundle of the sources under `root` (default: this package), made if no current one is
 * cached: `{ dir, entries }`, entries by name as file URLs; undefined where none can be made.
 * Each module keeps its own import.meta.url (its source file's), so paths to data files that
 * modules resolve from their own place stay right.
 */
export async function bundle({ root = ROOT, entries = ENTRIES, cacheDir = join(root, 'node_modules', '.cache', 'sitrep') } = {}) {
  if (process.env.SITREP_NO_BUNDLE === '1') return undefined;
  try {
    // esbuild itself is loaded only to build
    const esbuildVersion = JSON.parse(readFileSync(require.resolve('esbuild/package.json'), 'utf8')).version;
    // the sources, those of entries outside src/ (the bench's) and this file, which shapes the output
    const dirs = new Set(['src', ...Object.values(entries).filter((e) => e.includes('/')).map((e) => e.split('/')[0])]);
    const hash = createHash('sha256')
      .update(JSON.stringify([esbuildVersion, entries, readFileSync(join(root, 'package.json'), 'utf8')]))
      .update(readFileSync(fileURLToPath(import.meta.url)))
      .update([...dirs].flatMap((d) => sources(join(root, d))).sort().join('\n'))
      .digest('hex').slice(0, 16);
    const dir = join(cacheDir, hash);
    const files = Object.fromEntries(Object.keys(entries).map((name) => [name, join(dir, `${name}.mjs`)]));
    if (!Object.values(files).every((f) => existsSync(f))) {
      // made beside it and renamed into place: processes started together do not read half a bundle
      const tmp = `${dir}.${process.pid}.${Date.now()}`;
      const esbuild = await import(pathToFileURL(require.resolve('esbuild')).href);   // from this package, wherever this code runs
      await esbuild.build({
        absWorkingDir: root,
        entryPoints: Object.fromEntries(Object.entries(entries).map(([name, src]) => [name, join(root, src)])),
        outdir: tmp, outExtension: { '.js': '.mjs' },
        bundle: true, splitting: true, format: 'esm', platform: 'node', target: 'node20',
        packages: 'external', sourcemap: 'linked', logLevel: 'silent',
        plugins: [ownUrls(root)],
      });
      try {
        renameSync(tmp, dir);
      } catch {
        rmSync(tmp, { recursive: true, force: true });   // another process made it first
      }
      removeStale(cacheDir, hash);
    }
    return {
      dir,
      entries: Object.fromEntries(Object.entries(files).map(([name, f]) => [name, pathToFileURL(f).href])),
      sources: Object.fromEntries(Object.entries(entries).map(([name, src]) => [name, join(root, src)])),
    };
  } catch {
    return undefined;
  }
}

/** Bundles of older sources, a day after they were made: a process started from one (a server) may still start workers from it. */
function removeStale(cacheDir, current) {
  const dayAgo = Date.now() - 86_400_000;
  for (const name of readdirSync(cacheDir)) {
    const p = join(cacheDir, name);
    if (!name.startsWith(current) && statSync(p).mtimeMs < dayAgo) rmSync(p, { recursive: true, force: true });
  }
}

// spelt in pieces: written whole, this file's own plugin would rewrite it when the bench bundles this file
const META_URL = ['import', 'meta', 'url'].join('.');

/** An esbuild plugin: `import.meta.url` in a source is that source's own URL, not the bundle's. */
function ownUrls(root) {
  return {
    name: 'own-import-meta-url',
    setup(build) {
      // .js too: bin/bundle.js, bundled into the bench's runner, finds the sources from its own place
      build.onLoad({ filter: /\.[jt]s$/ }, (args) => {
        const text = readFileSync(args.path, 'utf8');
        if (relative(root, args.path).startsWith('..') || !text.includes(META_URL)) return undefined;
        const contents = text.replaceAll(META_URL, JSON.stringify(pathToFileURL(args.path).href));
        return { contents, loader: args.path.endsWith('.ts') ? 'ts' : 'js' };
      });
    },
  };
}

/** Makes the worker threads this process starts load their bundled entries (src/run/ts-worker.ts). */
export function useBundle(made) {
  globalThis[BUNDLE_KEY] = new Map(Object.keys(made.entries).map((name) => [made.sources[name], made.entries[name]]));
}
