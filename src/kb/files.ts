// Reading knowledge-base files: the YAML files of a folder, parsed (through a JSON cache) and validated.
import { mkdirSync, readFileSync, readdirSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { kbIssues, type KbFile } from './schema.ts';
import { lineIn } from './lines.ts';

const require = createRequire(import.meta.url);

/** Every .yaml file under a folder, sorted, so the load order is stable. */
export function yamlFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...yamlFiles(p));
    else if (/\.ya?ml$/.test(name)) out.push(p);
  }
  return out;
}

export function readKbFile(file: string): KbFile {
  let text: string;
  try { text = readFileSync(file, 'utf8'); } catch (e) { throw new Error(`${file}: cannot read: ${(e as Error).message}`); }
  const data = parseYamlCached(file, text);
  const issues = kbIssues(data);
  if (issues.length) {
    // the slow path, on failure only: parse again with positions for the line number
    const [first] = issues;
    const line = lineIn(text, first.path, first.onKey);
    throw new Error(`${file}${line ? `:${line}` : ''}: ${first.where}: ${first.reason}`);
  }
  return (data ?? {}) as KbFile;
}

const CACHE_DIR = join(tmpdir(), 'sitrep-kb-cache');

/**
 * YAML parsing is most of the load time, so the parsed form of each file is kept as JSON in
 * the temporary folder, keyed by a hash of the text; a missing or unwritable cache only costs time.
 */
function parseYamlCached(file: string, text: string): unknown {
  const hash = createHash('sha1').update(text).digest('hex');
  const cached = join(CACHE_DIR, `${hash}.json`);
  try { return JSON.parse(readFileSync(cached, 'utf8')); } catch { /* not cached yet */ }
  let data: unknown;
  try { data = (require('yaml') as typeof import('yaml')).parse(text); } catch (e) { throw new Error(`${file}: not valid YAML: ${(e as Error).message.split('\n')[0]}`); }
  try {
    mkdirSync(CACHE_DIR, { recursive: true });
    const tmp = `${cached}.${process.pid}.tmp`;
    writeFileSync(tmp, JSON.stringify(data));
    renameSync(tmp, cached);
  } catch { /* read-only or full disk: parse again next time */ }
  return data;
}
