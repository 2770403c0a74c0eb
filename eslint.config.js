// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/** Modules that do I/O, or give access to the clock, randomness or the environment. */
const IO_MODULES = [
  'fs',
  'fs/promises',
  'path',
  'os',
  'http',
  'https',
  'http2',
  'net',
  'dgram',
  'dns',
  'tls',
  'child_process',
  'cluster',
  'worker_threads',
  'process',
  'stream',
  'readline',
  'crypto',
  'url',
  'module',
  'v8',
  'vm',
  'perf_hooks',
  'timers',
];

export default tseslint.config(
  {
    ignores: [
      '**/dist/**',
      '**/dist-test/**',
      'apps/web/e2e-artifacts/**',
      '**/node_modules/**',
      'data/**',
      'bench/results/**',
      'packages/reference-data/scripts/**',
      'packages/reference-data/demo/*.mjs',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { console: 'readonly', process: 'readonly', URL: 'readonly' } },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
      ],
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      eqeqeq: ['error', 'always', { null: 'ignore' }],
    },
  },
  {
    // CommonJS configuration files (dependency-cruiser's).
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs', globals: { module: 'writable', require: 'readonly' } },
  },
  {
    // The web app runs in the browser.
    files: ['apps/web/src/**/*.{ts,tsx}'],
    languageOptions: {
      globals: {
        window: 'readonly',
        document: 'readonly',
        localStorage: 'readonly',
        fetch: 'readonly',
        Headers: 'readonly',
        FormData: 'readonly',
        File: 'readonly',
        Blob: 'readonly',
        HTMLElement: 'readonly',
        location: 'readonly',
        setTimeout: 'readonly',
        clearTimeout: 'readonly',
        requestAnimationFrame: 'readonly',
        performance: 'readonly',
      },
    },
  },
  {
    // The engine does no I/O: no Node built-ins, no database or HTTP client, no clock or randomness
    // it was not given. Its tests may use node:test and node:assert.
    files: ['packages/engine/src/**/*.ts'],
    ignores: ['packages/engine/src/**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: IO_MODULES.map((name) => ({ name, message: 'The engine does no I/O (docs/ARCHITECTURE.md).' })),
          patterns: [
            { group: ['node:*'], message: 'The engine does no I/O: no Node built-in modules.' },
            {
              group: ['pg', '@electric-sql/*', 'fastify', '@fastify/*', '@boucles/server', '@boucles/reference-data', 'undici', 'axios'],
              message: 'The engine does no I/O.',
            },
            // Allow-list of packages, as in src/purity.test.ts: zod, proj4, and highs (HiGHS compiled to
            // WebAssembly, a pure computation library for linear programming, docs/adr/0007; its loader
            // reads its own .wasm file in Node, the engine's code does no I/O itself).
            {
              regex: '^(?!\\.{1,2}/|node:|zod$|proj4$|highs$)',
              message: 'The engine imports only its own modules, zod, proj4 and highs (src/purity.test.ts).',
            },
          ],
        },
      ],
      'no-restricted-globals': [
        'error',
        ...[
          'process',
          'fetch',
          'XMLHttpRequest',
          'WebSocket',
          'require',
          'Buffer',
          'setTimeout',
          'setInterval',
          'setImmediate',
          'performance',
          'crypto',
        ].map((name) => ({ name, message: 'The engine does no I/O and takes no clock or randomness it was not given.' })),
      ],
      'no-restricted-properties': [
        'error',
        { object: 'Date', property: 'now', message: 'Take the current time as a parameter.' },
        { object: 'Math', property: 'random', message: 'Take a random source as a parameter.' },
      ],
      'no-restricted-syntax': [
        'error',
        { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: 'Take the current time as a parameter.' },
        { selector: 'ImportExpression', message: 'No dynamic imports in the engine.' },
      ],
    },
  },
);
