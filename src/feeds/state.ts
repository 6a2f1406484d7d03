// What `sitrep watch` keeps of each feed between rounds, in the store's feeds table as JSON: the
// validators for conditional requests, the back-off after failures, and the items already seen.
import type { Validators } from './fetch.ts';

export interface FeedState extends Validators {
  /** Failed fetches in a row; 0 once a fetch succeeds. */
  failures: number;
  /** Not fetched again before this time (ISO), after a failure. */
  retryAt?: string;
  lastError?: string;
  /** Keys of the items stored, unchanged or refused: never fetched again. Oldest first, capped. */
  seen: string[];
  /** Item key -> failed page fetches so far, for pages that may work later. */
  tries: Record<string, number>;
  /** For an OPML list: the feeds it listed when last fetched (used while it answers 304). */
  feeds?: string[];
}

export const MAX_SEEN = 5000;
const MAX_BACKOFF_MS = 24 * 3600 * 1000;

export function newState(): FeedState {
  return { failures: 0, seen: [], tries: {} };
}

/** The stored JSON to a state; a missing or unreadable one starts afresh (nothing is lost but the validators). */
export function parseState(json: string | undefined): FeedState {
  if (!json) return newState();
  try {
    const s = JSON.parse(json) as Partial<FeedState>;
    return { ...newState(), ...s, seen: Array.isArray(s.seen) ? s.seen : [], tries: s.tries && typeof s.tries === 'object' ? s.tries : {} };
  } catch {
    return newState();
  }
}

export function stateJson(s: FeedState): string {
  if (s.seen.length > MAX_SEEN) s.seen = s.seen.slice(-MAX_SEEN);
  return JSON.stringify(s);
}

/** After a failed fetch: wait base, 2 base, 4 base... (at most a day) before the next try. */
export function recordFailure(s: FeedState, reason: string, baseMs: number, now = Date.now()): void {
  s.failures++;
  s.lastError = reason;
  s.retryAt = new Date(now + Math.min(baseMs * 2 ** (s.failures - 1), MAX_BACKOFF_MS)).toISOString();
}

export function recordSuccess(s: FeedState, validators?: Validators): void {
  s.failures = 0;
  delete s.retryAt;
  delete s.lastError;
  if (validators) {
    delete s.etag;
    delete s.lastModified;
    Object.assign(s, validators);
  }
}

/** Whether a feed is still in its back-off time. */
export function backingOff(s: FeedState, now = Date.now()): boolean {
  return s.retryAt !== undefined && Date.parse(s.retryAt) > now;
}
