// What every route needs: the store, the options, and helpers that turn query parameters into
// store queries (actor names to ids, pages to Link headers).
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Store } from '../store/index.ts';
import type { StoreQueries, Page } from '../store/queries.ts';
import type { Pipeline } from '../pipeline/index.ts';
import { ApiError } from './errors.ts';
import { LinksCache } from './links-cache.ts';

/** The store the API reads: whole documents plus the query contract. */
export type ApiStore = Store & StoreQueries;

export interface ServerOptions {
  store: ApiStore;
  /** The bearer token that allows writing; no token, no writing. */
  token?: string;
  /** Allowed browser origin(s) for CORS; none by default. */
  cors?: string[];
  /** Largest request body in bytes (default 10 MB). */
  bodyLimit?: number;
  /** Most documents in one POST (default 100). */
  batchLimit?: number;
  /** Builds the pipeline the first time a document is posted (default: the standard one). */
  pipeline?: () => Pipeline;
  /** Extra knowledge files for the default pipeline. */
  kbFiles?: string[];
  /** The store's file or PostgreSQL URL: lets a worker thread open it to rebuild the links (none: link in the server's thread). */
  storeTarget?: string;
  /** Fastify's logger option: false (default), true, or a pino configuration. */
  logger?: boolean | Record<string, unknown>;
}

export const DEFAULT_BODY_LIMIT = 10 * 1024 * 1024;
export const DEFAULT_BATCH_LIMIT = 100;

export interface Context {
  store: ApiStore;
  options: ServerOptions;
  batchLimit: number;
  /** The corpus links, cached. */
  links: LinksCache;
  /** Whether the cross-document links include every stored document. */
  linkStatus(): { state: string; updated?: string; error?: string };
  /** An actor parameter as an id: an id is kept; a name, alias or code naming one actor becomes its id. */
  actorId(value: string | undefined, field: string): Promise<string | undefined>;
}

export function makeContext(options: ServerOptions): Context {
  const store = options.store;
  return {
    store, options, batchLimit: options.batchLimit ?? DEFAULT_BATCH_LIMIT, links: new LinksCache(store),
    linkStatus: () => ({ state: 'current' }),
    async actorId(value, field) {
      if (value === undefined) return undefined;
      if (await store.actor(value)) return value;
      const found = await store.findActors(value);
      let ids = [...new Set(found.map((a) => a.id))];
      // 'Russia' may also be an alias of something else: the actor whose own name it is wins.
      if (ids.length > 1) {
        const named = [...new Set(found.filter((a) => a.name.toLowerCase() === value.trim().toLowerCase()).map((a) => a.id))];
        if (named.length === 1) ids = named;
      }
      if (ids.length > 1) throw new ApiError(400, `"${value}" names ${ids.length} actors (${ids.slice(0, 5).join(', ')}): give an id`, field);
      return ids[0] ?? value;   // an unknown actor filters to nothing, as an unknown id does
    },
  };
}

/** The request's URL with another cursor: where the next page is. */
export function nextUrl(req: FastifyRequest, next: string): string {
  const url = new URL(req.url, 'http://x');
  url.searchParams.set('cursor', next);
  return url.pathname + url.search;
}

/** Sets the Link header of a page that has a next one. */
export function linkNext<T>(req: FastifyRequest, reply: FastifyReply, page: Page<T>): Page<T> {
  if (page.next) reply.header('link', `<${nextUrl(req, page.next)}>; rel="next"`);
  return page;
}

/** Query parameters with no value dropped, so that the store sees only real filters. */
export function defined<T extends object>(q: T): T {
  return Object.fromEntries(Object.entries(q).filter(([, v]) => v !== undefined && v !== '')) as T;
}
