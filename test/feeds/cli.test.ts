// The command: `sitrep watch --once` against the loopback feed server, as cron would run it,
// and `sitrep show document` naming the feed's page; a second run fetches nothing new.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startFeedServer } from './server.ts';

const bin = new URL('../../bin/sitrep.js', import.meta.url).pathname;
const server = await startFeedServer();
const dir = mkdtempSync(join(tmpdir(), 'sitrep-watch-'));
after(async () => { await server.close(); rmSync(dir, { recursive: true, force: true }); });

// asynchronous: the server answers in this process while the command runs
function sitrep(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const env = { ...process.env };
    delete env.SITREP_DB;
    const child = spawn(process.execPath, [bin, ...args], { env, timeout: 120_000 });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => { stdout += d; });
    child.stderr.on('data', (d) => { stderr += d; });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

test('sitrep watch --once stores the new items, names each broken feed, exits 1, and fetches nothing twice', async () => {
  const db = join(dir, 'watch.db');
  const b = server.base;
  const args = ['watch', `${b}/rss.xml`, `${b}/bad.xml`, '--once', '--host-delay', '0.01', '--db', db];
  const first = await sitrep(args);
  assert.equal(first.code, 1, first.stderr);
  assert.match(first.stdout, new RegExp(`^round 1: 2 feeds \\(1 failed\\); 2 new items: 2 stored, 0 unchanged, 0 failed; \\d+ events -> ${db.replace(/[.]/g, '\\.')}\\n$`));
  assert.match(first.stderr, new RegExp(`^error: ${b}/bad\\.xml: malformed feed`, 'm'));

  const second = await sitrep(args);
  assert.equal(second.code, 0, second.stderr);
  assert.match(second.stdout, /^round 1: 2 feeds \(1 not modified, 1 backing off\); 0 new items: 0 stored/);
  assert.match(second.stderr, new RegExp(`^skip: ${b}/bad\\.xml: backing off`, 'm'));

  const report = await sitrep(['report', '--format', 'json', '--db', db]);
  const ids = (JSON.parse(report.stdout) as { documents: { id: string; source: string }[] }).documents;
  assert.deepEqual(ids.map((d) => d.source).sort(), [`${b}/news/1.html`, `${b}/news/2.html`]);
  const shown = await sitrep(['show', 'document', ids[0].id, '--db', db]);
  assert.match(shown.stdout, new RegExp(`url: ${b}/news/\\d\\.html`));
});
