// Runs in a worker thread: reads every stored document's link digest through its own store connection and
// computes the corpus links, so that the server's event loop keeps answering reads meanwhile.
// The links go back to the server, which saves them between its writes.
import { parentPort, workerData } from 'node:worker_threads';
import { openStore } from '../store/index.ts';
import { linkStored } from '../run/link.ts';

const store = await openStore((workerData as { target: string }).target);
try {
  parentPort!.postMessage({ links: await linkStored(store) });
} catch (err) {
  parentPort!.postMessage({ error: err instanceof Error ? err.message : String(err) });
} finally {
  await store.close();
}
