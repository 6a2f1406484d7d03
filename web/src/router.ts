// Hash routes, so that every view has a URL to share and the server needs to know only '/':
// #/view/part/part?filter=value. Filters live in the URL, so a shared link shows the same thing.
import { useEffect, useState } from 'preact/hooks';

export interface Route { view: string; parts: string[]; params: URLSearchParams }

export function parseHash(hash: string): Route {
  const raw = hash.replace(/^#\/?/, '');
  const [path, q = ''] = raw.split('?', 2);
  const [view = '', ...parts] = path.split('/').filter(Boolean).map((p) => decodeURIComponent(p));
  return { view, parts, params: new URLSearchParams(q) };
}

/** The hash of a view: href('actor', ['state:RUS']) is '#/actor/state%3ARUS'. */
export function href(view: string, parts: string[] = [], params: Record<string, string | undefined> = {}): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v) q.set(k, v);
  const s = q.toString();
  return `#/${[view, ...parts.map(encodeURIComponent)].join('/')}${s ? `?${s}` : ''}`;
}

export function go(view: string, parts: string[] = [], params: Record<string, string | undefined> = {}): void {
  location.hash = href(view, parts, params);
}

/** The same view with some parameters changed (undefined or '' removes one). */
export function withParams(route: Route, changes: Record<string, string | undefined>): string {
  const params: Record<string, string | undefined> = Object.fromEntries(route.params);
  Object.assign(params, changes);
  return href(route.view, route.parts, params);
}

export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseHash(location.hash));
  useEffect(() => {
    const on = () => setRoute(parseHash(location.hash));
    addEventListener('hashchange', on);
    return () => removeEventListener('hashchange', on);
  }, []);
  return route;
}
