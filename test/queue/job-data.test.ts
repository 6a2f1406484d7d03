// What a worker accepts from the queue, without a database: a job holds a whole document, or it
// fails with a reason that names what is wrong; the queue needs PostgreSQL and says so.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { documentFromJob } from '../../src/queue/job-data.ts';
import { documentJobId, queueUrl } from '../../src/queue/boss.ts';
import { startWorker } from '../../src/queue/worker.ts';
import { enqueuePaths } from '../../src/queue/enqueue.ts';

const doc = { id: '0123456789abcdef', source: 'a.txt', body: 'Poland closed the border.', meta: { outlet: 'Wire' }, dropped: [] };

test('a job with a document gives that document back', () => {
  assert.deepEqual(documentFromJob(JSON.parse(JSON.stringify(doc))), doc);
  const bare = documentFromJob({ id: doc.id, source: 'b.txt', body: 'Text.' });
  assert.deepEqual([bare.meta, bare.dropped], [{}, []], 'metadata and dropped blocks default to none');
});

test('a job without a document fails with the reason', () => {
  assert.throws(() => documentFromJob(null), /its data is not an object/);
  assert.throws(() => documentFromJob([doc]), /its data is not an object/);
  assert.throws(() => documentFromJob({ source: 'x', body: 42 }), /"id", "body" missing or not text/);
  assert.throws(() => documentFromJob({ ...doc, id: '../../etc/passwd' }), /is not a content hash/);
  assert.throws(() => documentFromJob({ ...doc, body: '  \n' }), /a\.txt: the document body is empty/);
});

test('a document\'s job id is a UUID made from its content hash, the same every time', () => {
  assert.equal(documentJobId('0123456789abcdef'), '01234567-89ab-cdef-0000-000000000000');
  assert.notEqual(documentJobId('0123456789abcdef'), documentJobId('0123456789abcdee'));
});

test('the queue commands refuse an SQLite store with a plain reason', async () => {
  assert.throws(() => queueUrl('sitrep.db', 'worker'), /sitrep worker needs a PostgreSQL store \(--db postgres:\/\/\.\.\.\), not sitrep\.db/);
  const opts = { db: 'store.db', kb: [], concurrency: 1, pollSeconds: 1, leaseCheckSeconds: 1, linkDelaySeconds: 1, verbose: false, log: () => {} };
  await assert.rejects(() => startWorker(opts), /sitrep worker needs a PostgreSQL store/);
  await assert.rejects(() => enqueuePaths(['x.txt'], { db: 'store.db' }, () => {}), /sitrep enqueue needs a PostgreSQL store/);
  assert.equal(queueUrl('postgresql://u@h/db', 'enqueue'), 'postgresql://u@h/db');
});
