import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { IngestError, ingestFile, ingestText, readSources, MAX_BODY_CHARS, MAX_MARKUP_DEPTH, type IngestItem } from '../../src/ingest/index.ts';

const ARTICLE = 'Border guards reported two more crossings overnight.\n\nThe interior ministry said it would send reinforcements to the eastern districts before the weekend.';
let dir = '';

before(() => { dir = mkdtempSync(join(tmpdir(), 'sitrep-ingest-')); });
after(() => { rmSync(dir, { recursive: true, force: true }); });

function file(name: string, content: string | Buffer): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

function refusal(fn: () => unknown): IngestError {
  try {
    fn();
  } catch (e) {
    assert.ok(e instanceof IngestError, `expected an IngestError, got ${String(e)}`);
    return e;
  }
  assert.fail('expected the input to be refused');
}

async function collect(inputs: string[], stdin?: AsyncIterable<Buffer>): Promise<IngestItem[]> {
  const items: IngestItem[] = [];
  for await (const item of readSources(inputs, stdin ? { stdin } : {})) items.push(item);
  return items;
}

test('binary files are refused: NUL bytes, or mostly control bytes', () => {
  const nul = file('image.txt', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01, 0x02, 0x41]));
  const e = refusal(() => ingestFile(nul));
  assert.equal(e.source, nul);
  assert.match(e.reason, /binary/);
  const control = file('control.txt', Buffer.from(Array.from({ length: 400 }, (_, i) => (i % 3 ? 0x01 : 0x41))));
  assert.match(refusal(() => ingestFile(control)).reason, /binary/);
});

test('invalid UTF-8 is refused', () => {
  const path = file('latin1.txt', Buffer.concat([Buffer.from('Caf'), Buffer.from([0xe9]), Buffer.from(' on the square.\n\nMore text.')]));
  const e = refusal(() => ingestFile(path));
  assert.match(e.reason, /UTF-8/);
  assert.match(e.message, /latin1\.txt/);
});

test('empty and white-space-only inputs are refused', () => {
  assert.match(refusal(() => ingestFile(file('empty.txt', ''))).reason, /empty/);
  assert.match(refusal(() => ingestFile(file('blank.md', ' \n\t\n  \n'))).reason, /empty/);
  assert.match(refusal(() => ingestText('   \n', 'memory')).reason, /empty/);
});

test('a document over the size limit is refused and the limit named', () => {
  const path = file('big.txt', Buffer.alloc(11 * 1024 * 1024, 'word '));
  const e = refusal(() => ingestFile(path));
  assert.match(e.reason, /too large: 11\.0 MB, over the limit of 10\.0 MB/);
});

test('a 50 MB one-line file is refused fast', () => {
  const path = file('oneline.txt', Buffer.alloc(50 * 1024 * 1024, 'a'));
  const t0 = performance.now();
  const e = refusal(() => ingestFile(path));
  assert.ok(performance.now() - t0 < 200, 'refused without reading the file');
  assert.match(e.reason, /too large/);
});

test('ingestFile refuses a JSONL file and says to read it as a batch', () => {
  const path = file('many.jsonl', JSON.stringify({ text: ARTICLE }));
  assert.match(refusal(() => ingestFile(path)).reason, /JSONL.*readSources/);
});

test('a missing file is refused with its name', () => {
  const e = refusal(() => ingestFile(join(dir, 'nowhere.txt')));
  assert.match(e.reason, /no such file/);
});

test('a UTF-8 byte-order mark is stripped and CRLF line ends become LF', () => {
  const path = file('windows.txt', Buffer.from('\uFEFFHeadline of the day\r\n\r\nFirst line of text.\r\nSecond line of it.\r\n\r\nNext paragraph.\r\n'));
  const doc = ingestFile(path);
  assert.equal(doc.meta.title, 'Headline of the day');
  assert.equal(doc.body, 'First line of text.\nSecond line of it.\n\nNext paragraph.');
});

test('JSONL: a malformed line and a line without text are errors, the other lines are documents', async () => {
  const good = (n: number) => JSON.stringify({ text: `${ARTICLE} Item ${n}.`, title: `Item ${n}`, published: '2022-02-03T10:00:00Z', outlet: 'Wire' });
  const path = file('batch.jsonl', [good(1), '{"text": "unterminated', '', JSON.stringify({ title: 'no text' }), '[1,2]', good(6)].join('\n') + '\n');
  const items = await collect([path]);
  const summary = items.map((it) => ('doc' in it ? `doc ${it.doc.source}` : `error ${it.error.source}: ${it.error.reason}`));
  assert.equal(items.length, 5);
  assert.equal(summary[0], `doc ${path}:1`);
  assert.match(summary[1], /:2: malformed JSON/);
  assert.match(summary[2], /:4: no "text" field/);
  assert.match(summary[3], /:5: the line is not a JSON object/);
  assert.equal(summary[4], `doc ${path}:6`);
  const first = (items[0] as { doc: { meta: object; body: string } }).doc;
  assert.deepEqual(first.meta, { title: 'Item 1', outlet: 'Wire', published: '2022-02-03' });
});

