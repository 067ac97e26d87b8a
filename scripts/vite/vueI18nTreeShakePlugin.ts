/**
 * Lets the bundler leave out the parts of Vue the app does not use, which vue-i18n otherwise keeps.
 *
 * vue-i18n 11 finds the current component through `'currentInstance' in Vue` on a namespace
 * import of `vue` (`dist/vue-i18n.mjs`). The `in` test makes bundlers keep every export of Vue
 * (transitions, KeepAlive, Suspense, Teleport, hydration, custom elements…), about 14 kB gzip
 * on the first screen (intlify/vue-i18n#2573). With Vue 3.5 `currentInstance` is not an export,
 * so the test always falls through to `Vue.getCurrentInstance()`: this plugin makes that call
 * directly, a static access the bundler can follow. A vue-i18n release that changes the helper
 * is reported, and the size budget would catch the growth.
 */
import type { Plugin } from 'vite';

const HELPER =
  /function getCurrentInstance\(\) \{\s*\/\/ NOTE\(kazupon\): avoid bundler warning\s*const key = 'currentInstance';\s*if \(key in Vue\) \{\s*return Vue\[key\];\s*\}\s*else \{\s*return Vue\.getCurrentInstance\(\);\s*\}\s*\}/;
const STATIC_HELPER = 'function getCurrentInstance() {\n    return Vue.getCurrentInstance();\n}';

export function vueI18nTreeShakePlugin(): Plugin {
  return {
    name: 'baseline:vue-i18n-tree-shake',
    apply: 'build',
    transform(code, id) {
      if (!/[\\/]vue-i18n[\\/]dist[\\/]vue-i18n(\.runtime)?\.mjs$/.test(id)) return undefined;
      if (!HELPER.test(code)) {
        this.warn(`vue-i18n's getCurrentInstance helper has changed; Vue may not be tree-shaken (${id})`);
        return undefined;
      }
      return { code: code.replace(HELPER, STATIC_HELPER), map: null };
    },
  };
}
