// Prints a signed development token: npm run token -- <userId> [--role admin] [--surface web|mobile] [--ttl 3600]
import { parseArgs } from 'node:util';
import { loadConfig } from '../src/config.ts';
import { signToken } from './sign-token.ts';

function usage(): never {
  console.error('usage: npm run token -- <userId> [--role admin] [--surface web|mobile] [--scope "a b"] [--ttl seconds]');
  process.exit(2);
}

// parseArgs throws on an unknown option or a missing value: that is bad usage too (exit 2, not a stack trace).
const { values, positionals } = (() => {
  try {
    return parseArgs({
      allowPositionals: true,
      options: {
        role: { type: 'string', multiple: true, default: [] },
        surface: { type: 'string', multiple: true, default: [] },
        scope: { type: 'string', default: '' },
        ttl: { type: 'string', default: '3600' },
      },
    });
  } catch {
    return usage();
  }
})();
const userId = positionals[0];
const ttlSeconds = Number(values.ttl);
const surfaces = values.surface.length > 0 ? values.surface : ['web', 'mobile'];
if (!userId || !Number.isInteger(ttlSeconds) || ttlSeconds <= 0 || surfaces.some((s) => s !== 'web' && s !== 'mobile')) {
  usage();
}
const config = loadConfig();
const token = await signToken(config.jwt, { subject: userId, roles: values.role, scope: values.scope, audience: surfaces, expiresIn: `${ttlSeconds}s` });
console.log(token);
