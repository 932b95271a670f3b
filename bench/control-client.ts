/** Per-service counters of the reference backends (the parts the bench reads). */
export interface ServiceCounters {
  calls: number;
  byMethod: Record<string, number>;
}

/** The backends' control plane over HTTP (`GET /stats`, `POST /reset`). */
export interface ControlClient {
  /** Clears every counter and fault knob. */
  reset(): Promise<void>;
  /** Counters per service since the last reset. */
  stats(): Promise<Record<string, ServiceCounters>>;
  /** Calls per service that carried `x-request-id: requestId`, among each service's most recent 1,000 calls. */
  callsForRequest(requestId: string): Promise<Record<string, number>>;
  /** Changes fault knobs of one service (`PATCH /faults/:service`), e.g. `{hang: true}`. */
  setFaults(service: string, faults: Record<string, number | boolean>): Promise<void>;
}

/** A client for the control plane at `baseUrl`. */
export function controlClient(baseUrl: string): ControlClient {
  return {
    async reset() {
      const response = await fetch(`${baseUrl}/reset`, { method: 'POST', signal: AbortSignal.timeout(10_000) });
      await response.arrayBuffer();
      if (!response.ok) throw new Error(`control plane reset: HTTP ${response.status}`);
    },
    async stats() {
      const response = await fetch(`${baseUrl}/stats`, { signal: AbortSignal.timeout(30_000) });
      if (!response.ok) throw new Error(`control plane stats: HTTP ${response.status}`);
      const all = (await response.json()) as Record<string, ServiceCounters>;
      return Object.fromEntries(Object.entries(all).map(([service, s]) => [service, { calls: s.calls, byMethod: s.byMethod }]));
    },
    async setFaults(service, faults) {
      const response = await fetch(`${baseUrl}/faults/${service}`, {
        method: 'PATCH',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(faults),
        signal: AbortSignal.timeout(10_000),
      });
      await response.arrayBuffer();
      if (!response.ok) throw new Error(`control plane faults of ${service}: HTTP ${response.status}`);
    },
    async callsForRequest(requestId) {
      const response = await fetch(`${baseUrl}/stats`, { signal: AbortSignal.timeout(30_000) });
      if (!response.ok) throw new Error(`control plane stats: HTTP ${response.status}`);
      const all = (await response.json()) as Record<string, { recent: { requestId?: string }[] }>;
      return Object.fromEntries(Object.entries(all).map(([service, s]) => [service, s.recent.filter((call) => call.requestId === requestId).length]));
    },
  };
}

/** Total calls over every service. */
export function totalCalls(stats: Record<string, ServiceCounters>): number {
  return Object.values(stats).reduce((sum, s) => sum + s.calls, 0);
}
