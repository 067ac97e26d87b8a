/**
 * The framework floors' builds (benchmark only), one page each: as the app is built (feature
 * flags, vue-i18n's tree-shaking fix, compile hints, no message compiler), plus a small service
 * worker that keeps the page and every file of its build, so that it opens offline as the app
 * does. `index.html` is the app's stack, `vue-pinia.html` the two libraries the project is fixed to.
 */
import { join } from 'node:path';
import vue from '@vitejs/plugin-vue';
import type { InlineConfig, Plugin } from 'vite';
import { ROOT } from '../../lib/questionnaires.ts';
import { compileHintsPlugin } from '../../vite/compileHintsPlugin.ts';
import { FEATURE_FLAGS } from '../../vite/featureFlags.ts';
import { vueI18nTreeShakePlugin } from '../../vite/vueI18nTreeShakePlugin.ts';

const HERE = join(ROOT, 'scripts', 'bench', 'framework');

/**
 * `sw.js`: keeps the page and the build's files when installed, then answers from its cache.
 * Matching ignores `Vary`: the preview server varies on `Origin`, which a module script's request
 * carries and the worker's own requests do not.
 */
function precacheWorker(): Plugin {
  return {
    name: 'baseline-bench-framework-worker',
    apply: 'build',
    // After Vite has added the page itself to the bundle.
    generateBundle: {
      order: 'post',
      handler(_options, bundle) {
        const files = Object.keys(bundle).map((file) => `./${file}`);
        // The address of the folder is its index page's too.
        if ('index.html' in bundle) files.push('./');
        this.emitFile({
          type: 'asset',
          fileName: 'sw.js',
          source: `const FILES = ${JSON.stringify(files)};
self.addEventListener('install', (event) =>
  event.waitUntil(caches.open('framework-floor').then((cache) => cache.addAll(FILES)).then(() => self.skipWaiting())),
);
self.addEventListener('activate', (event) => event.waitUntil(self.clients.claim()));
self.addEventListener('fetch', (event) =>
  event.respondWith(caches.match(event.request, { ignoreVary: true }).then((hit) => hit ?? fetch(event.request))),
);
`,
        });
      },
    },
  };
}

export type FrameworkPage = 'index' | 'vue-pinia';

/** The build of one floor's page, into a folder of its own. */
export function frameworkFloor(page: FrameworkPage): InlineConfig {
  return {
    configFile: false,
    root: HERE,
    base: './',
    plugins: [vue(), vueI18nTreeShakePlugin(), compileHintsPlugin(), precacheWorker()],
    // The app gets the last one from its messages plugin (scripts/vite/i18nMessagesPlugin.ts).
    define: { ...FEATURE_FLAGS, __INTLIFY_DROP_MESSAGE_COMPILER__: 'true' },
    build: {
      target: 'es2022',
      modulePreload: { polyfill: false },
      rolldownOptions: { input: join(HERE, `${page}.html`) },
      outDir: join(ROOT, 'node_modules', '.cache', 'baseline-bench', `framework-${page}`),
      emptyOutDir: true,
    },
  };
}
