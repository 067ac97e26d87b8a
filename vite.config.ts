import vue from '@vitejs/plugin-vue';
import { VitePWA } from 'vite-plugin-pwa';
import { defineConfig } from 'vitest/config';
import { questionnairesPlugin } from './scripts/vite/questionnairesPlugin.ts';
import { weightProfilesPlugin } from './scripts/vite/weightProfilesPlugin.ts';

export default defineConfig({
  // Relative paths, so the same build works from any folder on any host (room server, USB stick).
  base: './',
  plugins: [
    vue(),
    questionnairesPlugin(),
    weightProfilesPlugin(),
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
        // The app shell and every questionnaire chunk, so the app opens offline after one visit.
        globPatterns: ['**/*.{js,css,html,svg,png,webmanifest}'],
        navigateFallback: 'index.html',
        cleanupOutdatedCaches: true,
      },
    }),
  ],
  build: {
    target: 'es2022',
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
