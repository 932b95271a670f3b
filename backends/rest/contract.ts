import { readFileSync } from 'node:fs';
import type { FastifySchema } from 'fastify';
import { parse } from 'yaml';

/** An OpenAPI document with every local `$ref` replaced by what it points to. */
export type ResolvedContract = Record<string, unknown>;

/** What a route needs from one contract operation. */
export interface OperationSchema {
  /** Fastify route schema: params, querystring, body and 2xx response schemas from the contract. */
  schema: FastifySchema;
  /** Query parameters declared as `style: form, explode: false` arrays: sent comma-separated. */
  commaLists: string[];
}

type Json = Record<string, unknown>;
interface Parameter {
  name: string;
  in: string;
  required?: boolean;
  explode?: boolean;
  schema: Json;
}

const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);

function pointer(root: Json, ref: string): unknown {
  return ref
    .slice(2)
    .split('/')
    .map((part) => part.replaceAll('~1', '/').replaceAll('~0', '~'))
    .reduce<unknown>((node, part) => (isObject(node) ? node[part] : undefined), root);
}

function resolve(node: unknown, root: Json): unknown {
  if (Array.isArray(node)) return node.map((item) => resolve(item, root));
  if (!isObject(node)) return node;
  if (typeof node.$ref === 'string' && node.$ref.startsWith('#/')) {
    const target = pointer(root, node.$ref);
    if (target === undefined) throw new Error(`unresolved $ref ${node.$ref}`);
    return resolve(target, root);
  }
  return Object.fromEntries(Object.entries(node).map(([key, value]) => [key, resolve(value, root)]));
}

/** Reads an OpenAPI YAML contract and inlines its local references (the contracts have no cycles). */
export function loadContract(file: URL): ResolvedContract {
  const root = parse(readFileSync(file, 'utf8')) as Json;
  return resolve(root, root) as ResolvedContract;
}

function objectOf(parameters: Parameter[]): Json | undefined {
  if (parameters.length === 0) return undefined;
  return {
    type: 'object',
    additionalProperties: false,
    properties: Object.fromEntries(parameters.map((p) => [p.name, p.schema])),
    required: parameters.filter((p) => p.required).map((p) => p.name),
  };
}

/** The route schema of one operation, e.g. `operationSchema(contract, 'get', '/users/{id}')`. */
export function operationSchema(contract: ResolvedContract, method: string, path: string): OperationSchema {
  const paths = contract.paths as Json;
  const operation = (paths[path] as Json | undefined)?.[method.toLowerCase()] as Json | undefined;
  if (!operation) throw new Error(`the contract has no ${method.toUpperCase()} ${path}`);
  const parameters = (operation.parameters ?? []) as Parameter[];
  const query = parameters.filter((p) => p.in === 'query');
  const schema: FastifySchema = {};
  const params = objectOf(parameters.filter((p) => p.in === 'path'));
  if (params) schema.params = params;
  const querystring = objectOf(query);
  if (querystring) schema.querystring = querystring;
  const body = ((operation.requestBody as Json | undefined)?.content as Json | undefined)?.['application/json'] as Json | undefined;
  if (body) schema.body = body.schema;
  const response: Json = {};
  for (const [status, answer] of Object.entries(operation.responses as Json)) {
    const json = ((answer as Json).content as Json | undefined)?.['application/json'] as Json | undefined;
    if (status.startsWith('2') && json) response[status] = json.schema;
  }
  schema.response = response;
  const commaLists = query.filter((p) => p.schema.type === 'array' && p.explode === false).map((p) => p.name);
  return { schema, commaLists };
}
