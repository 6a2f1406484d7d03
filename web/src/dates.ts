// Days as the model writes them ('YYYY', 'YYYY-MM' or 'YYYY-MM-DD', inclusive) as spans of time.
const DAY_MS = 86_400_000;

/** The first and the end (exclusive) instant of a day, month or year, in UTC. */
export function periodOf(s: string): [number, number] | undefined {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?/.exec(s);
  if (!m) return undefined;
  const [y, mo, d] = [Number(m[1]), m[2] ? Number(m[2]) - 1 : undefined, m[3] ? Number(m[3]) : undefined];
  if (mo === undefined) return [Date.UTC(y, 0, 1), Date.UTC(y + 1, 0, 1)];
  if (d === undefined) return [Date.UTC(y, mo, 1), Date.UTC(y, mo + 1, 1)];
  return [Date.UTC(y, mo, d), Date.UTC(y, mo, d) + DAY_MS];
}

/** From the start of `start` to the end of `end`; a single day when both are that day. */
export function spanOf(start: string, end = start): [number, number] | undefined {
  const a = periodOf(start);
  const b = periodOf(end);
  if (!a) return undefined;
  return [a[0], Math.max(a[1], b?.[1] ?? a[1])];
}

export const isInterval = (s: [number, number]) => s[1] - s[0] > DAY_MS;

export const dayText = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** Ticks at whole years, months or days, about `n` of them across [from, to]. */
export function ticks(from: number, to: number, n = 6): { at: number; label: string }[] {
  const span = to - from;
  const out: { at: number; label: string }[] = [];
  const start = new Date(from);
  if (span > 2 * 365 * DAY_MS) {
    const step = Math.max(1, Math.round(span / (365 * DAY_MS) / n));
    for (let y = start.getUTCFullYear(); Date.UTC(y, 0, 1) <= to; y += step) if (Date.UTC(y, 0, 1) >= from) out.push({ at: Date.UTC(y, 0, 1), label: String(y) });
  } else if (span > 60 * DAY_MS) {
    const step = Math.max(1, Math.round(span / (30 * DAY_MS) / n));
    for (let t = Date.UTC(start.getUTCFullYear(), start.getUTCMonth(), 1); t <= to; ) {
      if (t >= from) out.push({ at: t, label: new Date(t).toISOString().slice(0, 7) });
      const d = new Date(t);
      t = Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + step, 1);
    }
  } else {
    const step = Math.max(1, Math.round(span / DAY_MS / n));
    for (let t = Date.UTC(start.getUTCFullYear(), start.getUTCMonth(), start.getUTCDate()); t <= to; t += step * DAY_MS) if (t >= from) out.push({ at: t, label: dayText(t) });
  }
  return out;
}