test('JSONL: a huge line is refused without stopping the lines after it', async () => {
  const huge = `{"text": "${'x'.repeat(11 * 1024 * 1024)}"}`;
  const path = file('huge.jsonl', `${huge}\n${JSON.stringify({ text: ARTICLE })}`);
  const items = await collect([path]);
  assert.equal(items.length, 2);
  assert.ok('error' in items[0] && /too large/.test(items[0].error.reason));
  assert.ok('doc' in items[1] && items[1].doc.source === `${path}:2`);
});

test('a batch goes on past bad files', async () => {
  const bad = file('bad.txt', Buffer.from([0, 1, 2, 3]));
  const good = file('good.txt', ARTICLE);
  const items = await collect([bad, join(dir, 'missing.md'), good]);
  assert.deepEqual(items.map((it) => ('doc' in it ? 'doc' : 'error')), ['error', 'error', 'doc']);
});

test('compressed and other binary files are refused as what they are, without inflating them', () => {
  const gz = file('page.html', gzipSync(Buffer.alloc(10 * 1024 * 1024)));
  assert.match(refusal(() => ingestFile(gz)).reason, /^binary content \(gzip-compressed data\), not text$/);
  const pdf = file('report.txt', Buffer.from('%PDF-1.7\n%âãÏÓ\n1 0 obj\n'));
  assert.match(refusal(() => ingestFile(pdf)).reason, /PDF document/);
});

test('UTF-16 text is refused with its byte order named, with or without a byte-order mark', () => {
  const le = file('le.txt', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(ARTICLE, 'utf16le')]));
  assert.match(refusal(() => ingestFile(le)).reason, /UTF-16 text \(little-endian, with a byte-order mark\): save it as UTF-8/);
  const be = Buffer.from(ARTICLE, 'utf16le').swap16();
  assert.match(refusal(() => ingestFile(file('be.txt', be))).reason, /UTF-16 text \(big-endian, no byte-order mark\)/);
});

test('invalid UTF-8 names the first bad byte and its offset', () => {
  const path = file('cafe.md', Buffer.from('Talks at the café resumed.', 'latin1'));
  assert.equal(refusal(() => ingestFile(path)).reason, 'not valid UTF-8 text (byte 0xE9 at offset 16: Latin-1 or Windows-1252? save it as UTF-8)');
});

test('markup nested past the limit is refused before it is parsed; unclosed paragraphs are no nesting', () => {
  const deep = `<html><body>${'<div>'.repeat(MAX_MARKUP_DEPTH + 1)}<p>Text.</p></body></html>`;
  const t0 = performance.now();
  assert.match(refusal(() => ingestText(deep, 'deep.html', { format: 'html' })).reason, /nested deeper than 256 elements/);
  assert.ok(performance.now() - t0 < 2000, 'refused without parsing');
  const sloppy = `<html><body><article>${'<p>Border guards reported more crossings overnight. '.repeat(400)}</article></body></html>`;
  assert.match(ingestText(sloppy, 'sloppy.html', { format: 'html' }).body, /Border guards/);
});

test('article text over the limit is refused, with the limit named', () => {
  const long = `${'Troops moved along the border again. '.repeat(Math.ceil(MAX_BODY_CHARS / 36) + 10)}`;
  assert.match(refusal(() => ingestText(long, 'long.txt')).reason, /^article text too long: [\d,]+ characters, over the limit of 1,000,000 per document$/);
});

test('a folder linking back to itself is reported once and the files in it are read once', async () => {
  const top = join(dir, 'looped');
  mkdirSync(join(top, 'inner'), { recursive: true });
  writeFileSync(join(top, 'inner', 'a.txt'), ARTICLE);
  symlinkSync(top, join(top, 'inner', 'back'));
  const items = await collect([top]);
  assert.deepEqual(items.map((it) => ('doc' in it ? `doc ${it.doc.source}` : `error ${it.error.source}`)),
    [`doc ${join(top, 'inner', 'a.txt')}`, `error ${join(top, 'inner', 'back')}`]);
  assert.match((items[1] as { error: IngestError }).error.reason, /symbolic link back to the folder .* above it \(a loop\)/);
});
