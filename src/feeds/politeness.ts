// A per-host politeness delay: requests to one host are spaced at least `delayMs` apart, however
// many feeds and pages live there; requests to other hosts are not held up.
import { setTimeout as sleep } from 'node:timers/promises';

export class HostGate {
  private next = new Map<string, number>();

  constructor(private delayMs: number) {}

  /** Resolves when a request to this URL's host may go out (rejects if `signal` aborts meanwhile). */
  async wait(url: string, signal?: AbortSignal): Promise<void> {
    let host: string;
    try { host = new URL(url).host; } catch { return; }
    const now = Date.now();
    const at = Math.max(now, this.next.get(host) ?? 0);
    this.next.set(host, at + this.delayMs);
    if (at > now) await sleep(at - now, undefined, { signal });
  }
}
