// A worker takes documents a batch at a time and stores them in one transaction: a job in the
// batch that holds no document, or whose document cannot be analysed, fails alone, and the other
// documents of its batch are stored and their jobs completed at the first attempt.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import PgBoss from 'pg-boss';
import { DOCUMENTS, documentJobId } from '../../src/queue/boss.ts';
import { enqueuePaths } from '../../src/queue/enqueue.ts';
import { startWorker } from '../../src/queue/worker.ts';
import { postgresUnavailable, requirePostgres, startPostgres, type PostgresServer } from '../store/postgres.ts';

const REPORTS = [
  'Lithuania and Poland held talks in Vilnius on Monday about the border crossing.',
  'Latvia accused Russia of flying drones over its territory on Tuesday.',
  'Estonia urged Finland to share radar data after the incident near Narva.',
];

const missing = postgresUnavailable();
if (missing && requirePostgres) {
  test('queue batches: a PostgreSQL server is required (SITREP_REQUIRE_POSTGRES=1)', () => assert.fail(missing));
} else {
  describe('worker batches', { skip: missing ? `skipped: ${missing}` : false }, () => {
    let server: PostgresServer | undefined;
    let dir = '';
    before(async () => {
      dir = mkdtempSync(join(tmpdir(), 'sitrep-batch-'));
      server = await startPostgres();
    }, { timeout: 60_000 });
    after(async () => {
      await server?.stop();
      rmSync(dir, { recursive: true, force: true });
    });

    test('a bad job fails alone; the rest of its batch is stored at the first attempt', { timeout: 120_000 }, async () => {
      const url = await server!.createDatabase();
      REPORTS.forEach((text, i) => writeFileSync(join(dir, `report-${i}.txt`), text + '\n'));
      const queued = await enqueuePaths([dir], { db: url }, () => {});
      assert.equal(queued.queued, REPORTS.length);
      const boss = new PgBoss({ connectionString: url, supervise: false, schedule: false, max: 2 });
      await boss.start();
      // queued with the documents before the worker starts: its first fetch (up to 8) takes all four
      const bad = await boss.send(DOCUMENTS, { source: 'broken.json', body: 42 });
      const lines: string[] = [];
      const worker = await startWorker({
        db: url, kb: [], concurrency: 1, batch: 8, pollSeconds: 0.5, leaseCheckSeconds: 30, linkDelaySeconds: 3600,
        verbose: true, log: (l) => lines.push(l),
      });
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      try {
        const deadline = Date.now() + 60_000;
        let stored = 0;
        while (Date.now() < deadline) {
          stored = Number((await client.query('SELECT count(*) AS n FROM documents')).rows[0].n);
          const badJob = await boss.getJobById(DOCUMENTS, bad!, { includeArchive: true });
          if (stored === REPORTS.length && badJob && badJob.state !== 'created' && badJob.state !== 'active') break;
          await new Promise((r) => setTimeout(r, 200));
        }
        assert.equal(stored, REPORTS.length, lines.join('\n'));
        const ids = (await client.query<{ id: string }>('SELECT id FROM documents')).rows.map((r) => r.id);
        for (const id of ids) {
          let job = await boss.getJobById(DOCUMENTS, documentJobId(id), { includeArchive: true });
          for (let i = 0; i < 50 && job?.state === 'active'; i++) {   // completed just after the write
            await new Promise((r) => setTimeout(r, 100));
            job = await boss.getJobById(DOCUMENTS, documentJobId(id), { includeArchive: true });
          }
          assert.equal(job?.state, 'completed', `the job of ${id}`);
          assert.equal(job?.retryCount, 0, `the job of ${id} was done at the first attempt`);
        }
        const badJob = await boss.getJobById(DOCUMENTS, bad!, { includeArchive: true });
        assert.ok(badJob && ['retry', 'failed'].includes(badJob.state), `the bad job failed: ${badJob?.state}`);
        assert.ok(lines.some((l) => /^error: job .*the job holds no document/.test(l)), lines.join('\n'));
        assert.equal(lines.filter((l) => l.startsWith('stored ')).length, REPORTS.length);
      } finally {
        await client.end();
        await worker.stop(10_000);
        await boss.stop({ graceful: false });
      }
    });
  });
}
