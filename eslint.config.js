import { readdirSync } from 'node:fs';
import js from '@eslint/js';
import checkFile from 'eslint-plugin-check-file';
import globals from 'globals';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

// The layers (docs/decisions/0008-layers.md): the app shell (src/app, src/main.tsx) may import
// features and src/lib; a feature (src/features/<name>) may import src/lib and itself, never
// another feature or the app; src/lib imports only src/lib; the ingest (src/ingest) imports only
// itself and the shared contract below. tests/, scripts/ and bench/ may import anything. The rules match the import
// specifier (the code base imports by relative path only), so a pattern says "climbs out of the
// folder with ../ and enters folder X".
const features = readdirSync(new URL('./src/features', import.meta.url), { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name);

/** A relative import that climbs out of its folder (`../`, once or more)… */
const CLIMB = String.raw`^(?:\./)?(?:\.\./)+`;
/** …and then enters one of `folders` (or the module `folder.ts(x)`, for main.tsx). */
const into = (...folders) => `${CLIMB}(?:${folders.join('|')})(?:/|\\.tsx?$|$)`;

/** The files of src/lib that both the ingest and the app use: the data format and its rules. */
const SHARED_CONTRACT = [
  'timeline-data',
  'timeline-schema',
  'relationship',
  'validate-timeline',
  'event-kinds',
  'partial-date',
  'event-ids',
];

const noIngest = {
  regex: into('ingest'),
  message: 'The ingest is build-time Node code; browser code must not import it.',
};

/** no-restricted-imports options: exactly one entry applies to each file (later ones replace). */
const layerRules = [
  {
    files: ['src/app/**', 'src/main.tsx'],
    rules: { 'no-restricted-imports': ['error', { patterns: [noIngest] }] },
  },
  ...features.map((feature) => ({
    files: [`src/features/${feature}/**`],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: into(
                ...features
                  .filter((other) => other !== feature)
                  .map((other) => `(?:features/)?${other}`),
              ),
              message: `A feature must not import another feature; move what ${feature} shares into src/lib, or compose the two in src/app.`,
            },
            {
              regex: into('app', 'main'),
              message:
                'A feature must not import the app shell; the app passes what a feature needs as props.',
            },
            noIngest,
          ],
        },
      ],
    },
  })),
  {
    files: ['src/lib/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: into('features', 'app', 'main'),
              message: 'src/lib is shared code: it must not import a feature or the app shell.',
            },
            noIngest,
          ],
        },
      ],
    },
  },
  {
    files: ['src/ingest/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: into('app', 'features', 'styles', 'main'),
              message:
                'The ingest must not import browser code; it may use only the shared contract in src/lib.',
            },
            {
              regex: `${CLIMB}lib/(?!(?:${SHARED_CONTRACT.join('|')})(?:\\.ts)?$)`,
              message: `The ingest may import only the shared contract from src/lib (${SHARED_CONTRACT.join(', ')}).`,
            },
            {
              group: [
                'react',
                'react-dom',
                'react-dom/*',
                '@tanstack/*',
                'vis-data',
                'vis-data/*',
                'vis-timeline',
                'vis-timeline/*',
              ],
              message:
                'The ingest runs in Node at build time; browser libraries do not belong in it.',
            },
          ],
        },
      ],
      'no-restricted-globals': [
        'error',
        ...['window', 'document', 'navigator', 'localStorage', 'location'].map((name) => ({
          name,
          message: 'The ingest runs in Node at build time; there is no browser here.',
        })),
      ],
    },
  },
];

export default tseslint.config(
  {
    ignores: [
      'dist',
      'public/data',
      'node_modules',
      'test-results',
      'playwright-report',
      'bench/results',
      'bench/.work',
    ],
  },
  {
    files: ['**/*.{ts,tsx}'],
    extends: [js.configs.recommended, ...tseslint.configs.recommended],
    languageOptions: {
      ecmaVersion: 2022,
      globals: { ...globals.browser, ...globals.node },
    },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['**/*.js'],
    extends: [js.configs.recommended],
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
  },
  ...layerRules,
  {
    // kebab-case file and folder names ("timeline-view.tsx", "01-read.ts"); what follows the first
    // dot is free ("filter-events.test.ts", "vite.config.ts").
    files: ['**/*.{ts,tsx,js}'],
    plugins: { 'check-file': checkFile },
    rules: {
      'check-file/filename-naming-convention': [
        'error',
        { '**/*.{ts,tsx,js}': '+([a-z0-9])*(-+([a-z0-9]))' },
        { ignoreMiddleExtensions: true },
      ],
      'check-file/folder-naming-convention': [
        'error',
        { '{src,tests,scripts,bench}/**/': '+([a-z0-9])*(-+([a-z0-9]))' },
      ],
    },
  },
);
