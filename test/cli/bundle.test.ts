// bin/bundle.js: the sources bundled once and kept until one changes, each module still finding
// its data files beside it, and no bundle (so tsx runs the sources) when one cannot be made.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
// @ts-expect-error: plain JavaScript (it runs before TypeScript can be loaded), no declarations
import { bundle } from '../../bin/bundle.js';

interface Made { dir: string; entries: Record<string, string>; sources: Record<string, string> }
const make = bundle as (o: { root: string; entries: Record<string, string>; cacheDir: string }) => Promise<Made | undefined>;

/** A small project: an entry in src/ that uses a module two folders down, which reads a data file by its own URL. */
function project(): { root: string; cacheDir: string; entries: Record<string, string> } {
  const root = mkdtempSync(join(tmpdir(), 'sitrep-bundle-'));
  mkdirSync(join(root, 'src', 'deep', 'er'), { recursive: true });
  mkdirSync(join(root, 'data'));
  writeFileSync(join(root, 'package.json'), '{"type":"module"}');
  writeFileSync(join(root, 'data', 'greeting.txt'), 'hello from data');
  writeFileSync(join(root, 'src', 'deep', 'er', 'read.ts'), [
    "import { readFileSync } from 'node:fs';",
    "export const greeting = (): string => readFileSync(new URL('../../../data/greeting.txt', import.meta.url), 'utf8');",
  ].join('\n'));
  writeFileSync(join(root, 'src', 'main.ts'), "import { greeting } from './deep/er/read.ts';\nconst suffix: string = '!';\nconsole.log(greeting() + suffix);\n");
  return { root, cacheDir: join(root, 'node_modules', '.cache', 'sitrep'), entries: { main: 'src/main.ts' } };
}

const run = (url: string, args: string[] = []) => spawnSync(process.execPath, [fileURLToPath(url), ...args], { encoding: 'utf8' });

test('a bundle runs like the sources, each module reading data by its own place, and is reused until a source changes', async () => {
  const p = project();
  try {
    const first = await make(p);
    assert.ok(first, 'a bundle is made');
    assert.equal(run(first.entries.main).stdout.trim(), 'hello from data!');
    assert.equal(first.sources.main, join(p.root, 'src', 'main.ts'));

    const again = await make(p);
    assert.equal(again?.dir, first.dir, 'unchanged sources: the same bundle');

    writeFileSync(join(p.root, 'src', 'main.ts'), "import { greeting } from './deep/er/read.ts';\nconsole.log(greeting().toUpperCase());\n");
    const changed = await make(p);
    assert.ok(changed && changed.dir !== first.dir, 'a changed source: a new bundle');
    assert.equal(run(changed.entries.main).stdout.trim(), 'HELLO FROM DATA');

    // bundles of older sources stay a day (a running process may start workers from one), then go
    assert.equal(readdirSync(p.cacheDir).length, 2);
    const dayAndMore = new Date(Date.now() - 2 * 86_400_000);
    utimesSync(first.dir, dayAndMore, dayAndMore);
    writeFileSync(join(p.root, 'src', 'main.ts'), "console.log('third');\n");
    const third = await make(p);
    assert.deepEqual(readdirSync(p.cacheDir).sort(), [changed.dir, third!.dir].map((d) => d.split('/').pop()).sort());
  } finally {
    rmSync(p.root, { recursive: true, force: true });
  }
});

test('no bundle where the sources do not compile, or when SITREP_NO_BUNDLE=1: the caller runs them through tsx', async () => {
  const p = project();
  try {
    writeFileSync(join(p.root, 'src', 'main.ts'), 'const = broken;\n');
    assert.equal(await make(p), undefined);
    assert.deepEqual(existsSync(p.cacheDir) ? readdirSync(p.cacheDir) : [], [], 'nothing half-made is left behind');

    writeFileSync(join(p.root, 'src', 'main.ts'), "console.log('fine');\n");
    process.env.SITREP_NO_BUNDLE = '1';
    try {
      assert.equal(await make(p), undefined);
    } finally {
      delete process.env.SITREP_NO_BUNDLE;
    }
    assert.ok(await make(p));
  } finally {
    rmSync(p.root, { recursive: true, force: true });
  }
});

test('bin/bundle.js bundled into another entry (the bench runner) still finds the sources and makes a bundle with every module\'s own URL', async () => {
  const root = fileURLToPath(new URL('../..', import.meta.url));
  const dir = mkdtempSync(join(tmpdir(), 'sitrep-bundle-nested-'));
  try {
    const probe = await make({ root, entries: { probe: 'test/fixtures/bundle/probe.ts' }, cacheDir: join(dir, 'outer') });
    assert.ok(probe, 'the probe is bundled');
    const r = run(probe.entries.probe, [join(dir, 'inner')]);
    assert.equal(r.status, 0, r.stderr);
    const made = JSON.parse(r.stdout) as Made | null;
    assert.ok(made, 'bundle() run from a bundle makes one (it found src/ from its own place)');
    assert.ok(made.entries.worker && existsSync(fileURLToPath(made.entries.worker)));
    for (const f of readdirSync(made.dir).filter((n) => n.endsWith('.mjs'))) {
      assert.doesNotMatch(readFileSync(join(made.dir, f), 'utf8'), /import\.meta\.url/, `${f}: every import.meta.url is its source's own`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('the sitrep command runs from its bundle and starts its worker threads from it', () => {
  const root = fileURLToPath(new URL('../..', import.meta.url));
  const dir = mkdtempSync(join(tmpdir(), 'sitrep-bundle-cli-'));
  try {
    const corpus = join(dir, 'corpus');
    mkdirSync(corpus);
    // enough documents that the batch starts its worker threads rather than analysing in this thread
    for (let i = 0; i < 40; i++) {
      writeFileSync(join(corpus, `d${i}.txt`), `Poland offered talks to Belarus on day ${i}. Belarus rejected the offer from Warsaw, its foreign ministry said.\n`);
    }
    const db = join(dir, 'x.db');
    const r = spawnSync(process.execPath, [join(root, 'bin', 'sitrep.js'), 'analyze', corpus, '--db', db, '--workers', '2'],
      { cwd: root, encoding: 'utf8', timeout: 300_000, env: { ...process.env, NODE_DEBUG: 'sitrep-bundle' } });
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /40 documents read: 40 stored/);
    assert.match(r.stderr, /worker thread from bundle .*worker\.mjs/, 'the analysis workers load the bundled entry');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
