// The web app (web/, built into web/dist by `npm install`, or here when that build is missing or
// older than its sources): its page at / and its files under /app/. The page may load only this server's own scripts and styles, so that no text from an
// article could run as script even if a view rendered it as markup by mistake.
import { existsSync, readFileSync } from 'node:fs';
import type { FastifyInstance } from 'fastify';
import staticFiles from '@fastify/static';
import { buildWeb, webBuildStale, WEB_DIST } from '../../../web/build.ts';

export { WEB_DIST };

const CSP = [
  "default-src 'none'", "script-src 'self'", "style-src 'self'", "img-src 'self' data:", "connect-src 'self'",
  "font-src 'self'", "base-uri 'none'", "form-action 'self'", "frame-ancestors 'none'",
].join('; ');

const NOT_BUILT = '<!doctype html><meta charset="utf-8"><title>sitrep</title><p>The web app is not built: run <code>npm install</code> (or <code>npm run build:web</code>) in the sitrep folder, then restart <code>sitrep serve</code>. The API answers meanwhile: see <a href="/docs">/docs</a>.</p>';

/** Builds the app when its build is missing or older than its sources; a failure (say, a read-only install) leaves what there is. */
export async function ensureWebBuilt(log: (msg: string) => void): Promise<void> {
  try {
    if (webBuildStale()) await buildWeb();
  } catch (err) {
    log(`the web app could not be built: ${(err as Error).message}`);
  }
}

export async function webRoutes(app: FastifyInstance, dist = WEB_DIST): Promise<void> {
  if (dist === WEB_DIST) await ensureWebBuilt((msg) => app.log.warn(msg));
  const index = `${dist}index.html`;
  const built = existsSync(index);
  if (built) {
    await app.register(staticFiles, {
      root: dist, prefix: '/app/', decorateReply: false, index: false, wildcard: true,
      setHeaders: (res) => { res.header('x-content-type-options', 'nosniff'); },
    });
  }
  const page = built ? readFileSync(index, 'utf8') : NOT_BUILT;
  app.get('/', { schema: { hide: true } }, async (_req, reply) => reply
    .code(built ? 200 : 503)
    .header('content-type', 'text/html; charset=utf-8')
    .header('content-security-policy', CSP)
    .header('x-content-type-options', 'nosniff')
    .header('cache-control', 'no-cache')
    .send(page));
}
