// The reader: a document with what sitrep found in it highlighted, one layer per kind of record
// (actors, events, times, quotes, claims, framing markers), each toggled on and off. Selecting a
// highlighted span shows what sitrep made of it; ?sel=event:ID opens the document at that span.
import type { ComponentChildren } from 'preact';
import { useEffect, useMemo, useState } from 'preact/hooks';
import { href, type Route } from '../router.ts';
import { seg } from '../api.ts';
import { useApi } from '../use-api.ts';
import { ActorLink, ModalityTag, Status } from '../ui.tsx';
import type { Actor, Claim, DocumentMeta, Event, Frame, Mention, Quote, Sentence, TimeExpr } from '../types.ts';

interface DocumentBody {
  id: string; source: string; meta: DocumentMeta; body: string;
  dropped?: { text: string; reason: string }[];
  sentences: (Sentence & { text: string })[];
  actors: Actor[]; mentions: Mention[]; times: TimeExpr[]; events: Event[]; quotes: Quote[]; claims: Claim[]; frames: Frame[];
}

const LAYERS = ['actors', 'events', 'times', 'quotes', 'claims', 'frames'] as const;
type Layer = typeof LAYERS[number];
const LAYER_LABEL: Record<Layer, string> = { actors: 'Actors', events: 'Events', times: 'Times', quotes: 'Quotes', claims: 'Claims', frames: 'Framing markers' };

type Rec =
  | { layer: 'actors'; key: string; start: number; end: number; r: Mention }
  | { layer: 'events'; key: string; start: number; end: number; r: Event }
  | { layer: 'times'; key: string; start: number; end: number; r: TimeExpr }
  | { layer: 'quotes'; key: string; start: number; end: number; r: Quote }
  | { layer: 'claims'; key: string; start: number; end: number; r: Claim }
  | { layer: 'frames'; key: string; start: number; end: number; r: Frame };

/** Every record with the span it is highlighted on; an event on its trigger word when it has one. */
function records(d: DocumentBody): Rec[] {
  return [
    ...d.mentions.map((r, i) => ({ layer: 'actors' as const, key: `mention:${i}`, start: r.start, end: r.end, r })),
    ...d.events.map((r) => ({ layer: 'events' as const, key: `event:${r.id}`, start: r.trigger?.start ?? r.start, end: r.trigger?.end ?? r.end, r })),
    ...d.times.map((r, i) => ({ layer: 'times' as const, key: `time:${i}`, start: r.start, end: r.end, r })),
    ...d.quotes.map((r, i) => ({ layer: 'quotes' as const, key: `quote:${i}`, start: r.start, end: r.end, r })),
    ...d.claims.map((r, i) => ({ layer: 'claims' as const, key: `claim:${i}`, start: r.start, end: r.end, r })),
    ...d.frames.map((r, i) => ({ layer: 'frames' as const, key: `frame:${i}`, start: r.start, end: r.end, r })),
  ].filter((x) => x.end > x.start);
}

/** The body cut where any shown span starts or ends: each piece with the records that cover it. */
function pieces(length: number, shown: Rec[], extra?: { start: number; end: number }) {
  const cuts = new Set([0, length]);
  for (const r of shown) { cuts.add(r.start); cuts.add(r.end); }
  if (extra) { cuts.add(extra.start); cuts.add(extra.end); }
  const sorted = [...cuts].filter((c) => c >= 0 && c <= length).sort((a, b) => a - b);
  const out: { start: number; end: number; recs: Rec[] }[] = [];
  for (let i = 0; i + 1 < sorted.length; i++) {
    const [start, end] = [sorted[i], sorted[i + 1]];
    out.push({ start, end, recs: shown.filter((r) => r.start <= start && end <= r.end) });
  }
  return out;
}

