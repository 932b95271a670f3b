import type { ServiceName } from '../../clients/errors.ts';
import type { AttemptReport } from '../../clients/resilience/backend-guard.ts';

/** What is known about one GraphQL request, gathered for its log line and metrics. */
export interface RequestRecord {
  readonly requestId: string;
  /** When the request arrived (epoch ms): its deadline counts from here. */
  readonly arrivedAt: number;
  readonly surface: string;
  readonly traceparent: string;
  clientName?: string;
  clientVersion?: string;
  operationName?: string;
  viewerId?: string;
  /** Backend calls made (attempts), per service. */
  readonly backendCalls: Partial<Record<ServiceName, number>>;
  /** Fields answered from the field cache. */
  cacheHits: number;
  /** Distinct `extensions.code` values of the response's errors. */
  readonly errorCodes: Set<string>;
}

/** Counts an attempt in the request's record. */
export function countAttempt(record: RequestRecord, report: AttemptReport): void {
  record.backendCalls[report.service] = (record.backendCalls[report.service] ?? 0) + 1;
}
