// Many machines, on one: a real PostgreSQL on loopback, four `sitrep worker` processes, a few
// hundred documents queued with `sitrep enqueue`, one worker killed with SIGKILL while it holds a
// document. Every document must be stored exactly once, with the same events as a single-process
// `sitrep analyze` into SQLite; the killed worker's document must be retried by another worker
// once its lease expired; a job that can never succeed must end among the dead letters with its
// reason; the other workers must stop cleanly on SIGTERM. Fails (not skips) without PostgreSQL
// when SITREP_REQUIRE_POSTGRES=1.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import PgBoss from 'pg-boss';
import { generateCorpus, loadParagraphs } from '../../bench/corpus.ts';
import { DOCUMENTS, documentJobId } from '../../src/queue/boss.ts';
import { formatStatus, queueStatus, type QueueStatus } from '../../src/queue/status.ts';
import { enqueuePaths } from '../../src/queue/enqueue.ts';
import { postgresUnavailable, requirePostgres, startPostgres, type PostgresServer } from '../store/postgres.ts';
import { sitrep, type Sitrep } from './processes.ts';

const DOCS = 240;
const WORDS = 160;
const WORKERS = 4;
const LEASE = 6;   // seconds a worker holds a document before another may take it

const missing = postgresUnavailable();
if (missing && requirePostgres) {
  test('queue: a PostgreSQL server is required (SITREP_REQUIRE_POSTGRES=1)', () => assert.fail(missing));
} else {
  describe('sitrep worker processes on a shared PostgreSQL', { skip: missing ? `skipped: ${missing}` : false }, () => {
    let server: PostgresServer | undefined;
    let dir = '';
    const running: Sitrep[] = [];
    before(async () => {
      dir = mkdtempSync(join(tmpdir(), 'sitrep-queue-'));
      server = await startPostgres();
    }, { timeout: 60_000 });
    after(async () => {
      for (const p of running) if (p.child.exitCode === null && p.child.signalCode === null) p.child.kill('SIGKILL');
      await server?.stop();
      rmSync(dir, { recursive: true, force: true });
    });

    test('every document stored once, as a single SQLite run stores it, through a SIGKILL', { timeout: 480_000 }, async (t) => {
      // the steps' times, for a run that is slow or stops (the machine may be shared)
      const started = Date.now();
      const step = (what: string): void => t.diagnostic(`${((Date.now() - started) / 1000).toFixed(1)} s: ${what}`);
      // the corpus: generated short reports, and one malformed line that both commands must report
      const here = new URL('../../', import.meta.url).pathname;
      const paragraphs = loadParagraphs(join(here, 'examples'), join(here, 'bench', 'fallback.txt'));
      const corpus = join(dir, 'corpus.jsonl');
      const lines = [...generateCorpus(paragraphs, DOCS, WORDS, 11)]
        .map((d) => JSON.stringify({ text: d.raw, title: d.title, published: d.published, outlet: 'Wire' }));
      writeFileSync(corpus, [...lines.slice(0, 100), '{"text": broken', ...lines.slice(100)].join('\n') + '\n');

      // the reference: one process into SQLite
      const sqliteFile = join(dir, 'single.db');
      const single = sitrep(['analyze', corpus, '--db', sqliteFile]);
      assert.equal(await single.exited, 1, 'analyze reports the malformed line with exit code 1');
      assert.ok(single.lines.some((l) => /^error: .*corpus\.jsonl:101: malformed JSON/.test(l)), single.lines.join('\n'));

      step('single SQLite run done');
      const url = await server!.createDatabase();
      const workerArgs = ['worker', '--db', url, '--concurrency', '2', '--poll', '0.5', '--lease-check', '1', '--link-delay', '1', '--verbose'];
      const workers = Array.from({ length: WORKERS }, () => sitrep(workerArgs));
      running.push(...workers);
      await Promise.all(workers.map((w) => w.waitFor(/taking documents/, 180_000)));
      step('workers ready');

      const enqueue = sitrep(['enqueue', corpus, '--db', url, '--lease', String(LEASE), '--retries', '2', '--retry-delay', '1']);
      running.push(enqueue);
      assert.equal(await enqueue.exited, 1, 'enqueue reports the malformed line with exit code 1');
      assert.ok(enqueue.lines.some((l) => /^error: .*corpus\.jsonl:101: malformed JSON/.test(l)), enqueue.lines.join('\n'));
      assert.ok(enqueue.lines.some((l) => l.includes(`${DOCS + 1} documents read: ${DOCS} queued`)), enqueue.lines.join('\n'));
      step('enqueued');

      // a job no worker can ever do (as a client of the queue might send): retried, then a dead letter
      let survivors = workers;
      const boss = new PgBoss({ connectionString: url, supervise: false, schedule: false, max: 2 });
      await boss.start();
      try {
        await boss.send(DOCUMENTS, { source: 'bad-client.json', body: 42 });

        // the victim: killed while a document it took is neither stored nor finished. Whether the
        // kill lands before the document is stored is a race (its "stored" line may be on its way),
        // so a victim killed empty-handed is followed by the next worker, up to three of the four.
        const inHand = (w: (typeof workers)[number]): string[] => {
          const open = new Map<string, string>();
          for (const l of w.lines) {
            const m = /^(take|stored|unchanged) ([0-9a-f]{16})/.exec(l);
            if (m?.[1] === 'take') open.set(m[2], l);
            else if (m) open.delete(m[2]);
          }
          return [...open.keys()];
        };
        let orphans: string[] = [];
        let killed = 0;
        while (orphans.length === 0 && killed < 3) {
          const victim = workers[killed++];
          await victim.waitFor(/^(stored|take) /, 120_000);
          const deadline = Date.now() + 60_000;
          while (inHand(victim).length === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 5));
          victim.child.kill('SIGKILL');
          assert.equal(await victim.exited, 'SIGKILL');
          // read after its end, so that every line it wrote is in: a document taken and never reported stored was in hand
          orphans = inHand(victim);
        }
        step(`${killed} victim(s) killed`);
        assert.ok(orphans.length >= 1, `a victim was killed holding a document:\n${workers[killed - 1].lines.slice(-8).join('\n')}`);
        survivors = workers.slice(killed);

        // the others drain the queue, including the orphan once its lease expired
        let status: QueueStatus | undefined;
        const drained = Date.now() + 150_000;
        for (;;) {
          status = await queueStatus(url);
          const c = status.counts;
          if (c.queued + c.retrying + c.active === 0 && c.dead === 1 && status.linksPending === 0) break;
          assert.ok(Date.now() < drained, `the queue did not drain: ${JSON.stringify(status)}`);
          await new Promise((r) => setTimeout(r, 500));
        }
        step('queue drained');
        assert.deepEqual(status.counts, { queued: 0, retrying: 0, active: 0, done: DOCS, failed: 1, dead: 1 });
        assert.equal(status.dead[0].source, 'bad-client.json');
        assert.match(status.dead[0].reason, /the job holds no document: "id", "body" missing or not text/);

        for (const docId of orphans) {
          const job = await boss.getJobById(DOCUMENTS, documentJobId(docId), { includeArchive: true });
          assert.equal(job?.state, 'completed', `the orphaned document ${docId} was finished`);
          assert.ok(job!.retryCount >= 1, `the orphaned document ${docId} was taken again after its lease expired`);
        }
      } finally {
        await boss.stop({ graceful: false });
      }

      // status as any host sees it (`sitrep queue status` prints formatStatus)
      const shown = formatStatus(await queueStatus(url)).split('\n');
      assert.equal(shown[0], `queued 0, retrying 0, active 0, done ${DOCS}, failed 1, dead 1`);
      assert.ok(shown.some((l) => l.startsWith('  bad-client.json: the job holds no document')), shown.join('\n'));

      // the survivors stop on SIGTERM, cleanly
      for (const w of survivors) w.child.kill('SIGTERM');
      for (const w of survivors) {
        assert.equal(await w.exited, 0, w.lines.slice(-5).join('\n'));
        assert.ok(w.lines.some((l) => /^worker \d+: \d+ stored/.test(l)), w.lines.slice(-5).join('\n'));
      }

      step('workers stopped');
      // the stores: the same documents, each once, and the same events row for row
      const lite = new Database(sqliteFile, { readonly: true });
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      try {
        const liteIds = (lite.prepare('SELECT id FROM documents ORDER BY id').all() as { id: string }[]).map((r) => r.id);
        const pgIds = (await client.query<{ id: string }>('SELECT id FROM documents ORDER BY id')).rows.map((r) => r.id);
        assert.equal(liteIds.length, DOCS);
        assert.deepEqual(pgIds, liteIds, 'the same documents, each once');
        for (const table of ['sentences', 'mentions', 'times', 'events', 'quotes', 'claims', 'frames', 'document_actors']) {
          const a = (lite.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
          const b = Number((await client.query(`SELECT count(*) AS n FROM ${table}`)).rows[0].n);
          assert.equal(b, a, `${table}: as many rows as the single run`);
        }
        const columns = (lite.prepare('SELECT name FROM pragma_table_info(\'events\')').all() as { name: string }[]).map((r) => r.name);
        const order = 'ORDER BY doc_id, idx';
        const liteEvents = lite.prepare(`SELECT ${columns.join(', ')} FROM events ${order}`).all() as Record<string, unknown>[];
        const pgEvents = (await client.query(`SELECT ${columns.join(', ')} FROM events ${order}`)).rows as Record<string, unknown>[];
        assert.ok(liteEvents.length > DOCS, 'the documents have events');
        assert.deepEqual(pgEvents, liteEvents, 'every stored event equals the single run\'s');
        const groups = Number((await client.query('SELECT count(*) AS n FROM event_groups')).rows[0].n)
          + Number((await client.query('SELECT count(*) AS n FROM same_actor')).rows[0].n);
        assert.ok(groups > 0, 'the links were rebuilt once the queue drained');
      } finally {
        lite.close();
        await client.end();
      }

      // queueing the same documents again queues none
      const again = await enqueuePaths([corpus], { db: url }, () => {});
      assert.deepEqual([again.queued, again.unchanged, again.failed], [0, DOCS, 1]);
    });
  });
}
