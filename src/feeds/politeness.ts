// A per-host politeness delay: requests to one host are spaced at least `delayMs` apart, counted
// from the end of the previous answer (as crawlers do, so a slow answer is never followed at once,
// and the host sees the gap whatever the connection set-up took), however many feeds and pages
// live there; requests to other hosts are not held up.
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

  /** The answer from this URL's host has ended: the next request waits the delay from now. */
  finished(url: string): void {
    let host: string;
    try { host = new URL(url).host; } catch { return; }
    this.next.set(host, Math.max(this.next.get(host) ?? 0, Date.now() + this.delayMs));
  }
}
