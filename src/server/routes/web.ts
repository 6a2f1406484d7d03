// The web app (web/, built into web/dist by `npm install`): its page at / and its files under
// /app/. The page may load only this server's own scripts and styles, so that no text from an
// article could run as script even if a view rendered it as markup by mistake.
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import staticFiles from '@fastify/static';

export const WEB_DIST = fileURLToPath(new URL('../../../web/dist/', import.meta.url));

const CSP = [
  "default-src 'none'", "script-src 'self'", "style-src 'self'", "img-src 'self' data:", "connect-src 'self'",
  "font-src 'self'", "base-uri 'none'", "form-action 'self'", "frame-ancestors 'none'",
].join('; ');

const NOT_BUILT = '<!doctype html><meta charset="utf-8"><title>sitrep</title><p>The web app is not built: run <code>npm install</code> (or <code>npm run build:web</code>) in the sitrep folder, then restart <code>sitrep serve</code>. The API answers meanwhile: see <a href="/docs">/docs</a>.</p>';

export async function webRoutes(app: FastifyInstance, dist = WEB_DIST): Promise<void> {
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
