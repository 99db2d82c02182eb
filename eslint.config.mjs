// Lint: a small rule set for what the compiler (strict, noUnusedLocals,
// noUnusedParameters) does not see. Each rule says why it is here; add one
// only for a mistake that happened, and keep it fast (no type information).
import tseslint from 'typescript-eslint';

// The engine is text + config in, findings + edits out: no editor, LSP or file system.
const ENGINE_IMPORTS = {
  patterns: [
    { group: ['vscode', 'vscode-*', 'vscode-languageserver*', 'vscode-jsonrpc*'], message: 'The engine imports nothing from vscode or the LSP libraries (ARCHITECTURE.md).' },
    { group: ['fs', 'node:fs', 'fs/*', 'node:fs/*', 'child_process', 'node:child_process'], message: 'The engine does no I/O: the server and the CLI read files and pass text.' },
    { group: ['../features/*', '../../features/*', '../server', '../../server', '../cli', '../../cli', '../insights', '../configFiles', '../../configFiles'], message: 'Imports flow one way: front ends import the engine, never the reverse.' },
  ],
};

export default tseslint.config(
  { ignores: ['**/out/**', '**/node_modules/**', 'test/e2e/.run/**', 'test/e2e/artifacts/**', 'server/src/engine/rules/index.ts', 'server/src/engine/config-validate.generated.ts', 'server/src/version.ts', '**/*.js', '**/*.mjs', '**/*.cjs'] },
  {
    files: ['**/*.ts'],
    languageOptions: { parser: tseslint.parser },
    plugins: { '@typescript-eslint': tseslint.plugin },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      // `==` coerces; null checks (`x == null`) are the one use that reads well.
      eqeqeq: ['error', 'smart'],
      'no-var': 'error',
      'prefer-const': ['error', { destructuring: 'all' }],
      // `if (x = y)` is a typo unless written `if ((x = y))` (the regex exec loops).
      'no-cond-assign': ['error', 'except-parens'],
      'no-self-compare': 'error',
      'no-debugger': 'error',
      'no-duplicate-imports': 'error',
      // A test left `.only` runs alone in CI and everything else silently stops running.
      'no-restricted-properties': ['error', { object: 'describe', property: 'only' }, { object: 'it', property: 'only' }],
      // `@ts-ignore` hides whatever error comes next; say which one with @ts-expect-error.
      '@typescript-eslint/ban-ts-comment': ['error', { 'ts-ignore': true, 'ts-nocheck': true, 'ts-expect-error': 'allow-with-description' }],
      // One way to produce bilingual text: msg(vi, en) where it is written, localize() where it is shown.
      'no-restricted-syntax': [
        'error',
        { selector: "ConditionalExpression[test.operator='==='][test.right.value='vi']", message: "Bilingual text: build a Msg with msg(vi, en) and localize(m, locale), not `locale === 'vi' ? … : …`." },
        { selector: "ConditionalExpression[test.operator='==='][test.left.value='vi']", message: "Bilingual text: build a Msg with msg(vi, en) and localize(m, locale), not `locale === 'vi' ? … : …`." },
        { selector: "ConditionalExpression[test.operator='==='][test.right.value='en']", message: "Bilingual text: build a Msg with msg(vi, en) and localize(m, locale), not `locale === 'en' ? … : …`." },
        { selector: "ConditionalExpression[test.operator='==='][test.left.value='en']", message: "Bilingual text: build a Msg with msg(vi, en) and localize(m, locale), not `locale === 'en' ? … : …`." },
        { selector: "ConditionalExpression[test.type='Identifier'][test.name=/^(vi|en|isVi|isEn)$/]", message: 'Bilingual text: build a Msg with msg(vi, en) and localize(m, locale), not `vi ? … : …`.' },
      ],
    },
  },
  {
    // localize() itself: the one place a locale picks a text.
    files: ['server/src/engine/msg.ts'],
    rules: { 'no-restricted-syntax': 'off' },
  },
  {
    files: ['server/src/engine/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', ENGINE_IMPORTS] },
  },
);
