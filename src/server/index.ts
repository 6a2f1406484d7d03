// The HTTP API: fastify with JSON-schema validation on every input, an OpenAPI 3 description at
// /openapi.json and browsable docs at /docs. No route reads the server's disk (swagger-ui's own
// assets aside); writing needs the token; CORS is off unless origins are given.
import Fastify, { type FastifyInstance } from 'fastify';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import cors from '@fastify/cors';
import { DEFAULT_BODY_LIMIT, makeContext, type ServerOptions } from './context.ts';
import { replyError } from './errors.ts';
import { LIST_PARAMS, MODEL_SCHEMAS } from './schemas.ts';
import { listRoutes } from './routes/lists.ts';
import { itemRoutes } from './routes/items.ts';
import { viewRoutes } from './routes/views.ts';
import { ingestRoutes, RAW_TYPES, singleDocument } from './routes/ingest.ts';
import { appViewRoutes } from './routes/app-views.ts';
import { webRoutes } from './routes/web.ts';
import { Ingestor } from './ingest.ts';
import { validatorCompiler } from './validation.ts';
import { createPipeline } from '../pipeline/index.ts';

export type { ServerOptions, ApiStore } from './context.ts';
export { DEFAULT_BATCH_LIMIT, DEFAULT_BODY_LIMIT } from './context.ts';

const VERSION = '0.1.0';

export async function createServer(options: ServerOptions): Promise<FastifyInstance> {
  const ctx = makeContext(options);
  const bodyLimit = options.bodyLimit ?? DEFAULT_BODY_LIMIT;
  const app = Fastify({
    logger: options.logger ?? false,
    bodyLimit,
  });
  app.setValidatorCompiler(validatorCompiler);

  await app.register(swagger, {
    openapi: {
      openapi: '3.0.3',
      info: { title: 'sitrep API', version: VERSION, description: 'The evidence-linked model sitrep builds from reporting on international security: documents with every span layer, actors, PLOVER events, quotes, claims, storylines, dyad series and search. Lists page with cursors (`{items, next}` and a Link header).' },
      components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer', description: 'the SITREP_TOKEN the server was started with' } } },
      tags: ['documents', 'events', 'actors', 'quotes', 'claims', 'storylines', 'outlets', 'dyads', 'search', 'server'].map((name) => ({ name })),
    },
    // Components keep the names the schemas were registered under (Event, Actor...).
    refResolver: { buildLocalReference: (json, _base, _fragment, i) => String(json.$id ?? `def-${i}`) },
  });
  await app.register(swaggerUi, { routePrefix: '/docs' });
  if (options.cors?.length) await app.register(cors, { origin: options.cors, methods: ['GET', 'HEAD', 'POST'], exposedHeaders: ['Link'] });

  for (const s of MODEL_SCHEMAS) app.addSchema(s);
  app.addContentTypeParser(RAW_TYPES.filter((t) => t !== 'text/plain'), { parseAs: 'string', bodyLimit }, (_req, body, done) => done(null, body));

  // Several values of one parameter may come comma-separated: type=AGREE,CONSULT.
  app.addHook('preValidation', async (req) => {
    const q = req.query as Record<string, unknown>;
    for (const k of LIST_PARAMS) {
      const v = q[k];
      if (v === undefined) continue;
      q[k] = (Array.isArray(v) ? v : [v]).flatMap((x) => String(x).split(',')).map((x) => x.trim()).filter(Boolean);
    }
  });

  app.setErrorHandler((err, req, reply) => replyError(reply, req, err as Error, ctx.batchLimit, singleDocument.has(req)));
  app.setNotFoundHandler((req, reply) => reply.code(404).send({ error: `no such endpoint: ${req.method} ${req.url.split('?')[0]}` }));

  app.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger());
  listRoutes(app, ctx);
  itemRoutes(app, ctx);
  viewRoutes(app, ctx);
  appViewRoutes(app, ctx);
  await webRoutes(app);
  const target = options.storeTarget && options.storeTarget !== ':memory:' ? options.storeTarget : undefined;
  const ingestor = new Ingestor(options.store, options.pipeline ?? (() => createPipeline({ kbFiles: options.kbFiles ?? [] })), target);
  ingestor.linker.onSaved = () => ctx.links.invalidate();
  ctx.linkStatus = () => {
    const { state, updated, error } = ingestor.linker;
    return { state, ...(updated ? { updated } : {}), ...(error ? { error } : {}) };
  };
  // Links being rebuilt are saved before the store may be closed, and the linking thread stops.
  app.addHook('onClose', async () => { await ingestor.linker.close(); });
  ingestRoutes(app, ctx, ingestor);
  return app;
}

/** Starts the server; resolves to the URL it listens on. */
export async function startServer(app: FastifyInstance, host = '127.0.0.1', port = 8080): Promise<string> {
  await app.listen({ host, port });
  const addr = app.server.address();
  const actual = typeof addr === 'object' && addr ? addr.port : port;
  return `http://${host.includes(':') ? `[${host}]` : host}:${actual}`;
}
