// Input validation: query strings and path parameters arrive as text, so their values are
// coerced to the schema's types (limit=5 is a number, type=AGREE a list); a JSON body is typed
// already and must match as it is ({"text": 42} is an error, not the text "42").
import { Ajv, type Options } from 'ajv';
import type { FastifySchemaCompiler } from 'fastify';

// Unknown properties are errors, never silently dropped, so a misspelt filter cannot widen a query.
const common: Options = { removeAdditional: false, useDefaults: true, allErrors: false, strict: false };
const text = new Ajv({ ...common, coerceTypes: 'array' });
const json = new Ajv({ ...common, coerceTypes: false });

export const validatorCompiler: FastifySchemaCompiler<unknown> = ({ schema, httpPart }) =>
  (httpPart === 'body' ? json : text).compile(schema as object) as ReturnType<FastifySchemaCompiler<unknown>>;
