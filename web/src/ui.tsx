// Small pieces every view shares: loading and error states, links to the views, how an event
// reads in one line, and the colour scale from conflict to cooperation.
import type { ComponentChildren } from 'preact';
import type { Loaded } from './use-api.ts';
import { href } from './router.ts';
import type { Event, EventRow } from './types.ts';

export function Status<T>({ state, what }: { state: Loaded<T>; what: string }) {
  if (state.error) return <p class="error" role="alert">Could not load {what}: {state.error}</p>;
  if (state.loading && !state.data) return <p class="loading" aria-live="polite">Loading {what}…</p>;
  return null;
}

export const Section = ({ title, children, id }: { title: string; children: ComponentChildren; id?: string }) => (
  <section class="card" aria-labelledby={id}>
    <h2 id={id}>{title}</h2>
    {children}
  </section>
);

export const ActorLink = ({ id, name }: { id?: string; name?: string }) =>
  id ? <a href={href('actor', [id])}>{name ?? id}</a> : <span class="muted">{name ?? 'unknown'}</span>;

/** Goldstein -10 (conflict, red) through 0 (grey) to +10 (cooperation, blue): readable to red-green colour-blind eyes. */
export function goldsteinColour(g: number | null | undefined): string {
  if (g === null || g === undefined) return '#8a8f98';
  const t = Math.max(-1, Math.min(1, g / 10));
  const [from, to] = t < 0 ? [[138, 143, 152], [192, 37, 30]] : [[138, 143, 152], [25, 95, 180]];
  const k = Math.abs(t) ** 0.6;
  const c = from.map((x, i) => Math.round(x + (to[i] - x) * k));
  return `rgb(${c.join(',')})`;
}

export const MODALITY_LABEL: Record<string, string> = {
  asserted: 'reported', negated: 'reported not to happen', hypothetical: 'hypothetical', recommended: 'recommended', predicted: 'predicted',
};

export const ModalityTag = ({ m }: { m: string }) => <span class={`tag mod-${m}`}>{MODALITY_LABEL[m] ?? m}</span>;

/** The day an event is dated to: its resolved time, else the publication day. */
export function eventDay(e: Event, published?: string): { start?: string; end?: string; from: 'text' | 'published' | 'none' } {
  if (e.when?.start) return { start: e.when.start, end: e.when.end ?? e.when.start, from: 'text' };
  if (published) return { start: published, end: published, from: 'published' };
  return { from: 'none' };
}

export function roleText(r?: { actor?: string; text?: string; code?: string }): string {
  return r ? `${r.text ?? r.actor ?? '?'}${r.code ? ` (${r.code})` : ''}` : '—';
}

/** One event as a list item: type, modality, who to whom, the sentence, and the way to its source. */
export function EventItem({ row, names }: { row: EventRow; names?: Record<string, string> }) {
  const e = row.event;
  const day = eventDay(e, row.published);
  return (
    <li class={`event mod-${e.modality}`}>
      <div class="event-head">
        <strong>{e.type}</strong> <ModalityTag m={e.modality} />{' '}
        <ActorLink id={e.source?.actor} name={e.source ? names?.[e.source.actor ?? ''] ?? e.source.text : undefined} />
        {' → '}
        <ActorLink id={e.target?.actor} name={e.target ? names?.[e.target.actor ?? ''] ?? e.target.text : undefined} />
        {day.start && <span class="muted"> · {day.start}{day.end && day.end !== day.start ? ` – ${day.end}` : ''}{day.from === 'published' ? ' (published)' : ''}</span>}
        {typeof e.goldstein === 'number' && <span class="muted"> · Goldstein {e.goldstein}</span>}
      </div>
      <blockquote class="sentence">{row.sentence}</blockquote>
      <a class="source" href={href('reader', [row.doc], { sel: `event:${e.id}` })}>Show in document{row.outlet ? ` (${row.outlet}${row.published ? `, ${row.published}` : ''})` : ''}</a>
    </li>
  );
}

/** A search snippet: the store marks matched words [like this]; they become <mark> elements, the rest stays text. */
export function Snippet({ text }: { text: string }) {
  const parts = text.split(/(\[[^\][]*\])/g);
  return <span>{parts.map((p, i) => (/^\[[^\][]*\]$/.test(p) ? <mark key={i}>{p.slice(1, -1)}</mark> : p))}</span>;
}
