import vue from '@vitejs/plugin-vue';
import { VitePWA } from 'vite-plugin-pwa';
import { defineConfig } from 'vitest/config';
import { compileHintsPlugin } from './scripts/vite/compileHintsPlugin.ts';
import { FEATURE_FLAGS } from './scripts/vite/featureFlags.ts';
import { cspPlugin } from './scripts/vite/cspPlugin.ts';
import { firstRequestsPlugin } from './scripts/vite/firstRequestsPlugin.ts';
import { i18nMessagesPlugin } from './scripts/vite/i18nMessagesPlugin.ts';
import { questionnairesPlugin } from './scripts/vite/questionnairesPlugin.ts';
import { hasSideEffects } from './scripts/vite/sideEffects.ts';
import { vueI18nTreeShakePlugin } from './scripts/vite/vueI18nTreeShakePlugin.ts';
import { weightProfilesPlugin } from './scripts/vite/weightProfilesPlugin.ts';

/** Modules only a device linked to a server of record loads (the link hint and waiting conflicts are read by all). */
const SERVER_SYNC_ONLY =
  /src[\\/](sync[\\/](?!presence|keys)|storage[\\/]sync\.ts|stores[\\/]sync\.ts|components[\\/]sync[\\/]|views[\\/](LinkView|StatisticsView|ContributionsView|AssessmentContributionsView|PartView)\.vue|components[\\/](statistics|coordination)[\\/]|(statistics|coordination)[\\/]|stores[\\/]coordination\.ts|i18n[\\/](syncMessages\.ts|sync[\\/]))/;

