// Loads one API answer for a view and re-loads when its key (path and parameters) changes.
import { useEffect, useState } from 'preact/hooks';
import { api, query, type Params } from './api.ts';

export interface Loaded<T> { data?: T; error?: string; loading: boolean }

export function useApi<T>(path: string | null, params?: Params): Loaded<T> {
  const key = path === null ? null : path + query(params);
  const [state, setState] = useState<Loaded<T>>({ loading: key !== null });
  useEffect(() => {
    if (key === null) { setState({ loading: false }); return; }
    let live = true;
    setState((s) => ({ data: s.data, loading: true }));
    api<T>(path!, params).then(
      (data) => { if (live) setState({ data, loading: false }); },
      (err: Error) => { if (live) setState({ error: err.message, loading: false }); },
    );
    return () => { live = false; };
  }, [key]);
  return state;
}
