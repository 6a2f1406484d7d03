// Every error leaves the server as JSON {error, field?}: validation errors name the field at
// fault, limits answer 413, unknown things 404, and nothing internal leaks beyond a message.
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { StoreQueryError } from '../store/index.ts';

/** Store query fields under the names the API gives its parameters. */
const STORE_FIELDS: Record<string, string> = { text: 'q' };

/** An error the API reports as it is, with its HTTP status and, for bad input, the field. */
export class ApiError extends Error {
  constructor(readonly status: number, message: string, readonly field?: string) {
    super(message);
    this.name = 'ApiError';
  }
}

export const notFound = (what: string, id: string) => new ApiError(404, `no ${what} has the id "${id}"`);

interface AjvIssue { instancePath?: string; keyword?: string; message?: string; params?: Record<string, unknown> }

/** The field an ajv issue is about: `limit`, `type`, `text`, `[2].published`. */
export function fieldOf(issue: AjvIssue, context: string | undefined): string {
  const parts = (issue.instancePath ?? '').split('/').filter(Boolean).map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'));
  const extra = issue.params?.additionalProperty ?? issue.params?.missingProperty;
  if (typeof extra === 'string') parts.push(extra);
  // Lists given as query parameters are arrays; the field is the parameter, not its index.
  if (context === 'querystring' || context === 'params') return parts[0] ?? context;
  if (!parts.length) return 'body';
  return parts.map((p, i) => (/^\d+$/.test(p) ? `[${p}]` : i ? `.${p}` : p)).join('');
}

function describe(issue: AjvIssue, field: string): string {
  if (issue.keyword === 'additionalProperties') return `unknown field "${field}"`;
  if (issue.keyword === 'required') return `"${field}" is required`;
  if (issue.keyword === 'enum') return `"${field}" must be one of: ${(issue.params?.allowedValues as unknown[] | undefined)?.join(', ')}`;
  if (issue.keyword === 'pattern' && /url$/.test(field)) return `"${field}" must be an http or https address`;
  return `"${field}" ${issue.message ?? 'is not valid'}`;
}

export interface ErrorBody { error: string; field?: string }

/** Maps any thrown error to a status and the JSON body; 5xx messages are logged, not detailed. */
export function errorResponse(err: FastifyError | ApiError | Error, batchLimit: number, single = false): { status: number; body: ErrorBody } {
  if (err instanceof ApiError) return { status: err.status, body: { error: err.message, ...(err.field ? { field: err.field } : {}) } };
  const fe = err as FastifyError & { validation?: AjvIssue[]; validationContext?: string };
  if (fe.validation?.length) {
    const issue = fe.validation[0];
    let field = fieldOf(issue, fe.validationContext);
    // A single document was wrapped into a batch of one: name its fields as the client sent them.
    if (single && fe.validationContext === 'body') field = field === '[0]' ? 'body' : field.replace(/^\[0\]\./, '');
    if (fe.validationContext === 'body' && issue.keyword === 'maxItems' && field === 'body') {
      return { status: 413, body: { error: `too many documents in one request: at most ${batchLimit}`, field: 'body' } };
    }
    if (fe.validationContext === 'body' && issue.keyword === 'minItems' && field === 'body') {
      return { status: 400, body: { error: 'the batch is empty', field: 'body' } };
    }
    return { status: 400, body: { error: describe(issue, field), field } };
  }
  switch (fe.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return { status: 413, body: { error: `request body too large: ${fe.message.replace(/^Request body is too large$/i, 'over the server limit')}` } };
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return { status: 415, body: { error: 'unsupported content type: send application/json, text/plain, text/markdown or text/html', field: 'content-type' } };
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_TYPE':
      return { status: 400, body: { error: 'the request body is empty', field: 'body' } };
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return { status: 400, body: { error: 'the Content-Length does not match the body' } };
  }
  if (err instanceof StoreQueryError) {
    const field = STORE_FIELDS[err.field] ?? err.field;
    return { status: 400, body: { error: err.message.replace(/^[^:]+: /, `"${field}": `), field } };
  }
  if (/cursor/i.test(err.name) || /\bcursor\b/i.test(err.message)) return { status: 400, body: { error: `bad cursor: ${err.message}`, field: 'cursor' } };
  if (fe.statusCode && fe.statusCode >= 400 && fe.statusCode < 500) return { status: fe.statusCode, body: { error: err.message } };
  return { status: 500, body: { error: 'internal error: the server log has the details' } };
}

export function replyError(reply: FastifyReply, req: FastifyRequest, err: Error, batchLimit: number, single = false): FastifyReply {
  const { status, body } = errorResponse(err, batchLimit, single);
  if (status >= 500) req.log.error(err);
  return reply.code(status).type('application/json; charset=utf-8').send(body);
}
