import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
}

interface CpuProfile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples?: number[];
}

/** A function's share of a CPU profile. */
export interface ProfileFrame {
  frame: string;
  selfPercent: number;
}

function where(url: string): string {
  const modules = url.lastIndexOf('node_modules/');
  if (modules >= 0) return url.slice(modules + 'node_modules/'.length);
  const root = url.search(/\/(src|clients|resolvers|backends)\//);
  return root >= 0 ? url.slice(root + 1) : url.replace(/^file:\/\//, '');
}

/**
 * The top `count` (default 15) frames by self time (share of busy samples, idle excluded) over every `.cpuprofile` in `dir`, and the same
 * grouped by package or project folder.
 */
export function summarizeProfiles(dir: string, count = 15): { frames: ProfileFrame[]; packages: ProfileFrame[] } {
  const self = new Map<string, number>();
  const byPackage = new Map<string, number>();
  let total = 0;
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.cpuprofile'))) {
    const profile = JSON.parse(readFileSync(join(dir, file), 'utf8')) as CpuProfile;
    for (const node of profile.nodes) {
      const hits = node.hitCount ?? 0;
      // Idle time is not CPU: shares are of the time the gateway was busy.
      if (hits === 0 || node.callFrame.functionName === '(idle)') continue;
      const { functionName, url, lineNumber } = node.callFrame;
      const place = url ? where(url) : '';
      const key = `${functionName || '(anonymous)'} ${place ? `${place}:${lineNumber + 1}` : ''}`.trim();
      self.set(key, (self.get(key) ?? 0) + hits);
      const pkg = url.includes('node_modules/')
        ? (/node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url)?.[1] ?? 'node_modules')
        : url.startsWith('node:')
          ? 'node internals'
          : url
            ? (place.split('/')[0] ?? place)
            : functionName || '(native)';
      byPackage.set(pkg, (byPackage.get(pkg) ?? 0) + hits);
      total += hits;
    }
  }
  const top = (map: Map<string, number>) =>
    [...map.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, count)
      .map(([frame, hits]) => ({ frame, selfPercent: total > 0 ? (hits / total) * 100 : 0 }));
  return { frames: top(self), packages: top(byPackage) };
}
