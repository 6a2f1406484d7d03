// Search across document bodies, quotes and actor names; each hit opens where it was found.
import { href, type Route } from '../router.ts';
import { useApi } from '../use-api.ts';
import { Snippet, Status } from '../ui.tsx';
import type { SearchHit } from '../types.ts';

const KINDS = [['document', 'Documents'], ['quote', 'Quotes'], ['actor', 'Actors']] as const;

function hitLink(h: SearchHit): string {
  if (h.kind === 'actor') return href('actor', [h.id]);
  if (h.kind === 'quote') return href('reader', [h.doc ?? h.id.split(':')[0]], { sel: `quote:${h.id.split(':q').pop()}` });
  return href('reader', [h.id]);
}

export function Search({ route }: { route: Route }) {
  const q = route.params.get('q') ?? '';
  const kinds = route.params.get('kinds') ?? '';
  const state = useApi<{ items: SearchHit[] }>(q ? '/search' : null, { q, kinds, limit: 60 });
  return (
    <div class="search">
      <h1>Search</h1>
      <form class="filters" role="search" key={q + kinds} onSubmit={(ev) => {
        ev.preventDefault();
        const f = new FormData(ev.currentTarget);
        const chosen = f.getAll('kinds').map(String);
        location.hash = href('search', [], { q: f.get('q')?.toString().trim(), kinds: chosen.length && chosen.length < 3 ? chosen.join(',') : undefined });
      }}>
        <label>Words <input name="q" type="search" defaultValue={q} required /></label>
        {KINDS.map(([k, label]) => (
          <label key={k}><input type="checkbox" name="kinds" value={k} defaultChecked={!kinds || kinds.split(',').includes(k)} /> {label}</label>
        ))}
        <button type="submit">Search</button>
      </form>
      <Status state={state} what="the results" />
      {state.data && (state.data.items.length === 0 ? <p>Nothing found for “{q}”.</p> : (
        <div class="columns three">
          {KINDS.map(([k, label]) => {
            const hits = state.data!.items.filter((h) => h.kind === k);
            if (!hits.length) return null;
            return (
              <section key={k} class="card" aria-label={label}>
                <h2>{label} ({hits.length})</h2>
                <ul class="hits" data-testid={`hits-${k}`}>
                  {hits.map((h) => (
                    <li key={h.id}>
                      <a href={hitLink(h)}>{h.kind === 'actor' ? h.title : h.title ?? h.doc ?? h.id}</a>
                      <div class="snippet"><Snippet text={h.snippet} /></div>
                    </li>
                  ))}
                </ul>
              </section>
            );
          })}
        </div>
      ))}
    </div>
  );
}
