import { z } from 'zod';
import { SURFACE_NAMES, type SurfaceName } from '../surface-names.ts';
import { compareVersions, VERSION_PATTERN } from './versions.ts';

const version = z.string().regex(VERSION_PATTERN, 'expected a version such as 4.2.0');

/** An accepted schema change: the schema gate lets it break the named documents until it expires. */
export interface PolicyException {
  /** The schema coordinate the change touches, as the gate names it (`ProductCard.priceLabel`, `OrderStatus`). */
  coordinate: string;
  /** Versions it covers; every version when absent. */
  versions?: string[] | undefined;
  /** The operation it covers; every operation when absent. */
  operation?: string | undefined;
  /** Last day it is honoured (`YYYY-MM-DD`, UTC). */
  expires: string;
  /** Why the break is accepted, for the reviewer. */
  reason: string;
}

/**
 * A client's policy (`documents/<client>/policy.yaml`): the surface it calls, which of its
 * versions are supported (either `lowestSupported` or an explicit `supported` list), and the
 * schema changes accepted although they break some of its documents.
 */
export interface ClientPolicy {
  surface: SurfaceName;
  lowestSupported?: string | undefined;
  supported?: string[] | undefined;
  exceptions: PolicyException[];
}

/** The policy file's schema. */
export const policySchema = z
  .strictObject({
    surface: z.enum(SURFACE_NAMES),
    lowestSupported: version.optional(),
    supported: z.array(version).min(1).optional(),
    exceptions: z
      .array(
        z.strictObject({
          coordinate: z.string().min(1),
          versions: z.array(version).min(1).optional(),
          operation: z.string().min(1).optional(),
          expires: z.iso.date(),
          reason: z.string().min(1),
        }),
      )
      .default([]),
  })
  .refine((policy) => (policy.lowestSupported === undefined) !== (policy.supported === undefined), 'set exactly one of lowestSupported and supported');

/** Whether the policy supports `version`: listed in `supported`, or at least `lowestSupported`. */
export function isSupported(policy: ClientPolicy, version: string): boolean {
  if (policy.supported) return policy.supported.includes(version);
  return policy.lowestSupported !== undefined && compareVersions(version, policy.lowestSupported) >= 0;
}

/** Whether `version` is below the supported range (older than every supported version): the app must update. */
export function isBelowSupported(policy: ClientPolicy, version: string): boolean {
  const floor = policy.lowestSupported ?? [...(policy.supported ?? [])].sort(compareVersions)[0];
  return floor !== undefined && compareVersions(version, floor) < 0;
}

/** Whether an exception is still honoured on `today` (`YYYY-MM-DD`). */
export function isInForce(exception: PolicyException, today: string): boolean {
  return today <= exception.expires;
}
