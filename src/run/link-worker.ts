// Runs in a LinkThread (src/run/link-thread.ts): each 'link' message links, through this thread's
// own store connection, what is stored and not yet linked, and answers { linked } or { error }.
import { parentPort, workerData } from 'node:worker_threads';
import { openStore } from '../store/index.ts';
import { linkIfBehind } from './link.ts';

const store = await openStore((workerData as { target: string }).target);
parentPort!.on('message', () => {
  linkIfBehind(store).then(
    (linked) => parentPort!.postMessage({ linked }),
    (err: unknown) => parentPort!.postMessage({ error: err instanceof Error ? err.message : String(err) }),
  );
});
