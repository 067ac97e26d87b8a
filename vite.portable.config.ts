/**
 * `npm run build:portable`: the whole app (questionnaires, weight profiles, styles) in one HTML
 * file, `dist-portable/baseline.html`, that opens from a folder or a USB stick with no server.
 *
 * The app's own configuration, without what makes the installable app (the service worker and
 * its manifest, the policy and the early script written for separate files), with
 * vite-plugin-singlefile to inline everything and `portablePlugin` for the page's own policy and
 * name.
 */
import { VitePWA } from 'vite-plugin-pwa';
import { defineConfig, type PluginOption } from 'vite';
import { viteSingleFile } from 'vite-plugin-singlefile';
import { portablePlugin } from './scripts/vite/portablePlugin.ts';
import app from './vite.config.ts';

const LEFT_OUT = (name: string) =>
  name.startsWith('vite-plugin-pwa') || name === 'baseline:csp' || name === 'baseline:first-requests';

function appPlugins(plugins: PluginOption[]): PluginOption[] {
  return plugins.flat(Infinity as 1).filter((plugin) => {
    if (!plugin || typeof plugin !== 'object' || !('name' in plugin)) return true;
    return !LEFT_OUT(plugin.name);
  });
}

const { test: _test, ...shared } = app;

export default defineConfig({
  ...shared,
  mode: 'portable',
  // The icons and manifest of the installable app have no place in a single file.
  publicDir: false,
  plugins: [
    ...appPlugins(app.plugins ?? []),
    // No service worker; the app's update prompt gets the plugin's no-op registration.
    VitePWA({ disable: true, injectRegister: false, registerType: 'prompt', manifest: false }),
    viteSingleFile(),
    portablePlugin(),
  ],
  build: { ...app.build, outDir: 'dist-portable', emptyOutDir: true },
});