/** 'quote-at:153': the record of that kind whose span starts there (links from lists that give offsets, not indexes). */
function atOffset(all: Rec[], sel: string | undefined): Rec | undefined {
  const m = /^(\w+)-at:(\d+)$/.exec(sel ?? '');
  if (!m) return undefined;
  const prefix = `${m[1]}:`;
  const at = Number(m[2]);
  return all.find((r) => r.key.startsWith(prefix) && (r.start === at || (r.layer === 'events' && r.r.start === at)));
}

/** Which of the records over a piece a click selects: the narrowest. */
const narrowest = (recs: Rec[]) => [...recs].sort((a, b) => (a.end - a.start) - (b.end - b.start))[0];

function Field({ name, children }: { name: string; children: ComponentChildren }) {
  return <><dt>{name}</dt><dd>{children}</dd></>;
}

function Details({ rec, doc, names }: { rec: Rec; doc: DocumentBody; names: Record<string, string> }) {
  const text = doc.body.slice(rec.start, rec.end);
  switch (rec.layer) {
    case 'actors': {
      const m = rec.r;
      return (
        <dl>
          <Field name="Text">“{text}”</Field>
          <Field name="Actor"><ActorLink id={m.actor} name={m.actor ? names[m.actor] : undefined} /></Field>
          <Field name="Kind">{m.kind}</Field>
          <Field name="Code"><code>{m.code ?? '—'}</code></Field>
          {m.role && <Field name="Role">{m.role}</Field>}
          <Field name="Rule"><code>{m.via}</code></Field>
        </dl>
      );
    }
    case 'events': {
      const e = rec.r;
      const role = (x: Event['source']) => (x ? <><ActorLink id={x.actor} name={x.actor ? names[x.actor] ?? x.text : x.text} /> <code>{x.code ?? ''}</code> <span class="muted">“{x.text}”</span></> : '—');
      return (
        <dl>
          <Field name="Event"><strong>{e.type}</strong> {e.mode ? <span class="muted">({e.mode})</span> : null}</Field>
          <Field name="Modality"><ModalityTag m={e.modality} /></Field>
          <Field name="Trigger">“{e.trigger?.text ?? text}”</Field>
          <Field name="Source">{role(e.source)}</Field>
          <Field name="Target">{role(e.target)}</Field>
          {e.place && <Field name="Place">{e.place.text}{e.place.country ? ` (${e.place.country})` : ''}</Field>}
          <Field name="Time">{e.when ? <>“{e.when.text}” → {e.when.start}{e.when.end && e.when.end !== e.when.start ? ` – ${e.when.end}` : ''}</> : <span class="muted">not in the text; dated by publication</span>}</Field>
          <Field name="CAMEO · Goldstein · quad">{e.cameo ?? '—'} · {e.goldstein ?? '—'} · {e.quadClass ?? '—'}</Field>
          <Field name="Rule"><code>{e.via}</code>{typeof e.confidence === 'number' ? <span class="muted"> (confidence {e.confidence})</span> : null}</Field>
          <Field name="Clause">“{doc.body.slice(e.start, e.end)}”</Field>
          {e.source?.actor && e.target?.actor && <Field name="More"><a href={href('dyad', [e.source.actor, e.target.actor])}>dyad view of these two actors</a></Field>}
        </dl>
      );
    }
    case 'times': {
      const t = rec.r;
      return (
        <dl>
          <Field name="Text">“{text}”</Field>
          <Field name="Resolved to">{t.value ? `${t.value.start}${t.value.end !== t.value.start ? ` – ${t.value.end}` : ''}` : 'unresolved'}</Field>
          <Field name="Rule"><code>{t.via}</code></Field>
        </dl>
      );
    }
    case 'quotes': {
      const q = rec.r;
      return (
        <dl>
          <Field name="Quote">“{q.text}”</Field>
          <Field name="Kind">{q.kind === 'direct' ? 'direct quote' : 'reported speech'}</Field>
          <Field name="Speaker">{q.speaker ? <ActorLink id={q.speaker} name={names[q.speaker] ?? q.speakerText} /> : <span class="muted">{q.speakerText ?? 'unattributed'}</span>} <code>{q.speakerCode ?? ''}</code></Field>
          {q.cue && <Field name="Cue">“{q.cue}”</Field>}
        </dl>
      );
    }
    case 'claims': {
      const c = rec.r;
      return (
        <dl>
          <Field name="Claim">“{c.text}”</Field>
          <Field name="Holder">{c.holder === 'author' ? 'the author' : <ActorLink id={c.holder} name={names[c.holder]} />}</Field>
          <Field name="About">{c.about.length ? c.about.map((a, i) => <>{i ? ', ' : ''}<ActorLink id={a} name={names[a]} /></>) : '—'}</Field>
          <Field name="Hedge">{c.hedge}{c.cues.length ? ` (${c.cues.join(', ')})` : ''}</Field>
        </dl>
      );
    }
    case 'frames': {
      const f = rec.r;
      return (
        <dl>
          <Field name="Marker">“{f.text}”</Field>
          <Field name="Kind">{f.kind}{f.category ? ` · ${f.category}` : ''}</Field>
        </dl>
      );
    }
  }
}