export default defineConfig({
  // Relative paths, so the same build works from any folder on any host (room server, USB stick).
  base: './',
  plugins: [
    vue(),
    vueI18nTreeShakePlugin(),
    i18nMessagesPlugin(),
    questionnairesPlugin(),
    weightProfilesPlugin(),
    cspPlugin(),
    firstRequestsPlugin(),
    compileHintsPlugin(),
    VitePWA({
      // Never swap versions under someone who is answering: the app asks first (src/pwa/).
      registerType: 'prompt',
      injectRegister: false,
      includeAssets: ['favicon.svg', 'icons/*.png'],
      manifest: {
        id: './',
        name: 'Baseline — cybersecurity capacity self-assessment',
        short_name: 'Baseline',
        description:
          'Measure national cybersecurity capacity against the priorities of ITU Resolution 130, offline.',
        lang: 'en',
        start_url: './',
        scope: './',
        display: 'standalone',
        background_color: '#ffffff',
        theme_color: '#0b4f6c',
        icons: [
          { src: 'icons/icon-192.png', sizes: '192x192', type: 'image/png' },
          { src: 'icons/icon-512.png', sizes: '512x512', type: 'image/png' },
          { src: 'icons/icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
        ],
      },
      workbox: {
        // The app shell, every questionnaire in its default language and the six interface
        // languages, so the app opens offline after one visit. Questionnaire, clause and profile
        // texts in other languages (assets/languages/) are fetched and kept by the app when a
        // language is chosen (src/content/files.ts), so a device keeps the languages it uses.
        globPatterns: ['**/*.{js,css,html,svg,png,webmanifest}'],
        // Left out of what every device keeps offline, each kept when first loaded (below): the
        // server-of-record code serves only linked devices, the spreadsheet reader and writer
        // (about 26 kB gzip) only the authors who convert workbooks, and the variant maker (3 kB
        // gzip) only authors too; the Questionnaires screen fetches it while online, so it is
        // there offline once that screen has been opened.
        globIgnores: [
          'assets/languages/**',
          '**/server-sync-*',
          '**/assets/spreadsheet-*.js',
          '**/assets/VariantView-*',
        ],
        runtimeCaching: [
          {
            urlPattern: /\/assets\/server-sync-[\w-]+\.(js|css)$/,
            handler: 'CacheFirst',
            options: { cacheName: 'baseline-server-sync', expiration: { maxEntries: 32 } },
          },
          {
            urlPattern: /\/assets\/VariantView-[\w-]+\.(js|css)$/,
            handler: 'CacheFirst',
            options: { cacheName: 'baseline-authoring', expiration: { maxEntries: 4 } },
          },
          {
            urlPattern: /\/assets\/spreadsheet-[\w-]+\.js$/,
            handler: 'CacheFirst',
            options: { cacheName: 'baseline-spreadsheet', expiration: { maxEntries: 4 } },
          },
        ],
        navigateFallback: 'index.html',
        cleanupOutdatedCaches: true,
      },
    }),
  ],
  // JSON modules as JSON.parse() of a string: quicker for an engine to load than the same data
  // as an object literal (the interface messages are loaded before the first screen).
  json: { stringify: true, namedExports: false },
  define: FEATURE_FLAGS,
  build: {
    target: 'es2022',
    // Every browser that runs an es2022 build preloads modules itself.
    modulePreload: { polyfill: false },
    rolldownOptions: {
      treeshake: { moduleSideEffects: hasSideEffects },
      output: {
        // Linking and sync, for linked devices only, in files of their own that the service
        // worker leaves out of the precache (see `globIgnores` above). A name's hash only has to
        // tell versions apart: seven characters (42 bits) do for a few hundred files, and the first
        // screen carries every later file's name in its preload list (145 B gzip less than eight).
        chunkFileNames: (chunk) =>
          chunk.moduleIds.length > 0 && chunk.moduleIds.every((id) => SERVER_SYNC_ONLY.test(id))
            ? 'assets/server-sync-[name]-[hash:7].js'
            : 'assets/[name]-[hash:7].js',
        assetFileNames: (asset) =>
          asset.names.some((name) =>
            /^(LinkView|StatisticsView|ContributionsView|AssessmentContributionsView|PartView|PartAnswering|ReportContributors|SyncIndicator|SyncStatusLine)\.css$/.test(
              name,
            ),
          )
            ? 'assets/server-sync-[name]-[hash:7][extname]'
            : 'assets/[name]-[hash:7][extname]',
        codeSplitting: {
          groups: [
            // Zod checks files that come from outside; the first screen reads none. Its own chunk
            // keeps the bundler from merging it into a chunk the first screen loads.
            { name: 'zod', test: /node_modules[\\/]zod[\\/]|src[\\/]validation[\\/]zod\.ts$/ },
            // What the first screen loads, in two files rather than twenty: the framework every
            // screen needs, and the rest of the first screen. Each file costs a request (and a
            // trip through the service worker offline), and one file compresses better than many.
            {
              name: 'framework',
              test: /node_modules[\\/](?:@vue|vue|vue-router|vue-i18n|@intlify|pinia)[\\/]/,
              priority: 2,
            },
            // The first script to run, with nothing of the framework: it asks for the interface
            // language's messages and opens the database while the two files above are still
            // arriving (src/firstRequests.ts).
            {
              name: 'first-requests',
              test: /src[\\/](?:firstRequests|language[\\/](?:starting|locales)|i18n[\\/]messages|storage[\\/](?:db|localStorage))\.ts$|preload-helper|node_modules[\\/]idb[\\/]/,
              priority: 3,
            },
            { name: 'first-screen', tags: ['$initial'], priority: 1 },
            // Modules that every screen using one of them loads together: one file each, and a name
            // fewer in the first screen's list of what each later screen preloads. The small UI
            // kit most screens after the first use (the table's scroll region, head and column
            // list, the titled section and the one whose heading takes the focus, the row of
            // actions, the heading under a record's name); the answer types and the questionnaire's
            // walk.
            {
              name: 'kit',
              test: /src[\\/]components[\\/](?:ScrollTable|TableHead|TitledSection|ContentsSection|ActionRow|EyebrowHeading)\.vue|tableColumns\.ts$/,
            },
            { name: 'answer-types', test: /src[\\/]questionnaire[\\/](?:answerTypes|walk)\.ts$/ },
          ],
        },
      },
    },
  },
  preview: {
    port: 4173,
    strictPort: true,
  },
  test: {
    include: ['tests/unit/**/*.test.ts'],
    environment: 'node',
    setupFiles: ['tests/unit/setup.ts'],
  },
});
