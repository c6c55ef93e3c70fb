// Lint: typescript-eslint with type information, plus the rule that keeps workflows/
// deterministic (no Node built-ins, no I/O clients, no non-deterministic globals).
import tseslint from 'typescript-eslint';
import { builtinModules } from 'node:module';

const ioPackages = [
  '@temporalio/client',
  '@temporalio/worker',
  '@temporalio/activity',
  'pg',
  'knex',
  'objection',
  'express',
  'socket.io',
  'mediasoup',
  'pino',
];

export default tseslint.config(
  { ignores: ['**/node_modules/**', '**/dist/**', 'data/**', '**/*.js', '**/*.mjs', '**/*.cjs'] },
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts', '**/*.tsx'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: false }],
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/ban-ts-comment': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-empty': ['error', { allowEmptyCatch: false }],
    },
  },
  {
    // Workflow code is replayed: it must not touch the outside world or read real time/entropy
    // (Date and Math.random are made deterministic by the workflow sandbox).
    files: ['workflows/**/*.ts'],
    ignores: ['workflows/**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [...builtinModules, ...ioPackages].map((name) => ({
            name,
            message: 'Workflows are deterministic: do I/O in an activity.',
          })),
          patterns: [{ group: ['node:*'], message: 'No Node built-ins in workflows.' }],
        },
      ],
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          // Not even types: the activity contracts live in domain/ (issue 14).
          patterns: [
            {
              group: ['**/activities/**', '**/api/**', '**/db/**', '**/platform/**', '**/runtime/**', '**/sfu/**'],
              message: 'Workflows import domain/ only: activity contracts are in domain/*-activities.ts.',
            },
          ],
        },
      ],
      'no-restricted-globals': [
        'error',
        ...['process', 'setImmediate', 'fetch', 'require', 'performance', 'crypto', 'Buffer', '__dirname'].map(
          (name) => ({ name, message: 'Not deterministic or not available in workflows.' }),
        ),
      ],
    },
  },
  {
    // The Temporal clients beside their workflows (issue 14) run in Node — API, activities, tests —
    // and never in the workflow bundle: workflows/index.ts does not export them.
    files: ['workflows/**/client.ts'],
    rules: {
      'no-restricted-imports': 'off',
      '@typescript-eslint/no-restricted-imports': 'off',
      'no-restricted-globals': 'off',
    },
  },
);
