import js from '@eslint/js';
import tseslint from 'typescript-eslint';

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
    rules: {
      'no-restricted-syntax': [
        'error',
        { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: 'Use the injected clock (ctx.now(), clockFor(config), test/helpers/clock.ts), never the wall clock.' },
        { selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']", message: 'Use the injected clock, or elapsedMs() from platform/clock.ts for durations.' },
      ],
    },
  },
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
