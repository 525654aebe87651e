import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';
import path from 'node:path';

/*
 * The web app's boundaries (web/src): a feature uses another only through that feature's public
 * file (features/<name>/index.ts), and ui/ (the design components every feature shares) never
 * imports a feature. Imports are resolved against the importing file, so `../states/StateName`
 * and `../../features/states/StateName` are the same import.
 */
const WEB_SRC = path.resolve(import.meta.dirname, 'web/src');
const FEATURES = path.join(WEB_SRC, 'features');
const UI = path.join(WEB_SRC, 'ui');
const PUBLIC_FILE = /^index(\.tsx?)?$/;

/** The feature a path is in, and the rest of its path inside it: `{ name: 'states', rest: 'StateName' }`. */
function featureOf(file) {
  const relative = path.relative(FEATURES, file);
  if (relative.startsWith('..') || path.isAbsolute(relative)) return null;
  const [name, ...rest] = relative.split(path.sep);
  return { name, rest: rest.join('/') };
}

const webBoundaries = {
  rules: {
    'feature-imports': {
      meta: {
        type: 'problem',
        docs: { description: 'Web features import each other only through a public index.ts; ui/ imports no feature' },
        messages: {
          internal: 'features/{{from}} imports features/{{target}}: use another feature only through its public file, features/{{to}}/index.ts (export what is needed there).',
          uiImportsFeature: 'ui/ imports features/{{target}}: the shared design components never depend on a feature (move what both need into ui/).',
        },
        schema: [],
      },
      create(context) {
        const file = context.filename;
        const from = featureOf(file);
        const inUi = !path.relative(UI, file).startsWith('..');
        const check = (node, source) => {
          if (typeof source !== 'string' || !source.startsWith('.')) return;
          const target = featureOf(path.resolve(path.dirname(file), source));
          if (!target) return;
          const data = { from: from?.name, to: target.name, target: target.rest ? `${target.name}/${target.rest}` : target.name };
          if (inUi) context.report({ node, messageId: 'uiImportsFeature', data });
          else if (from && from.name !== target.name && target.rest !== '' && !PUBLIC_FILE.test(target.rest)) context.report({ node, messageId: 'internal', data });
        };
        const fromSource = (node) => node.source && check(node.source, node.source.value);
        return {
          ImportDeclaration: fromSource,
          ExportNamedDeclaration: fromSource,
          ExportAllDeclaration: fromSource,
          ImportExpression: (node) => node.source.type === 'Literal' && check(node.source, node.source.value),
        };
      },
    },
  },
};

export default tseslint.config(
  { ignores: ['**/node_modules/**', '**/dist/**', 'server/drizzle/**', 'data/**', 'data-*/**', 'web/src/api/schema.d.ts'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      eqeqeq: ['error', 'always'],
      'no-console': 'off',
    },
  },
  {
    // Domain code stays typed; tests may read loose JSON bodies.
    files: ['server/test/**', 'web/test/**'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    // Web boundaries (issue #11, item 2): see webBoundaries above.
    files: ['web/src/**'],
    plugins: { 'web-boundaries': webBoundaries },
    rules: { 'web-boundaries/feature-imports': 'error' },
  },
);
