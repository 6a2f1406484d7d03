// Many machines: a job queue in the shared PostgreSQL (pg-boss) that `sitrep enqueue` feeds and
// `sitrep worker` processes on any number of hosts drain into the same store.
export { DOCUMENTS, DEAD_LETTERS, LINKS, DEFAULT_SETTINGS, openBoss, queueUrl, type QueueSettings } from './boss.ts';
export { enqueuePaths, type EnqueueSummary } from './enqueue.ts';
export { startWorker, type RunningWorker, type WorkerOptions, type WorkerStats } from './worker.ts';
export { queueStatus, formatStatus, type QueueCounts, type QueueStatus, type DeadLetter } from './status.ts';
