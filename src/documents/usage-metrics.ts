import { Counter, type Registry } from 'prom-client';

/** The counters of trusted documents, registered once per metrics registry. */
export interface DocumentMetrics {
  /** Operations by surface, client, version and operation (bounded: unregistered values collapse). */
  operations: Counter<'surface' | 'client' | 'version' | 'operation'>;
  /** Documents that are not trusted, by surface, client, version, reason and action (allowed or refused). */
  untrusted: Counter<'surface' | 'client' | 'version' | 'reason' | 'action'>;
  /** Manifest reloads by surface and outcome (ok, failed). */
  reloads: Counter<'surface' | 'outcome'>;
}

const byRegistry = new WeakMap<Registry, DocumentMetrics>();

/** The document counters of a registry, created on first use (both surfaces share them). */
export function documentMetrics(registry: Registry): DocumentMetrics {
  let metrics = byRegistry.get(registry);
  if (!metrics) {
    metrics = {
      operations: new Counter({
        name: 'gateway_client_operations_total',
        help: 'GraphQL operations by surface, client name, client version and operation; names and versions without a registered manifest are counted as "unregistered".',
        labelNames: ['surface', 'client', 'version', 'operation'] as const,
        registers: [registry],
      }),
      untrusted: new Counter({
        name: 'gateway_untrusted_documents_total',
        help: 'Documents not registered for a supported version of the calling client, by surface, client, version, reason and action (allowed in log mode or by the bypass scope, refused in enforce mode).',
        labelNames: ['surface', 'client', 'version', 'reason', 'action'] as const,
        registers: [registry],
      }),
      reloads: new Counter({
        name: 'gateway_document_reloads_total',
        help: 'Reloads of the trusted documents folder by surface and outcome (ok, or failed: the previous set stays in force).',
        labelNames: ['surface', 'outcome'] as const,
        registers: [registry],
      }),
    };
    byRegistry.set(registry, metrics);
  }
  return metrics;
}
