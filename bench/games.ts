// sitrep's game solvers against Gambit's published times on the same games
// (../shared/games/gambit/expected.json): enumpure -> pure, enummixed -> extreme, lcp -> sequence.
// Gambit's `seconds` include starting its process; sitrep's are measured in this process, file
// reading included, after one warm-up run. Usage: npm run bench:games [-- --top N] [--json] [--dir D]
import { existsSync, readFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { readGameFileRaw } from '../src/games/files.ts';
import { solve, type Method } from '../src/games/solve.ts';

const here = dirname(fileURLToPath(import.meta.url));
const arg = (name: string): string | undefined => { const i = process.argv.indexOf(`--${name}`); return i >= 0 ? process.argv[i + 1] : undefined; };
const DIR = arg('dir') ?? join(here, '..', '..', 'shared', 'games', 'gambit');
const TOP = Number(arg('top') ?? 10);
const json = process.argv.includes('--json');
const SOLVERS: Record<string, Method> = { enumpure: 'pure', enummixed: 'extreme', lcp: 'sequence' };

if (!existsSync(join(DIR, 'expected.json'))) {
  process.stderr.write(`bench:games: no ${join(DIR, 'expected.json')} (pass --dir)\n`);
  process.exit(1);
}
interface Expected { file: string; seconds: Record<string, number>; results: Record<string, unknown> }
const expected: Expected[] = JSON.parse(readFileSync(join(DIR, 'expected.json'), 'utf8'));

interface Row { file: string; gambit: string; method: Method; gambitSeconds: number; sitrepSeconds: number; ratio: number }
const rows: Row[] = [];
for (const e of expected) {
  for (const [gambit, seconds] of Object.entries(e.seconds)) {
    const method = SOLVERS[gambit];
    if (!method) continue;
    const run = (): void => { solve(readGameFileRaw(join(DIR, e.file)), method); };
    run();
    const reps = 3;
    const t0 = performance.now();
    for (let i = 0; i < reps; i++) run();
    const sitrepSeconds = (performance.now() - t0) / 1000 / reps;
    rows.push({ file: e.file, gambit, method, gambitSeconds: seconds, sitrepSeconds, ratio: sitrepSeconds / seconds });
  }
}
const totalGambit = rows.reduce((s, r) => s + r.gambitSeconds, 0);
const totalSitrep = rows.reduce((s, r) => s + r.sitrepSeconds, 0);
const largest = [...rows].sort((a, b) => b.gambitSeconds - a.gambitSeconds).slice(0, TOP);
const geo = Math.exp(rows.reduce((s, r) => s + Math.log(Math.max(r.ratio, 1e-6)), 0) / rows.length);
if (json) {
  process.stdout.write(JSON.stringify({ runs: rows.length, totalGambit, totalSitrep, geometricMeanRatio: geo, largest }) + '\n');
} else {
  const lines = [`${rows.length} solver runs on ${expected.length} games; ratio = sitrep time / Gambit time (below 1: sitrep faster)`, '',
    `the ${TOP} slowest for Gambit:`, `  ${'game'.padEnd(34)} ${'gambit'.padEnd(9)} ${'sitrep'.padEnd(9)} ${'Gambit s'.padStart(9)} ${'sitrep s'.padStart(9)} ${'ratio'.padStart(7)}`];
  for (const r of largest) {
    lines.push(`  ${r.file.padEnd(34)} ${r.gambit.padEnd(9)} ${r.method.padEnd(9)} ${r.gambitSeconds.toFixed(3).padStart(9)} ${r.sitrepSeconds.toFixed(3).padStart(9)} ${r.ratio.toFixed(2).padStart(7)}`);
  }
  lines.push('', `all runs: Gambit ${totalGambit.toFixed(2)} s, sitrep ${totalSitrep.toFixed(2)} s; geometric mean of the ratios ${geo.toFixed(2)}`);
  lines.push('(Gambit\'s times include starting its process, about 3-5 ms, which is most of the time on small games: the largest games are the fair comparison; sitrep\'s are in-process)');
  process.stdout.write(lines.join('\n') + '\n');
}
