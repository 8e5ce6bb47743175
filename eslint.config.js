// Lint rules, including the layer boundaries of docs/architecture.md.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const layer = (from, banned, message) => ({
  files: [`src/${from}/**/*.ts`],
  rules: {
    'no-restricted-imports': ['error', { patterns: banned.map((group) => ({ group: [group], message })) }],
  },
});

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'data/**', 'coverage/**', 'web/dist/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-restricted-properties': ['error', { object: 'process', property: 'env', message: 'read configuration in src/config.ts only' }],
    },
  },
  layer(
    'domain',
    [
      'node:*',
      '**/db/**',
      '**/io/**',
      '**/server/**',
      '**/services/**',
      '**/cli/**',
      'kysely',
      'pg',
      'better-sqlite3',
      'fastify*',
      'commander',
    ],
    'the domain is pure: no I/O, no framework (docs/architecture.md)',
  ),
  layer(
    'services',
    ['**/db/**', '**/io/**', '**/server/**', '**/cli/**', 'kysely', 'pg', 'better-sqlite3', 'fastify*'],
    'services use their ports (services/<capability>.ports.ts), never an adapter',
  ),
  layer('db', ['**/server/**', '**/cli/**', '**/io/**'], 'the database layer does not know HTTP, CLI or file formats'),
  layer('io', ['**/db/**', '**/server/**', '**/cli/**'], 'file formats do not know the database, HTTP or the CLI'),
  layer('server', ['**/cli/**', '**/db/**'], 'the server calls services; only main.ts wires the database'),
  layer('cli', ['**/db/**', '**/server/app*'], 'the CLI calls services; only main.ts wires the database'),
  {
    files: ['web/src/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/src/db/**', '**/src/server/**', '**/src/services/**', '**/src/io/**', '**/src/cli/**', 'node:*'],
              message: 'the web app imports the domain and its API client only',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['**/*.js', '**/*.mjs'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly', performance: 'readonly' } },
  },
  {
    files: ['src/config.ts', 'src/cli/io.ts', 'src/testing/**', 'scripts/**', 'bench/**', 'tests/**', '**/*.test.ts'],
    rules: { 'no-restricted-properties': 'off' },
  },
);
