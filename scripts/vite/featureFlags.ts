/**
 * Features the app does not use, left out of the bundle: Vue's Options API (every component is
 * `<script setup>`) and vue-i18n's legacy API, its global components and devtools hooks. Shared
 * with the bench's framework floor (`scripts/bench/framework/`), which must load the framework
 * as the app does.
 */
export const FEATURE_FLAGS = {
  __VUE_OPTIONS_API__: 'false',
  __VUE_I18N_LEGACY_API__: 'false',
  __VUE_I18N_FULL_INSTALL__: 'false',
  __INTLIFY_PROD_DEVTOOLS__: 'false',
};
