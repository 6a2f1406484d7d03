// Hostile and broken input in one batch, through the command as a user runs it: each bad input
// gets exactly one "error: FILE: reason" line that names it, and every good document is stored.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { closeSync, mkdirSync, mkdtempSync, openSync, rmSync, symlinkSync, writeFileSync, ftruncateSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateRawSync, gzipSync } from 'node:zlib';
import Database from 'better-sqlite3';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const bin = join(root, 'bin', 'sitrep.js');
const ARTICLE = (n: number) => `Talks on the border (${n})\n\nPoland and Lithuania held talks in Vilnius on Monday about the border.\n\nThe ministers agreed to meet again in the spring, officials said.\n`;

let dir = '';
const batch = () => join(dir, 'batch');
/** Bad input name -> what its error line must say. */
const bad = new Map<string, RegExp>();

function put(name: string, content: string | Buffer, reason?: RegExp): void {
  writeFileSync(join(batch(), name), content);
  if (reason) bad.set(name, reason);
}

before(() => {
  dir = mkdtempSync(join(tmpdir(), 'sitrep-hostile-'));
  mkdirSync(batch());
  put('good-1.txt', ARTICLE(1));
  put('good-2.md', `# Second report\n\n${ARTICLE(2)}`);
  put('good-3.html', `<html><head><title>Third</title></head><body><article><p>${ARTICLE(3).replace(/\n\n/g, '</p><p>')}</p></article></body></html>`);
  // HTML cut off inside the article keeps what came before the cut
  put('truncated-body.html', `<html><head><title>Cut</title></head><body><article><p>${ARTICLE(4).replace(/\n\n/g, '</p><p>')}</p><p>And then the tex`);

  put('binary.txt', Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256)), /binary content/);
  put('utf16-bom.txt', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(ARTICLE(5), 'utf16le')]), /UTF-16 text \(little-endian, with a byte-order mark\)/);
  put('utf16-nobom.md', Buffer.from(ARTICLE(6), 'utf16le'), /UTF-16 text \(little-endian, no byte-order mark\)/);
  put('latin1.txt', Buffer.from(`${ARTICLE(7)}Le café de la gare est fermé.\n`, 'latin1'), /not valid UTF-8 text \(byte 0xE9 at offset \d+: Latin-1/);
  put('truncated-head.html', '<!doctype html><html><head><title>Talks on the bor', /no article text left/);
  put('nested.html', `<html><body>${'<div>'.repeat(100_000)}<p>Deep text.</p>${'</div>'.repeat(100_000)}</body></html>`, /nested deeper than 256 elements/);
  put('empty.md', '', /empty/);
  // a gzip bomb and a zip bomb named as pages: 100 MB of zeros each, never inflated
  put('gzip-bomb.html', gzipSync(Buffer.alloc(100 * 1024 * 1024)), /binary content \(gzip-compressed data\)/);
  const deflated = deflateRawSync(Buffer.alloc(100 * 1024 * 1024));
  const header = Buffer.alloc(30);
  header.writeUInt32LE(0x04034b50, 0); header.writeUInt16LE(20, 4); header.writeUInt16LE(8, 8);
  header.writeUInt32LE(deflated.length, 18); header.writeUInt32LE(100 * 1024 * 1024, 22); header.writeUInt16LE(8, 26);
  put('zip-bomb.htm', Buffer.concat([header, Buffer.from('page.htm'), deflated]), /binary content \(zip archive\)/);
  // 100 MB, sparse: refused from its size, never read
  const huge = join(batch(), 'huge.txt');
  const fd = openSync(huge, 'w');
  ftruncateSync(fd, 100 * 1024 * 1024);
  closeSync(fd);
  bad.set('huge.txt', /too large: 100\.0 MB, over the limit of 10\.0 MB/);
  // JSONL: a good line, a malformed one, a line of 10 MB of text, another good line
  const words = 'the border patrol said troops moved north again '.repeat(210_000);
  put('lines.jsonl', [JSON.stringify({ text: ARTICLE(8) }), '{"text": "no end', JSON.stringify({ text: words }), JSON.stringify({ text: ARTICLE(9) })].join('\n') + '\n');
  bad.set('lines.jsonl:2', /malformed JSON/);
  bad.set('lines.jsonl:3', /article text too long: [\d,]+ characters, over the limit of 1,000,000/);
  // a folder that links back to itself
  mkdirSync(join(batch(), 'sub'));
  put(join('sub', 'good-4.txt'), ARTICLE(10));
  symlinkSync(batch(), join(batch(), 'sub', 'loop'));
  bad.set(join('sub', 'loop'), /symbolic link back to the folder .* above it \(a loop\)/);
});
after(() => rmSync(dir, { recursive: true, force: true }));

test('every hostile input gets one error line naming it; the good documents are all stored', { timeout: 600_000 }, () => {
  const db = join(dir, 'store.db');
  const r = spawnSync(process.execPath, [bin, 'analyze', batch(), '--db', db], { cwd: root, encoding: 'utf8', timeout: 600_000 });
  assert.equal(r.status, 1, `the exit code says some inputs failed\n${r.stderr}`);
  const lines = r.stderr.split('\n').filter((l) => l.startsWith('error: '));
  for (const [name, reason] of bad) {
    const mine = lines.filter((l) => l.startsWith(`error: ${join(batch(), name)}: `));
    assert.equal(mine.length, 1, `one error line for ${name}, got:\n${lines.join('\n')}`);
    assert.match(mine[0], reason, name);
  }
  assert.equal(lines.length, bad.size, 'no error lines for good documents');
  const raw = new Database(db, { readonly: true });
  const sources = (raw.prepare('SELECT source FROM documents ORDER BY position').all() as { source: string }[]).map((d) => d.source.slice(batch().length + 1));
  raw.close();
  assert.deepEqual(sources, ['good-1.txt', 'good-2.md', 'good-3.html', 'lines.jsonl:1', 'lines.jsonl:4', join('sub', 'good-4.txt'), 'truncated-body.html']);
  assert.match(r.stdout, new RegExp(`${sources.length + bad.size} documents read: ${sources.length} stored, 0 unchanged, ${bad.size} failed`));
});
