import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/**
 * One typed surface per capability (#21): from outside a capability, import only its entry module
 * `src/<capability>/index.ts`; console and portal do not import each other (shared views live in
 * `src/platform/views/`); the platform imports no capability and no door. Tests may reach inside.
 */
const CAPABILITIES = [
  'calendar',
  'catalog',
  'guide',
  'interaction',
  'orgs',
  'reports',
  'requests',
  'search',
  'supervision',
];
const TESTS = ['**/*.test.ts', '**/*.test.tsx'];
const CLOCK_RULES = [
  {
    selector: "NewExpression[callee.name='Date'][arguments.length=0]",
    message: 'Use the injected clock (ctx.now(), clockFor(config), test/helpers/clock.ts), never the wall clock.',
  },
  {
    selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']",
    message: 'Use the injected clock, or elapsedMs() from platform/clock.ts for durations.',
  },
];
const up = (depth) => `(\\.\\./){${depth}}`;
const importRules = [1, 2, 3].map((depth) => {
  const files = [`src/${'*/'.repeat(depth)}*.ts`, `src/${'*/'.repeat(depth)}*.tsx`];
  const patterns = [
    {
      regex: `^${up(depth)}(${CAPABILITIES.join('|')})/(?!index\\.js$)`,
      message:
        'Import a capability only through its entry module (src/<capability>/index.ts): see docs/architecture.md.',
    },
  ];
  return [
    { files, ignores: TESTS, rules: { 'no-restricted-imports': ['error', { patterns }] } },
    {
      files: files.map((f) => f.replace('src/*/', 'src/console/')),
      ignores: TESTS,
      rules: {
        'no-restricted-imports': [
          'error',
          {
            patterns: [
              ...patterns,
              {
                regex: `^${up(depth)}portal/`,
                message: 'Console and portal do not import each other: move shared views to src/platform/views/.',
              },
            ],
          },
        ],
      },
    },
    {
      files: files.map((f) => f.replace('src/*/', 'src/portal/')),
      ignores: TESTS,
      rules: {
        'no-restricted-imports': [
          'error',
          {
            patterns: [
              ...patterns,
              {
                regex: `^${up(depth)}console/`,
                message: 'Console and portal do not import each other: move shared views to src/platform/views/.',
              },
            ],
          },
        ],
      },
    },
    {
      files: files.map((f) => f.replace('src/*/', 'src/platform/')),
      ignores: TESTS,
      rules: {
        'no-restricted-imports': [
          'error',
          {
            patterns: [
              {
                regex: `^${up(depth)}(${[...CAPABILITIES, 'console', 'portal', 'api', 'cli', 'app'].join('|')})/`,
                message: 'The platform imports no capability and no door.',
              },
            ],
          },
        ],
      },
    },
  ];
});

export default tseslint.config(
  { ignores: ['node_modules/**', 'data/**', 'dist/**', 'dist.*/**', 'public/vendor/**', '.tmp/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts', '**/*.tsx'],
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // One injected clock (src/platform/clock.ts): code and tests never read the wall clock, so they
    // behave the same on any day (issue: deadlines in December).
    files: ['src/**/*.ts', 'src/**/*.tsx', 'test/**/*.ts'],
    ignores: ['src/platform/clock.ts', 'src/platform/db/migrations/**'],
    rules: { 'no-restricted-syntax': ['error', ...CLOCK_RULES] },
  },
  {
    // Typed doors: a handler reads its input as its route schema types it, never through a cast.
    files: [
      'src/console/**/*.ts',
      'src/console/**/*.tsx',
      'src/portal/**/*.ts',
      'src/portal/**/*.tsx',
      'src/api/**/*.ts',
      'src/api/**/*.tsx',
    ],
    ignores: TESTS,
    rules: {
      'no-restricted-syntax': [
        'error',
        ...CLOCK_RULES,
        {
          selector: "TSAsExpression > MemberExpression[object.name='req'][property.name=/^(body|query|params)$/]",
          message: 'Declare the route schema (src/platform/http/schemas.ts) instead of casting the request input.',
        },
      ],
    },
  },
  {
    // The composition root and the CLI load capabilities lazily (`await import(…)`): through the entry module too.
    files: ['src/app/**/*.ts', 'src/cli/**/*.ts'],
    ignores: TESTS,
    rules: {
      'no-restricted-syntax': [
        'error',
        ...CLOCK_RULES,
        {
          selector: `ImportExpression[source.value=/^(\\.\\.\\/)+(${CAPABILITIES.join('|')})\\/(?!index\\.js$)/]`,
          message: 'Import a capability only through its entry module (src/<capability>/index.ts).',
        },
      ],
    },
  },
  ...importRules.flat(),
  {
    files: ['src/platform/db/migrations/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    files: ['public/**/*.js'],
    languageOptions: { globals: { document: 'readonly', window: 'readonly' } },
  },
  {
    files: ['**/*.mjs', '**/*.js', 'bin/*'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly' } },
  },
);
