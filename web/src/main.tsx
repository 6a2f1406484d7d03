// The sitrep web app: a header with the views and a search box, and the view the URL names.
import { render } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import { href, useRoute, type Route } from './router.ts';
import { Home } from './views/home.tsx';
import { Reader } from './views/reader.tsx';
import { Network } from './views/network.tsx';
import { Timeline } from './views/timeline.tsx';
import { Dyad } from './views/dyad.tsx';
import { Compare } from './views/compare.tsx';
import { ActorPage } from './views/actor.tsx';
import { Search } from './views/search.tsx';

const VIEWS: { view: string; label: string }[] = [
  { view: '', label: 'Overview' }, { view: 'network', label: 'Network' }, { view: 'timeline', label: 'Timeline' },
  { view: 'dyad', label: 'Dyad' }, { view: 'compare', label: 'Compare' }, { view: 'search', label: 'Search' },
];

function View({ route }: { route: Route }) {
  switch (route.view) {
    case '': return <Home />;
    case 'reader': return <Reader route={route} />;
    case 'network': return <Network route={route} />;
    case 'timeline': return <Timeline route={route} />;
    case 'dyad': return <Dyad route={route} />;
    case 'compare': return <Compare route={route} />;
    case 'actor': return <ActorPage route={route} />;
    case 'search': return <Search route={route} />;
    default: return <p class="error" role="alert">No view is called “{route.view}”. <a href="#/">Back to the overview</a>.</p>;
  }
}

function App() {
  const route = useRoute();
  const main = useRef<HTMLElement>(null);
  const title = VIEWS.find((v) => v.view === route.view)?.label ?? route.view;
  useEffect(() => { document.title = `sitrep · ${title[0].toUpperCase()}${title.slice(1)}`; }, [title]);
  const skip = (ev: Event) => { ev.preventDefault(); main.current?.focus(); };
  return (
    <>
      <a class="skip" href="#main" onClick={skip}>Skip to content</a>
      <header class="top">
        <a class="brand" href="#/">sitrep</a>
        <nav aria-label="Views">
          {VIEWS.map((v) => (
            <a href={href(v.view)} aria-current={route.view === v.view ? 'page' : undefined}>{v.label}</a>
          ))}
        </nav>
        <form class="search-box" role="search" onSubmit={(ev) => {
          ev.preventDefault();
          const q = new FormData(ev.currentTarget).get('q')?.toString().trim();
          if (q) location.hash = href('search', [], { q });
        }}>
          <label class="sr-only" for="global-q">Search documents, quotes and actors</label>
          <input id="global-q" name="q" type="search" placeholder="Search…" />
        </form>
      </header>
      <main id="main" ref={main} tabIndex={-1}>
        <View route={route} />
      </main>
    </>
  );
}

const root = document.getElementById('root')!;
root.textContent = '';   // the page's loading note
render(<App />, root);
