import { isIP } from 'node:net';

/**
 * Channel options that spread a gRPC client's calls over every address its target resolves to
 * (grpc-js's `round_robin` policy; its default, `pick_first`, would send everything to one).
 */
export const ROUND_ROBIN_CHANNEL_OPTIONS = {
  'grpc.service_config': JSON.stringify({ loadBalancingConfig: [{ round_robin: {} }] }),
} as const;

/** Splits `host:port` at its last colon, unwrapping a bracketed IPv6 host. */
function hostOf(address: string): string {
  const host = address.slice(0, address.lastIndexOf(':'));
  return host.startsWith('[') ? host.slice(1, -1) : host;
}

/**
 * The grpc-js target for one or several instances (`host:port` each). One address is resolved by
 * DNS, so a name that resolves to many (a headless Service) reaches them all; several must be IP
 * addresses of one family, which grpc-js takes as an `ipv4:`/`ipv6:` list. Throws otherwise.
 */
export function grpcTarget(addresses: readonly string[]): string {
  if (addresses.length === 0) throw new Error('a gRPC target needs at least one address');
  if (addresses.length === 1) return addresses[0]!;
  const families = new Set(addresses.map((address) => isIP(hostOf(address))));
  if (families.has(0)) throw new Error(`several gRPC instances must be IP addresses (or give one DNS name that resolves to all): ${addresses.join(',')}`);
  if (families.size > 1) throw new Error(`several gRPC instances must all be IPv4 or all IPv6: ${addresses.join(',')}`);
  return `${families.has(6) ? 'ipv6' : 'ipv4'}:${addresses.join(',')}`;
}
