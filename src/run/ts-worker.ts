// A worker thread running one of sitrep's TypeScript modules: from its bundle when this process
// runs from one (bin/bundle.js), else through the loader this process runs under (tsx), which
// it registers first. Shared by the analysis pool and the linking thread.
import { Worker } from 'node:worker_threads';
import { fileURLToPath } from 'node:url';
import { debuglog } from 'node:util';

const debug = debuglog('sitrep-bundle');   // NODE_DEBUG=sitrep-bundle: which code each worker thread runs

/** Set by bin/bundle.js's useBundle: source file path -> its bundled entry's URL. */
const bundled = (): Map<string, string> | undefined => (globalThis as Record<symbol, Map<string, string> | undefined>)[Symbol.for('sitrep.bundle')];

export function startTsWorker(module: URL, workerData: unknown): Worker {
  const entry = bundled()?.get(fileURLToPath(module));
  if (entry) {
    debug('worker thread from bundle %s', entry);
    return new Worker(new URL(entry), { workerData });
  }
  debug('worker thread through tsx: %s', module.href);
  const boot = `import(${JSON.stringify(import.meta.resolve('tsx/esm/api'))}).then((m) => { m.register(); return import(${JSON.stringify(module.href)}); })`;
  return new Worker(boot, { eval: true, workerData });
}
