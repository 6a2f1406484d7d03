// The job queue across machines: pg-boss on the same PostgreSQL database as the store (its
// tables live in their own schema, `pgboss`). Three queues: documents to analyse, the dead
// letters of documents that failed every attempt, and requests to rebuild the corpus links.
import pg from 'pg';
import PgBoss from 'pg-boss';
import { isPostgresUrl, redactUrl } from '../store/index.ts';

export const DOCUMENTS = 'sitrep_documents';
export const DEAD_LETTERS = 'sitrep_dead_letters';
export const LINKS = 'sitrep_links';

/** How jobs of the documents queue are retried and leased; kept in the queue, read when a job is added. */
export interface QueueSettings {
  /** Attempts after the first before a document goes to the dead letters. */
  retryLimit: number;
  /** Seconds before the first retry; doubled (with jitter) on each further one. */
  retryDelay: number;
  /** Seconds a worker holds a job: past it (a worker killed, a host lost) the job is retried elsewhere. */
  expireSeconds: number;
}

export const DEFAULT_SETTINGS: QueueSettings = { retryLimit: 3, retryDelay: 5, expireSeconds: 300 };

/** The store URL, or a clear error: the queue lives in PostgreSQL only. */
export function queueUrl(db: string, command: string): string {
  if (!isPostgresUrl(db)) {
    throw new Error(`sitrep ${command} needs a PostgreSQL store (--db postgres://...), not ${db}: the job queue lives in the shared database`);
  }
  return db;
}

/** Any fixed number: the advisory lock under which processes set up the queue one at a time. */
const SETUP_LOCK = 7_305_116;

export interface BossOptions {
  /** Connections this process may open for the queue. */
  poolSize?: number;
  /** How often a process looks for jobs whose lease expired (pg-boss maintenance); 0: never (enqueue, status). */
  leaseCheckSeconds?: number;
}

/** Starts pg-boss (installing or upgrading its schema when needed) and makes sure the queues exist. */
export async function openBoss(url: string, opts: BossOptions = {}): Promise<PgBoss> {
  const check = opts.leaseCheckSeconds ?? 0;
  const boss = new PgBoss({
    connectionString: url,
    max: opts.poolSize ?? 4,
    application_name: 'sitrep',
    supervise: check > 0,
    ...(check > 0 ? { maintenanceIntervalSeconds: check } : {}),
    schedule: false,
  });
  // errors of background polling and maintenance (a lost connection) are reported, never thrown
  boss.on('error', (err) => process.stderr.write(`queue: ${err.message}\n`));
  // Workers started together on a new database would create the queues at once, and pg-boss's
  // queue creation (a partition attached to its job table) deadlocks when run concurrently: one
  // process at a time sets up, under a session lock that ends with its connection.
  const setup = new pg.Client({ connectionString: url, application_name: 'sitrep' });
  try {
    await setup.connect();
    await setup.query('SELECT pg_advisory_lock($1)', [SETUP_LOCK]);
    await boss.start();
    await ensureQueues(boss);
  } catch (err) {
    await setup.end().catch(() => undefined);
    await boss.stop({ graceful: false }).catch(() => undefined);
    throw new Error(`cannot open the job queue on ${redactUrl(url)}: ${(err as Error).message}`, { cause: err });
  }
  await setup.end();
  return boss;
}

async function ensureQueues(boss: PgBoss): Promise<void> {
  // run under the setup lock (openBoss); the dead-letter queue comes first, as the documents queue refers to it
  if (!(await boss.getQueue(DEAD_LETTERS))) await boss.createQueue(DEAD_LETTERS, { name: DEAD_LETTERS });
  if (!(await boss.getQueue(DOCUMENTS))) {
    await boss.createQueue(DOCUMENTS, {
      name: DOCUMENTS, deadLetter: DEAD_LETTERS, retryBackoff: true,
      retryLimit: DEFAULT_SETTINGS.retryLimit, retryDelay: DEFAULT_SETTINGS.retryDelay, expireInSeconds: DEFAULT_SETTINGS.expireSeconds,
    });
  }
  // 'stately': at most one link request waiting and one running, whatever the number of workers
  if (!(await boss.getQueue(LINKS))) await boss.createQueue(LINKS, { name: LINKS, policy: 'stately', retryLimit: 2, retryDelay: 10 });
}

/** Changes how jobs added from now on are retried and leased. */
export async function applySettings(boss: PgBoss, s: Partial<QueueSettings>): Promise<void> {
  // pg-boss refuses a key that is present but undefined: only the settings given are passed
  await boss.updateQueue(DOCUMENTS, {
    name: DOCUMENTS, deadLetter: DEAD_LETTERS, retryBackoff: true,
    ...(s.retryLimit !== undefined ? { retryLimit: s.retryLimit } : {}),
    ...(s.retryDelay !== undefined ? { retryDelay: s.retryDelay } : {}),
    ...(s.expireSeconds !== undefined ? { expireInSeconds: s.expireSeconds } : {}),
  });
}

/**
 * A document's job id, from its content hash: the same document queued twice while its first
 * job is still in the queue is one job (pg-boss ignores an insert whose id exists).
 */
export function documentJobId(docId: string): string {
  const hex = docId.replace(/[^0-9a-f]/gi, '').padEnd(32, '0').slice(0, 32);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
