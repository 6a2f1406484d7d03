// POST /documents: one document or a batch, as JSON ({text, title?, outlet?, ...} or a list of
// them) or as raw text/plain, text/markdown or text/html with metadata in the query string.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Context } from '../context.ts';
import { checkWriteToken } from '../auth.ts';
import { ERROR, INGEST_ITEM, QUERIES } from '../schemas.ts';
import type { IngestInput, Ingestor } from '../ingest.ts';

export const RAW_TYPES = ['text/plain', 'text/markdown', 'text/html'];

/** Requests whose JSON body was one document, not a list: their field names lose the "[0]." prefix. */
export const singleDocument = new WeakSet<FastifyRequest>();

export function ingestRoutes(app: FastifyInstance, ctx: Context, ingestor: Ingestor): void {
  const raw = { type: 'string', minLength: 1, description: 'the article itself; metadata in the query string' };
  app.post('/documents', {
    schema: {
      tags: ['documents'],
      summary: 'Ingest one document or a batch: runs the pipeline, stores the batch in one transaction, re-links the store, and returns what was extracted',
      description: `Needs \`Authorization: Bearer <SITREP_TOKEN>\`. At most ${ctx.batchLimit} documents a request. A document already stored is reported as unchanged; one that cannot be read is reported with its error while the others are stored. The cross-document links (same actor, same event, storylines) are then rebuilt in the background (\`links: updating\`, see /health); \`wait=true\` answers once they are saved.`,
      security: [{ bearer: [] }],
      querystring: QUERIES.ingest,
      body: {
        content: {
          'application/json': { schema: { type: 'array', items: INGEST_ITEM, minItems: 1, maxItems: ctx.batchLimit, description: 'one document object, or a list of them' } },
          ...Object.fromEntries(RAW_TYPES.map((t) => [t, { schema: raw }])),
        },
      },
      response: {
        200: { $ref: 'IngestReply#' },
        201: { $ref: 'IngestReply#' },
        400: ERROR, 401: ERROR, 403: ERROR, 413: ERROR, 415: ERROR,
        422: { $ref: 'IngestReply#' },
      },
    },
    // Validation wraps a single document into a list; the description shows both shapes clients may send.
    config: {
      swaggerTransform: ({ schema, url }: { schema: Record<string, any>; url: string }) => {
        const body = structuredClone(schema.body);
        const list = body.content['application/json'].schema;
        body.content['application/json'].schema = { oneOf: [INGEST_ITEM, list] };
        return { schema: { ...schema, body }, url };
      },
    },
    onRequest: async (req) => { checkWriteToken(req.headers.authorization, ctx.options.token); },
    preValidation: async (req) => {
      if (req.body && typeof req.body === 'object' && !Array.isArray(req.body)) {
        singleDocument.add(req);
        req.body = [req.body];
      }
    },
  }, async (req, reply) => {
    let inputs: IngestInput[];
    if (typeof req.body === 'string') {
      const q = req.query as Omit<IngestInput, 'text'>;
      const type = String(req.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
      const format = q.format ?? (type === 'text/html' ? 'html' : type === 'text/markdown' ? 'md' : undefined);
      inputs = [{ ...q, text: req.body, ...(format ? { format } : {}) }];
    } else {
      inputs = req.body as IngestInput[];
    }
    const { outcomes: documents, linked } = await ingestor.ingest(inputs);
    if ((req.query as { wait?: boolean }).wait) await linked;
    const count = (s: string) => documents.filter((d) => d.status === s).length;
    const body = { stored: count('stored'), unchanged: count('unchanged'), failed: count('error'), links: ingestor.linker.state, documents };
    return reply.code(body.stored ? 201 : body.failed === documents.length ? 422 : 200).send(body);
  });
}
