// `sitrep serve` as a user runs it: it prints its URL on loopback and answers there.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

const bin = fileURLToPath(new URL('../../bin/sitrep.js', import.meta.url));

async function serve(args: string[], env: Record<string, string> = {}): Promise<{ url: string; line: string; stop(): Promise<void> }> {
  const child = spawn(process.execPath, [bin, 'serve', ...args], { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, SITREP_TOKEN: '', ...env } });
  let err = '';
  child.stderr!.on('data', (c) => { err += c; });
  const stop = async () => { if (child.exitCode === null) { child.kill('SIGTERM'); await once(child, 'exit'); } };
  for await (const line of createInterface({ input: child.stdout! })) {
    const m = /(http:\/\/[^\s)]+?)(?: |$)/.exec(line);
    if (m) return { url: m[1], line, stop };
  }
  await stop();
  throw new Error(`serve printed no URL: ${err}`);
}

test('sitrep serve listens on loopback, prints its URL, and serves the store', { timeout: 60_000 }, async () => {
  const dir = mkdtempSync(join(tmpdir(), 'sitrep-serve-'));
  const s = await serve(['--db', join(dir, 'store.db'), '--port', '0']);
  try {
    assert.match(s.url, /^http:\/\/127\.0\.0\.1:\d+$/);
    assert.match(s.line, /writing off/);
    const health = await fetch(`${s.url}/health`).then((r) => r.json());
    assert.equal(health.status, 'ok');
    assert.equal(health.counts.documents, 0);
    assert.equal((await fetch(`${s.url}/openapi.json`)).status, 200);
  } finally {
    await s.stop();
    rmSync(dir, { recursive: true, force: true });
  }
});

test('sitrep serve with SITREP_TOKEN accepts a posted document', { timeout: 60_000 }, async () => {
  const dir = mkdtempSync(join(tmpdir(), 'sitrep-serve-'));
  const s = await serve(['--db', join(dir, 'store.db'), '--port', '0', '--batch-limit', '5'], { SITREP_TOKEN: 'cli-token' });
  try {
    assert.match(s.line, /writing allowed/);
    const r = await fetch(`${s.url}/documents?outlet=Test`, { method: 'POST', body: 'Sweden and Finland agreed on Monday to hold joint air patrols over the Baltic Sea.', headers: { 'content-type': 'text/plain', authorization: 'Bearer cli-token' } });
    assert.equal(r.status, 201);
    const health = await fetch(`${s.url}/health`).then((x) => x.json());
    assert.equal(health.counts.documents, 1);
  } finally {
    await s.stop();
    rmSync(dir, { recursive: true, force: true });
  }
});

test('sitrep serve refuses a bad port', async () => {
  const child = spawn(process.execPath, [bin, 'serve', '--port', 'eighty', '--db', ':memory:'], { stdio: ['ignore', 'pipe', 'pipe'] });
  let err = '';
  child.stderr!.on('data', (c) => { err += c; });
  const [code] = await once(child, 'exit');
  assert.equal(code, 1);
  assert.match(err, /--port/);
});
