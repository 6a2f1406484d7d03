// A worker thread of a batch: loads the knowledge base once, then analyses the documents the
// pool sends, one at a time in the order they came, and posts back each outcome.
import { parentPort, workerData } from 'node:worker_threads';
import { createPipeline } from '../pipeline/index.ts';
import { analyzeTask, type Task } from './analyze-one.ts';

const pipeline = createPipeline({ kbFiles: (workerData as { kb: string[] }).kb });
parentPort!.on('message', (task: Task) => parentPort!.postMessage(analyzeTask(pipeline, task)));
parentPort!.postMessage({ ready: true });
