// Compare: one storyline as each outlet told it, side by side: the documents, the storyline's
// events each tells (with modality), whom each quotes, how much is sourced to named speakers,
// the author's own claims, and the framing markers (scare quotes, loaded words).
import { href, type Route } from '../router.ts';
import { seg } from '../api.ts';
import { useApi } from '../use-api.ts';
import { ModalityTag, Section, Status } from '../ui.tsx';
import type { Comparison, OutletTelling, Page } from '../types.ts';

interface StorylineSummary { id: string; label: string; events: number; documents: number }

const pct = (x: number | null) => (x === null ? '–' : `${Math.round(x * 100)}%`);
const total = (l: { count: number }[]) => l.reduce((s, c) => s + c.count, 0);

function Column({ o }: { o: OutletTelling }) {
  const v = o.voice;
  const loaded = Object.entries(v.loaded).filter(([, l]) => l.length);
  return (
    <section class="card outlet" aria-label={o.outlet} data-testid="outlet-column">
      <h2>{o.outlet}</h2>
      <ul class="plain">
        {o.documents.map((d) => <li key={d.id}><a href={href('reader', [d.id])}>{d.title ?? d.id}</a>{d.published ? <span class="muted"> · {d.published}</span> : null}</li>)}
      </ul>
      <dl class="figures-list">
        <dt>Sourced share</dt><dd data-testid="sourced-share"><strong>{pct(v.sourcedShare)}</strong> <span class="muted">({v.sourcedSentences} of {v.sentences} sentences)</span></dd>
        <dt>Quotes</dt><dd>{v.quotes.direct} direct, {v.quotes.indirect} reported</dd>
        <dt>Named speakers</dt><dd>{v.speakers.length ? v.speakers.map((s) => s.name).join(', ') : 'none'}</dd>
        <dt>Author's claims</dt><dd>{v.claims.author}{v.claims.meanHedge !== null ? ` (mean hedge ${v.claims.meanHedge.toFixed(2)})` : ''}</dd>
        <dt>Scare quotes</dt><dd>{total(v.scareQuotes) ? v.scareQuotes.map((c) => `“${c.text}”${c.count > 1 ? ` ×${c.count}` : ''}`).join(', ') : 'none'}</dd>
        <dt>Loaded words</dt><dd>{loaded.length ? loaded.map(([k, l]) => `${k}: ${l.map((c) => c.text).join(', ')}`).join('; ') : 'none'}</dd>
        <dt>Words</dt><dd>{v.words}</dd>
      </dl>
      <h3>Events of the storyline ({o.events.length})</h3>
      <ul class="events">
        {o.events.map((e) => (
          <li key={e.id} class={`event mod-${e.modality}`}>
            <div class="event-head"><strong>{e.type}</strong> <ModalityTag m={e.modality} /> {e.source?.name ?? '?'} → {e.target?.name ?? '?'}{e.date ? <span class="muted"> · {e.date}</span> : null}</div>
            <blockquote class="sentence">{e.sentence}</blockquote>
            <a class="source" href={href('reader', [e.doc], { sel: `event:${e.id}` })}>Show in document</a>
          </li>
        ))}
      </ul>
    </section>
  );
}

export function Compare({ route }: { route: Route }) {
  const id = route.parts[0];
  const list = useApi<Page<StorylineSummary>>('/storylines', { limit: 100 });
  const cmp = useApi<Comparison>(id ? `/storylines/${seg(id)}/compare` : null);
  return (
    <div class="compare">
      <h1>Compare{cmp.data ? `: ${cmp.data.storyline.label}` : ''}</h1>
      <form class="filters" key={id} onSubmit={(ev) => {
        ev.preventDefault();
        const v = new FormData(ev.currentTarget).get('storyline')?.toString();
        if (v) location.hash = href('compare', [v]);
      }}>
        <label>Storyline <select name="storyline" value={id ?? ''}>
          <option value="" disabled>choose one</option>
          {list.data?.items.map((s) => <option key={s.id} value={s.id}>{s.label} ({s.documents} documents)</option>)}
        </select></label>
        <button type="submit">Compare</button>
        {id && <a href={href('timeline', [], { storyline: id })}>Timeline of this storyline</a>}
      </form>
      <Status state={cmp} what="the comparison" />
      {cmp.data && (
        <>
          <p class="muted">About {cmp.data.storyline.actors.join(', ') || 'unknown actors'}; told by {cmp.data.outlets.length} outlet{cmp.data.outlets.length === 1 ? '' : 's'}. Voices and framing cover the whole of each document that tells it.</p>
          <Section title="In short" id="cmp-summary">
            <ul>{cmp.data.summary.map((s, i) => <li key={i}>{s}</li>)}</ul>
          </Section>
          <div class="side-by-side">{cmp.data.outlets.map((o) => <Column key={o.outlet} o={o} />)}</div>
        </>
      )}
    </div>
  );
}
