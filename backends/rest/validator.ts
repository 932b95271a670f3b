import { Ajv2020 } from 'ajv/dist/2020.js';
import type { FastifySchemaCompiler } from 'fastify';

/**
 * Builds Fastify's validator compiler for contract schemas (JSON Schema 2020-12, the OpenAPI 3.1
 * dialect). Path and query values arrive as text, so they are coerced to the declared types;
 * bodies are JSON and must already have the right types (Fastify's default would coerce
 * `{"bio": 5}` into a string and accept it).
 */
export function contractValidatorCompiler(): FastifySchemaCompiler<unknown> {
  const common = { allErrors: true, useDefaults: true, removeAdditional: false, strict: true, validateFormats: false } as const;
  const textParts = new Ajv2020({ ...common, coerceTypes: 'array' });
  const bodies = new Ajv2020({ ...common, coerceTypes: false });
  return ({ schema, httpPart }) => (httpPart === 'body' ? bodies : textParts).compile(schema as object);
}
