// The overview: what the store holds, the latest documents, the storylines and the outlets;
// every item leads on to a view.
import { useState } from 'preact/hooks';
import { api } from '../api.ts';
import { href } from '../router.ts';
import { useApi } from '../use-api.ts';
import { Section, Status } from '../ui.tsx';
import type { DocumentSummary, OutletRow, Page } from '../types.ts';

interface Health { counts: Record<string, number>; links: { state: string } }
interface StorylineSummary { id: string; label: string; actors: string[]; events: number; documents: number }

export function Home() {
  const health = useApi<Health>('/health');
  const docs = useApi<Page<DocumentSummary>>('/documents', { limit: 25 });
  const stories = useApi<Page<StorylineSummary>>('/storylines', { limit: 15 });
  const outlets = useApi<{ items: OutletRow[] }>('/outlets');
  const [more, setMore] = useState<{ items: DocumentSummary[]; next: string | null } | null>(null);
  const items = [...(docs.data?.items ?? []), ...(more?.items ?? [])];
  const next = more ? more.next : docs.data?.next;
  const loadMore = async () => {
    if (!next) return;
    const p = await api<Page<DocumentSummary>>('/documents', { limit: 25, cursor: next });
    setMore({ items: [...(more?.items ?? []), ...p.items], next: p.next });
  };
  return (
    <div class="home">
      <h1>Overview</h1>
      <Status state={health} what="the store's figures" />
      {health.data && (
        <p class="figures" data-testid="figures">
          {Object.entries(health.data.counts).map(([k, n]) => <span key={k}><strong>{n.toLocaleString('en')}</strong> {k}</span>)}
        </p>
      )}
      <div class="columns">
        <Section title="Latest documents" id="h-docs">
          <Status state={docs} what="documents" />
          <ul class="docs">
            {items.map((d) => (
              <li key={d.id}>
                <a href={href('reader', [d.id])}>{d.meta.title ?? d.source}</a>
                <span class="muted"> {d.meta.outlet ?? ''}{d.meta.published ? ` · ${d.meta.published}` : ''} · {d.events} events · {d.quotes} quotes</span>
              </li>
            ))}
          </ul>
          {next && <button type="button" onClick={loadMore}>More documents</button>}
        </Section>
        <div>
          <Section title="Storylines" id="h-stories">
            <Status state={stories} what="storylines" />
            <ul class="stories">
              {stories.data?.items.map((s) => (
                <li key={s.id}>
                  <span>{s.label}</span>
                  <span class="muted"> · {s.events} events in {s.documents} document{s.documents === 1 ? '' : 's'} · </span>
                  <a href={href('timeline', [], { storyline: s.id })}>timeline</a>{' · '}
                  <a href={href('compare', [s.id])}>compare outlets</a>
                </li>
              ))}
            </ul>
          </Section>
          <Section title="Outlets" id="h-outlets">
            <Status state={outlets} what="outlets" />
            <table>
              <thead><tr><th scope="col">Outlet</th><th scope="col">Documents</th><th scope="col">Events</th><th scope="col">Quotes</th></tr></thead>
              <tbody>
                {outlets.data?.items.map((o) => (
                  <tr key={o.outlet}>
                    <td><a href={href('network', [], { outlet: o.outlet })}>{o.outlet}</a></td>
                    <td>{o.documents}</td><td>{o.events}</td><td>{o.quotes}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </Section>
        </div>
      </div>
    </div>
  );
}
