import { defineConfigWithVueTs, vueTsConfigs } from '@vue/eslint-config-typescript';
import prettier from 'eslint-config-prettier';
import pluginVue from 'eslint-plugin-vue';

/**
 * The framework-free core, importable from Node, easy to test and reuse: every folder of `src/`
 * but those of the interface, so a new domain folder is core from its first file.
 */
const CORE = ['src/*/**'];
const INTERFACE = ['src/components/**', 'src/views/**', 'src/stores/**', 'src/i18n/**', 'src/pwa/**'];

/** Zod must be set to run without eval before any schema is built (the app's CSP forbids eval). */
const ZOD = { name: 'zod', message: 'Import z from src/validation/zod.ts, which runs Zod without eval.' };

export default defineConfigWithVueTs(
  {
    ignores: [
      'dist/**',
      'dist-portable/**',
      'coverage/**',
      'test-results/**',
      'playwright-report/**',
      'dev-dist/**',
      'room-data/**',
      'server-data/**',
    ],
  },
  pluginVue.configs['flat/recommended'],
  vueTsConfigs.recommendedTypeChecked,
  {
    rules: {
      'vue/component-api-style': ['error', ['script-setup']],
      'vue/block-lang': ['error', { script: { lang: 'ts' } }],
      'vue/no-v-html': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      // One import line per module, so a reader sees at once what a file takes from it.
      'no-duplicate-imports': ['error', { allowSeparateTypeImports: true }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', ignoreRestSiblings: true }],
    },
  },
  {
    files: ['src/**/*.ts', 'src/**/*.vue'],
    ignores: ['src/validation/zod.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: [ZOD] }],
      // A switch over a union (answer types, statuses, kinds) names every member: a new member
      // is then reported wherever it needs handling, instead of falling into a `default`.
      '@typescript-eslint/switch-exhaustiveness-check': [
        'error',
        { considerDefaultExhaustiveForUnions: false, requireDefaultForNonUnion: false },
      ],
    },
  },
  {
    files: CORE,
    ignores: [...INTERFACE, 'src/validation/zod.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            ZOD,
            { name: 'vue', message: 'The core stays framework-free; keep Vue in stores and components.' },
            { name: 'pinia', message: 'The core stays framework-free; keep Pinia in stores.' },
            { name: 'vue-router', message: 'The core stays framework-free.' },
          ],
        },
      ],
    },
  },
  {
    // The layer order: views and components reach IndexedDB only through the stores.
    files: ['src/views/**', 'src/components/**', 'src/App.vue', 'src/pwa/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [ZOD],
          patterns: [
            {
              group: ['**/storage/*'],
              allowTypeImports: true,
              message: 'Views and components read and write storage through a store (src/stores/).',
            },
          ],
        },
      ],
    },
  },
  prettier,
);
