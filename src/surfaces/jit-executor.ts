import type { ApolloServerOptionsWithGateway } from '@apollo/server';
import { execute, getVariableValues, GraphQLError, type DocumentNode, type Source, type ExecutionResult, type GraphQLSchema } from 'graphql';
import { compileQuery, isCompiledQuery, type CompiledQuery } from 'graphql-jit';
import { LRUCache } from 'lru-cache';
import type { GatewayContext } from '../context.ts';

type GatewayInterface = ApolloServerOptionsWithGateway<GatewayContext>['gateway'];
type SchemaListener = Parameters<GatewayInterface['onSchemaLoadOrUpdate']>[0];

/** What {@link jitExecutor} reports. */
export interface JitExecutorOptions {
  /** Called once per document graphql-jit could not compile (it runs on graphql-js instead), with the reason. */
  onFallback?: (operationName: string | undefined, reason: string) => void;
  /** Most compiled documents kept (least recently used go first). Default 1,000. */
  maxDocuments?: number;
}

const DEFAULT_MAX_DOCUMENTS = 1_000;

/** graphql-js's bound on variable coercion errors, so a refusal lists the same errors. */
const MAX_VARIABLE_ERRORS = 50;

/** Where each line of a document's text starts, by source: found once per parsed document, not per error. */
const lineStartsBySource = new WeakMap<Source, readonly number[]>();

function lineStartsOf(source: Source): readonly number[] {
  let lineStarts = lineStartsBySource.get(source);
  if (!lineStarts) {
    // Line breaks as graphql-js counts them (getLocation).
    lineStarts = [0, ...[...source.body.matchAll(/\r\n|[\n\r]/g)].map((match) => match.index + match[0].length)];
    lineStartsBySource.set(source, lineStarts);
  }
  return lineStarts;
}

/**
 * The error graphql-js would have made: graphql-jit's errors carry `locations` but no source
 * positions and no `extensions` object, and Apollo rebuilds every error from its source positions
 * and reads its `extensions`. Positions come back from the line and column in the document's text.
 */
function asGraphQLJsError(error: GraphQLError, document: DocumentNode): GraphQLError {
  const source = document.loc?.source;
  let positions: number[] | undefined;
  if (source && error.locations) {
    const lineStarts = lineStartsOf(source);
    positions = error.locations.map(({ line, column }) => (lineStarts[line - 1] ?? 0) + column - 1);
  }
  return new GraphQLError(error.message, {
    ...(source && positions ? { source, positions } : {}),
    ...(error.path ? { path: error.path } : {}),
    ...(error.originalError ? { originalError: error.originalError } : {}),
    ...(error.extensions ? { extensions: error.extensions } : {}),
  });
}

/**
 * Apollo Server's one supported hook for another executor (its `gateway` interface) serving a
 * fixed schema with graphql-jit: each query document is compiled once, on first use, and kept by
 * the hash Apollo gives its text (the key of Apollo's document cache) in a bounded LRU, so
 * requests that parsed the same text at the same time still share one compilation.
 * Variables are coerced by graphql-js first, so a bad variable is refused with graphql-js's own
 * errors. Mutations, subscriptions and any document graphql-jit cannot compile run on graphql-js
 * exactly as Apollo would run them.
 */
export function jitExecutor(schema: GraphQLSchema, options: JitExecutorOptions = {}): GatewayInterface {
  const compiled = new LRUCache<string, { query: CompiledQuery | null }>({ max: options.maxDocuments ?? DEFAULT_MAX_DOCUMENTS });
  const listeners = new Set<SchemaListener>();

  const compiledFor = (queryHash: string, document: DocumentNode, operationName: string | undefined): CompiledQuery | null => {
    const key = `${queryHash}:${operationName ?? ''}`;
    let entry = compiled.get(key);
    if (!entry) {
      const result = compileQuery(schema, document, operationName);
      entry = { query: isCompiledQuery(result) ? result : null };
      if (!entry.query) options.onFallback?.(operationName, (result as ExecutionResult).errors?.map((e) => e.message).join('; ') ?? 'unknown');
      compiled.set(key, entry);
    }
    return entry.query;
  };

  const executor: Awaited<ReturnType<GatewayInterface['load']>>['executor'] = async (requestContext) => {
    const { document, operation, request, context, queryHash } = requestContext;
    const variables = request.variables ?? {};
    const query = operation?.operation === 'query' ? compiledFor(queryHash, document, operation.name?.value) : null;
    if (!query || !operation) {
      return execute({ schema, document, contextValue: context, variableValues: variables, operationName: request.operationName ?? null }) as Promise<ExecutionResult>;
    }
    const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], variables, { maxErrors: MAX_VARIABLE_ERRORS });
    if (coerced.errors) return { errors: coerced.errors };
    const result = (await query.query(undefined, context, variables)) as ExecutionResult;
    return result.errors ? { ...result, errors: result.errors.map((error) => asGraphQLJsError(error, document)) } : result;
  };

  return {
    async load() {
      for (const listener of listeners) listener({ apiSchema: schema, coreSupergraphSdl: '' });
      return { executor };
    },
    onSchemaLoadOrUpdate(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async stop() {
      listeners.clear();
    },
  };
}
