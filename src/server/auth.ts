// Writing needs `Authorization: Bearer <token>`; with no token configured, writing is off.
import { createHash, timingSafeEqual } from 'node:crypto';
import { ApiError } from './errors.ts';

const digest = (s: string) => createHash('sha256').update(s).digest();

/** Throws the 401/403 the request deserves, or returns when its token is the configured one. */
export function checkWriteToken(header: string | undefined, token: string | undefined): void {
  if (!token) throw new ApiError(403, 'writing is disabled on this server: start it with SITREP_TOKEN set to allow POST requests');
  const m = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '');
  if (!m) throw new ApiError(401, 'writing needs the header "Authorization: Bearer <token>"', 'authorization');
  // Compare digests so that the comparison takes the same time whatever the length.
  if (!timingSafeEqual(digest(m[1]), digest(token))) throw new ApiError(401, 'wrong token', 'authorization');
}
