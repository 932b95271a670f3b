/** A client version: dotted numbers with an optional pre-release or build suffix (`4.2.0`, `4.3.0-beta.1`). */
export const VERSION_PATTERN = /^\d{1,9}(?:\.\d{1,9}){0,3}(?:[-+][0-9A-Za-z.-]{1,32})?$/;

/**
 * Orders two versions: by their numbers (missing parts count as 0), then a version with a suffix
 * before the same numbers without one (`4.3.0-beta` < `4.3.0`), then by suffix text.
 */
export function compareVersions(a: string, b: string): number {
  const [numbersA = '', suffixA = ''] = splitVersion(a);
  const [numbersB = '', suffixB = ''] = splitVersion(b);
  const partsA = numbersA.split('.').map(Number);
  const partsB = numbersB.split('.').map(Number);
  for (let i = 0; i < Math.max(partsA.length, partsB.length); i += 1) {
    const difference = (partsA[i] ?? 0) - (partsB[i] ?? 0);
    if (difference !== 0) return Math.sign(difference);
  }
  if (suffixA === suffixB) return 0;
  if (suffixA === '') return 1;
  if (suffixB === '') return -1;
  return suffixA < suffixB ? -1 : 1;
}

function splitVersion(version: string): [string, string] {
  const at = version.search(/[-+]/);
  return at === -1 ? [version, ''] : [version.slice(0, at), version.slice(at)];
}
