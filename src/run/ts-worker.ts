// A worker thread running one of sitrep's TypeScript modules: it registers the loader this
// process runs under (tsx), then loads the module. Shared by the analysis pool and the linking thread.
import { Worker } from 'node:worker_threads';

export function startTsWorker(module: URL, workerData: unknown): Worker {
  const boot = `import(${JSON.stringify(import.meta.resolve('tsx/esm/api'))}).then((m) => { m.register(); return import(${JSON.stringify(module.href)}); })`;
  return new Worker(boot, { eval: true, workerData });
}
