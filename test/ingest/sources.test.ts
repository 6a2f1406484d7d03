import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { countSources, ingestFile, ingestText, readSources, type IngestItem } from '../../src/ingest/index.ts';

const TEXT = 'Harbour talks stall\n\nNegotiators from the two coastal states failed to agree on a shared patrol zone after eleven hours of talks.\n\nA further round is expected in the spring.';
let dir = '';

before(() => {
  dir = mkdtempSync(join(tmpdir(), 'sitrep-sources-'));
  mkdirSync(join(dir, 'sub', 'deeper'), { recursive: true });
  mkdirSync(join(dir, '.hidden'));
  writeFileSync(join(dir, 'a.txt'), TEXT);
  writeFileSync(join(dir, 'sub', 'b.md'), `# Second\n\n${TEXT}`);
  writeFileSync(join(dir, 'sub', 'deeper', 'c.html'), `<html><head><title>Third</title></head><body><article><p>${TEXT.replace(/\n\n/g, '</p><p>')}</p></article></body></html>`);
  writeFileSync(join(dir, 'sub', 'lines.jsonl'), `${JSON.stringify({ text: TEXT })}\n\n${JSON.stringify({ text: TEXT, title: 'Other' })}\n`);
  writeFileSync(join(dir, 'notes.pdf'), 'not an article');
  writeFileSync(join(dir, '.hidden', 'x.txt'), TEXT);
});
after(() => { rmSync(dir, { recursive: true, force: true }); });

function sha16(s: string | Buffer): string {
  return createHash('sha256').update(s).digest('hex').slice(0, 16);
}

async function collect(inputs: string[], stdin?: AsyncIterable<Buffer>): Promise<IngestItem[]> {
  const items: IngestItem[] = [];
  for await (const item of readSources(inputs, stdin ? { stdin } : {})) items.push(item);
  return items;
}

async function* chunks(...parts: string[]): AsyncGenerator<Buffer> {
  for (const p of parts) yield Buffer.from(p);
}

test('a folder is walked recursively in name order, hidden and unknown files left out', async () => {
  const items = await collect([dir]);
  const sources = items.map((it) => ('doc' in it ? it.doc.source : `error ${it.error.message}`));
  assert.deepEqual(sources, [
    join(dir, 'a.txt'),
    join(dir, 'sub', 'b.md'),
    join(dir, 'sub', 'deeper', 'c.html'),
    `${join(dir, 'sub', 'lines.jsonl')}:1`,
    `${join(dir, 'sub', 'lines.jsonl')}:3`,
  ]);
  assert.equal(await countSources([dir]), 5);
});

test('document ids hash the raw content: the file, or the JSONL line', async () => {
  assert.equal(ingestFile(join(dir, 'a.txt')).id, sha16(TEXT));
  assert.equal(ingestText(TEXT, 'memory').id, sha16(TEXT));
  const items = await collect([join(dir, 'sub', 'lines.jsonl')]);
  assert.ok('doc' in items[0]);
  assert.equal(items[0].doc.id, sha16(JSON.stringify({ text: TEXT })));
});

test('HTML files come out as text with the page title', () => {
  const doc = ingestFile(join(dir, 'sub', 'deeper', 'c.html'));
  assert.equal(doc.meta.title, 'Third');
  assert.match(doc.body, /^Harbour talks stall\n\nNegotiators/);
  assert.doesNotMatch(doc.body, /[<>]/);
});

test('"-" reads one document from standard input', async () => {
  const items = await collect(['-'], chunks('Harbour talks', ' stall\n\nNegotiators failed to agree.\n\nMore talks are due.'));
  assert.equal(items.length, 1);
  assert.ok('doc' in items[0]);
  assert.equal(items[0].doc.source, '-');
  assert.equal(items[0].doc.meta.title, 'Harbour talks stall');
});

test('"-" reads JSONL from standard input when it starts with an object', async () => {
  const items = await collect(['-'], chunks(`${JSON.stringify({ text: TEXT })}\n{bad`, `\n${JSON.stringify({ text: TEXT })}`));
  assert.deepEqual(items.map((it) => ('doc' in it ? it.doc.source : it.error.source)), ['-:1', '-:2', '-:3']);
  assert.ok('error' in items[1]);
});

test('an empty standard input is an error, not a crash', async () => {
  const items = await collect(['-'], chunks());
  assert.ok('error' in items[0] && items[0].error.source === '-');
});
