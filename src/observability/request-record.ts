import type { ServiceName } from '../../clients/errors.ts';
import type { AttemptReport } from '../../clients/call-options.ts';

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
  /** Present when the response reports its backend calls (`extensions.plan`): every attempt and batch, in order. */
  plan?: CallLog;
}

/** The backend calls a request made, for `extensions.plan`. */
export interface CallLog {
  /** Every attempt: service, method, outcome (`ok` or the failure's code), duration in ms, attempt number. */
  readonly calls: { service: ServiceName; method: string; outcome: string; durationMs: number; attempt: number }[];
  /** Keys per batched call, by `service method`, in order. */
  readonly batches: Record<string, number[]>;
}

/** Counts an attempt in the request's record. */
export function countAttempt(record: RequestRecord, report: AttemptReport): void {
  record.backendCalls[report.service] = (record.backendCalls[report.service] ?? 0) + 1;
  record.plan?.calls.push({
    service: report.service,
    method: report.operation,
    outcome: report.outcome,
    durationMs: Math.round(report.durationMs * 100) / 100,
    attempt: report.attempt,
  });
}

/** Notes the keys of one batched backend call, when the request reports its calls. */
export function noteBatch(record: RequestRecord, service: ServiceName, method: string, keys: number): void {
  if (!record.plan) return;
  (record.plan.batches[`${service} ${method}`] ??= []).push(keys);
}
