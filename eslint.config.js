import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

/**
 * The layers of src/, lowest first. A module imports only from its own layer and the layers before it;
 * layers on one line are peers that do not import each other (their tests may, to build inputs).
 * `cli` and the top-level `research/` sit on top; nothing in src/ imports research/.
 */
const LAYERS = [
  ['shared'],
  ['imaging', 'karyotype'],
  ['model'],
  ['pipeline'],
  ['charts'],
  ['worker'],
  ['state'],
  ['ui'],
  ['cli'],
];

/** Folders of the portable layers: they run in the worker, in Node and in unit tests, so no React or DOM. */
const PORTABLE = ['shared', 'imaging', 'karyotype', 'model', 'pipeline'];

const TEST_FILES = ['src/**/*.test.ts', 'src/**/testing/**'];

/** Import patterns (as written, relative) that reach into a layer's folder. */
const reach = (layer) => [`**/${layer}/**`];

/** One flat-config block per layer: `no-restricted-imports` with the layers it must not reach. */
function layerBlocks() {
  const blocks = [];
  LAYERS.forEach((level, index) => {
    const above = LAYERS.slice(index + 1).flat();
    for (const layer of level) {
      const peers = level.filter((l) => l !== layer);
      const patterns = [
        {
          group: ['**/research/**'],
          message: 'src/ never imports research/: experiments sit on top of the product.',
        },
      ];
      if (above.length > 0)
        patterns.push({
          group: above.flatMap(reach),
          message: `Dependencies point one way: ${LAYERS.map((l) => l.join(', ')).join(' → ')}; ${layer} may not import ${above.join(', ')}.`,
        });
      if (PORTABLE.includes(layer))
        patterns.push({
          group: ['react', 'react-dom', 'react/*', 'zustand', 'd3', 'd3-*'],
          message: 'Portable layers never import UI libraries.',
        });
      const rule = (extra) => ['error', { patterns: [...patterns, ...extra] }];
      const peerPatterns =
        peers.length > 0
          ? [
              {
                group: peers.flatMap(reach),
                message: `${layer} and ${peers.join(', ')} are peers: only their tests use each other.`,
              },
            ]
          : [];
      blocks.push({ files: [`src/${layer}/**`], rules: { 'no-restricted-imports': rule(peerPatterns) } });
      if (peerPatterns.length > 0)
        blocks.push({
          files: TEST_FILES.map((glob) => glob.replace('src/', `src/${layer}/`)),
          rules: { 'no-restricted-imports': rule([]) },
        });
    }
  });
  return blocks;
}

export default tseslint.config(
  { ignores: ['dist', 'node_modules', 'public', 'test-results', 'playwright-report', '.checkpoints'] },
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        project: ['./tsconfig.json', './tsconfig.worker.json', './tsconfig.node.json'],
        tsconfigRootDir: import.meta.dirname,
      },
      globals: { ...globals.browser, ...globals.node },
    },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/ban-ts-comment': 'error',
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-non-null-assertion': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { ignoreRestSiblings: true, varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['**/*.js', '**/*.mjs'],
    extends: [tseslint.configs.disableTypeChecked],
  },
  {
    files: ['src/**/*.tsx', 'src/ui/**/*.ts', 'src/state/**/*.ts'],
    plugins: { 'react-hooks': reactHooks },
    rules: reactHooks.configs.recommended.rules,
  },
  ...layerBlocks(),
  {
    files: ['src/main.tsx'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/cli/**', '**/research/**'],
              message: 'The app never imports the command line or research/.',
            },
          ],
        },
      ],
    },
  },
  {
    files: PORTABLE.map((layer) => `src/${layer}/**`),
    rules: {
      'no-restricted-globals': [
        'error',
        'document',
        'window',
        'localStorage',
        'HTMLElement',
        'HTMLCanvasElement',
      ],
    },
  },
);
