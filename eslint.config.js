// @ts-check
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', '**/__generated__/**', '.stryker-tmp/', 'reports/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: globals.node },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-restricted-syntax': [
        'error',
        { selector: 'TSEnumDeclaration', message: 'Use an `as const` object: enums are not erasable syntax.' },
        { selector: 'TSParameterProperty', message: 'Parameter properties are not erasable syntax.' },
      ],
    },
  },
  {
    // Code that runs in a browser page (the explorer's start script).
    files: ['src/explorer/browser/**/*.js'],
    languageOptions: { globals: { ...globals.browser, React: 'readonly', ReactDOM: 'readonly', GraphiQL: 'readonly' } },
  },
  {
    // Layer boundaries from the design: resolvers never speak a wire protocol, clients never speak GraphQL.
    // Resolvers reach backends through the loaders and clients only: none of what the clients
    // (HTTP, gRPC, SOAP, breakers) or the cache and throttle stores (keyv, Redis) are built on.
    files: ['resolvers/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: ['got', '@grpc/*', 'saxes', 'node:http', 'node:https', 'node:net', 'opossum', 'keyv', '@keyv/*', '@redis/*', 'dataloader'] },
      ],
    },
  },
  {
    files: ['clients/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: ['graphql', 'graphql/*', '@apollo/*'] }],
    },
  },
);
