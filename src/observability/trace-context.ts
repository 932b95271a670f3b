import { randomUUID } from 'node:crypto';

const TRACEPARENT = /^00-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})$/;
const ZERO_TRACE = '0'.repeat(32);
const ZERO_SPAN = '0'.repeat(16);

/**
 * The W3C `traceparent` the gateway sends to backends: the caller's trace continued with a new
 * span id for this request, or a new trace when the caller sent none (or an invalid one).
 */
export function childTraceparent(incoming: string | undefined): string {
  const match = incoming ? TRACEPARENT.exec(incoming.trim().toLowerCase()) : null;
  const spanId = randomHex().slice(0, 16);
  if (match && match[1] !== ZERO_TRACE && match[2] !== ZERO_SPAN) return `00-${match[1]}-${spanId}-${match[3]}`;
  return `00-${randomHex()}-${spanId}-01`;
}

// randomUUID draws from a cached entropy pool: far cheaper per request than randomBytes.
// Its 4 version bits are fixed, which leaves 122 random bits, plenty for trace and span ids.
function randomHex(): string {
  return randomUUID().replaceAll('-', '');
}

/** The trace id of a `traceparent` value. */
export function traceIdOf(traceparent: string): string {
  return traceparent.slice(3, 35);
}
