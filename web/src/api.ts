// The app's only way to the server: GET the JSON API, with query parameters from a plain object
// (lists joined by commas, empty values left out). Errors carry the server's own message.
export type Params = Record<string, string | number | boolean | string[] | undefined | null>;

export class ApiFailure extends Error {
  constructor(public status: number, message: string) { super(message); }
}

export function query(params: Params = {}): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    if (v === undefined || v === null || v === '' || (Array.isArray(v) && v.length === 0)) continue;
    q.set(k, Array.isArray(v) ? v.join(',') : String(v));
  }
  const s = q.toString();
  return s ? `?${s}` : '';
}

export async function api<T>(path: string, params?: Params): Promise<T> {
  const r = await fetch(path + query(params), { headers: { accept: 'application/json' } });
  const text = await r.text();
  let body: unknown;
  try { body = JSON.parse(text); } catch { body = undefined; }
  if (!r.ok) throw new ApiFailure(r.status, (body as { error?: string } | undefined)?.error ?? `${r.status} ${r.statusText}`);
  return body as T;
}

/** One path segment: ids hold ':' and may hold '/'. */
export const seg = (s: string) => encodeURIComponent(s);
