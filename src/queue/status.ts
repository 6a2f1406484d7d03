// Progress from any host: how many documents are queued, retrying, in hand, done and failed,
// and the dead letters with the reason each last failed. Counts include pg-boss's archive, where
// finished jobs move after a while. The SQL reads pg-boss's own tables (schema `pgboss`): its API
// counts waiting jobs only.
import type PgBoss from 'pg-boss';
import { DEAD_LETTERS, DOCUMENTS, LINKS, openBoss, queueUrl } from './boss.ts';

export interface QueueCounts { queued: number; retrying: number; active: number; done: number; failed: number; dead: number }

export interface DeadLetter { docId?: string; source: string; reason: string; failedAt: string }

export interface QueueStatus {
  counts: QueueCounts;
  /** Link passes waiting or running. */
  linksPending: number;
  dead: DeadLetter[];
}

const SCHEMA = 'pgboss';

export async function queueCounts(boss: PgBoss): Promise<QueueCounts> {
  const { rows } = await boss.getDb().executeSql(
    `SELECT name, state, count(*)::int AS n FROM (
       SELECT name, state FROM ${SCHEMA}.job WHERE name = ANY($1)
       UNION ALL SELECT name, state FROM ${SCHEMA}.archive WHERE name = ANY($1)) jobs
     GROUP BY name, state`, [[DOCUMENTS, DEAD_LETTERS]]);
  const counts: QueueCounts = { queued: 0, retrying: 0, active: 0, done: 0, failed: 0, dead: 0 };
  for (const r of rows as { name: string; state: string; n: number }[]) {
    if (r.name === DEAD_LETTERS) { counts.dead += r.n; continue; }
    if (r.state === 'created') counts.queued += r.n;
    else if (r.state === 'retry') counts.retrying += r.n;
    else if (r.state === 'active') counts.active += r.n;
    else if (r.state === 'completed') counts.done += r.n;
    else if (r.state === 'failed' || r.state === 'cancelled') counts.failed += r.n;
  }
  return counts;
}

/** The reason pg-boss kept for a failed job: a thrown error's message, or its own (a lease that expired). */
function reasonOf(output: unknown): string {
  const o = output as { message?: unknown; value?: { message?: unknown } } | null;
  const message = o?.message ?? o?.value?.message;
  return typeof message === 'string' ? message : o ? JSON.stringify(o).slice(0, 300) : 'no reason recorded';
}

export async function deadLetters(boss: PgBoss, limit = 100): Promise<DeadLetter[]> {
  const { rows } = await boss.getDb().executeSql(
    `SELECT data, output, created_on FROM (
       SELECT data, output, created_on FROM ${SCHEMA}.job WHERE name = $1
       UNION ALL SELECT data, output, created_on FROM ${SCHEMA}.archive WHERE name = $1) dead
     ORDER BY created_on LIMIT $2`, [DEAD_LETTERS, limit]);
  return (rows as { data: Record<string, unknown> | null; output: unknown; created_on: Date }[]).map((r) => ({
    docId: typeof r.data?.id === 'string' ? r.data.id : undefined,
    source: typeof r.data?.source === 'string' ? r.data.source : '(no source)',
    reason: reasonOf(r.output),
    failedAt: new Date(r.created_on).toISOString(),
  }));
}

export async function queueStatus(db: string, limit = 100): Promise<QueueStatus> {
  const boss = await openBoss(queueUrl(db, 'queue status'), { poolSize: 2 });
  try {
    return {
      counts: await queueCounts(boss),
      linksPending: await boss.getQueueSize(LINKS, { before: 'completed' }),
      dead: await deadLetters(boss, limit),
    };
  } finally {
    await boss.stop({ graceful: false });
  }
}

/** The status as `sitrep queue status` prints it: a line of counts, then one line per dead letter. */
export function formatStatus(s: QueueStatus): string {
  const c = s.counts;
  const lines = [
    `queued ${c.queued}, retrying ${c.retrying}, active ${c.active}, done ${c.done}, failed ${c.failed}, dead ${c.dead}` +
    (s.linksPending ? '; a link pass is waiting or running' : ''),
  ];
  if (s.dead.length) {
    lines.push('dead letters:');
    for (const d of s.dead) lines.push(`  ${d.source}${d.docId ? ` (${d.docId})` : ''}: ${d.reason} [${d.failedAt}]`);
  }
  return lines.join('\n') + '\n';
}
