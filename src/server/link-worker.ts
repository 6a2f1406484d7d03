// Runs in a worker thread: links what is stored and not yet linked through its own store
// connection (src/run/link.ts), so that the server's event loop keeps answering reads meanwhile.
import { parentPort, workerData } from 'node:worker_threads';
import { openStore } from '../store/index.ts';
import { linkIfBehind } from '../run/link.ts';

const store = await openStore((workerData as { target: string }).target);
try {
  await linkIfBehind(store);
  parentPort!.postMessage({ done: true });
} catch (err) {
  parentPort!.postMessage({ error: err instanceof Error ? err.message : String(err) });
} finally {
  await store.close();
}
