// Document ids: the first 16 hex characters of the SHA-256 of the raw content.
import { createHash } from 'node:crypto';

export function documentId(raw: string | Uint8Array): string {
  return createHash('sha256').update(raw).digest('hex').slice(0, 16);
}