function recTitle(rec: Rec, doc: DocumentBody, names: Record<string, string>): string {
  const text = doc.body.slice(rec.start, rec.end);
  switch (rec.layer) {
    case 'actors': return `${text} → ${rec.r.actor ? names[rec.r.actor] ?? rec.r.actor : rec.r.kind}`;
    case 'events': return `${rec.r.type} (${rec.r.modality}): ${text}`;
    case 'quotes': return `${rec.r.speakerText ?? 'unattributed'}: ${rec.r.text.slice(0, 80)}`;
    default: return text.slice(0, 90);
  }
}

export function Reader({ route }: { route: Route }) {
  const id = route.parts[0];
  const state = useApi<DocumentBody>(id ? `/documents/${seg(id)}` : null);
  const sel = route.params.get('sel') ?? undefined;
  const initial = (route.params.get('layers')?.split(',') ?? LAYERS) as Layer[];
  const [layers, setLayers] = useState<Set<Layer>>(new Set(initial.filter((l) => (LAYERS as readonly string[]).includes(l))));
  const doc = state.data;
  const all = useMemo(() => (doc ? records(doc) : []), [doc]);
  const names = useMemo(() => Object.fromEntries((doc?.actors ?? []).map((a) => [a.id, a.name])), [doc]);
  const selected = all.find((r) => r.key === sel) ?? atOffset(all, sel);
  const shown = all.filter((r) => layers.has(r.layer) || r === selected);
  const extent = selected?.layer === 'events' ? { start: selected.r.start, end: selected.r.end } : undefined;

  useEffect(() => {
    if (!selected) return;
    document.querySelector('.body .selected')?.scrollIntoView({ block: 'center' });
  }, [selected?.key, doc]);

  if (!id) return <p>Open a document from the <a href="#/">overview</a> or a <a href={href('search')}>search</a>.</p>;
  if (!doc) return <Status state={state} what="the document" />;

  const select = (rec: Rec | undefined) => {
    const params: Record<string, string | undefined> = Object.fromEntries(route.params);
    params.sel = rec?.key;
    location.hash = href('reader', [id], params);
  };
  const toggle = (l: Layer) => {
    const next = new Set(layers);
    if (next.has(l)) next.delete(l); else next.add(l);
    setLayers(next);
    const params: Record<string, string | undefined> = Object.fromEntries(route.params);
    params.layers = next.size === LAYERS.length ? undefined : [...next].join(',') || 'none';
    history.replaceState(null, '', href('reader', [id], params));
  };
  const overlapping = selected ? all.filter((r) => r !== selected && r.start < selected.end && selected.start < r.end) : [];

  return (
    <div class="reader">
      <article class="doc" aria-labelledby="doc-title">
        <h1 id="doc-title">{doc.meta.title ?? doc.source}</h1>
        <p class="muted">{[doc.meta.outlet, doc.meta.author, doc.meta.published].filter(Boolean).join(' · ')} · <code>{doc.source}</code>{doc.meta.url ? <> · <a href={doc.meta.url} rel="noopener noreferrer nofollow" target="_blank">original</a></> : null}</p>
        <fieldset class="layers">
          <legend>Layers</legend>
          {LAYERS.map((l) => (
            <label key={l} class={`layer-toggle l-${l}`}>
              <input type="checkbox" checked={layers.has(l)} onChange={() => toggle(l)} /> {LAYER_LABEL[l]}
            </label>
          ))}
        </fieldset>
        {doc.dropped && doc.dropped.length > 0 && (
          <details class="dropped">
            <summary>{doc.dropped.length} block{doc.dropped.length === 1 ? '' : 's'} dropped by ingest</summary>
            <ul>{doc.dropped.map((d, i) => <li key={i}><span class="tag">{d.reason}</span> <span class="dropped-text">{d.text}</span></li>)}</ul>
          </details>
        )}
        <div class="body" data-testid="body">
          {pieces(doc.body.length, shown, extent).map((p) => {
            const text = doc.body.slice(p.start, p.end);
            const inExtent = extent && extent.start <= p.start && p.end <= extent.end;
            if (!p.recs.length) return inExtent ? <span class="extent">{text}</span> : text;
            const isSel = selected ? p.recs.includes(selected) : false;
            const starts = p.recs.filter((r) => r.start === p.start);
            const target = narrowest(p.recs);
            const cls = ['hl', ...new Set(p.recs.map((r) => `l-${r.layer}`)), isSel ? 'selected' : '', inExtent ? 'extent' : ''].filter(Boolean).join(' ');
            return (
              <span class={cls} data-keys={p.recs.map((r) => r.key).join(' ')}
                {...(starts.length ? { tabIndex: 0, role: 'button', 'aria-label': recTitle(narrowest(starts), doc, names) } : {})}
                onClick={() => select(starts.length ? narrowest(starts) : target)}
                onKeyDown={(ev) => { if (ev.key === 'Enter' || ev.key === ' ') { ev.preventDefault(); select(narrowest(starts.length ? starts : p.recs)); } }}
              >{text}</span>
            );
          })}
        </div>
      </article>
      <aside class="panel" aria-label="What sitrep made of the selection">
        {selected ? (
          <div class="selection" data-testid="selection">
            <h2>{LAYER_LABEL[selected.layer]}: selected</h2>
            <Details rec={selected} doc={doc} names={names} />
            <p class="muted">Characters {selected.start}–{selected.end} of the body.</p>
            {overlapping.length > 0 && (
              <>
                <h3>Also here</h3>
                <ul class="plain">{overlapping.map((r) => <li key={r.key}><button type="button" class="linkish" onClick={() => select(r)}>{LAYER_LABEL[r.layer]}: {recTitle(r, doc, names)}</button></li>)}</ul>
              </>
            )}
            <button type="button" onClick={() => select(undefined)}>Clear selection</button>
          </div>
        ) : <p class="muted">Select a highlighted span (click, or Tab and Enter) to see what sitrep made of it.</p>}
        {LAYERS.map((l) => {
          const recs = all.filter((r) => r.layer === l);
          return (
            <details key={l} open={l === 'events'}>
              <summary>{LAYER_LABEL[l]} ({recs.length})</summary>
              <ul class="plain">
                {recs.map((r) => <li key={r.key}><button type="button" class="linkish" aria-pressed={r === selected} onClick={() => select(r)}>{recTitle(r, doc, names)}</button></li>)}
              </ul>
            </details>
          );
        })}
      </aside>
    </div>
  );
}
