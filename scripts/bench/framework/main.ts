/**
 * The framework floor (benchmark only, never part of the app): the stack the app is built on
 * (Vue, Pinia, vue-router, vue-i18n without its message compiler, built with the app's feature
 * flags and plugins) and nothing else: one route whose screen reads a store and shows a heading
 * and a form. No styles, no stored data, no questionnaire. What Baseline's home screen takes
 * beyond this page is the app's own. `vuePinia.ts` is the same screen on Vue and Pinia alone.
 */
import { createPinia } from 'pinia';
import { createApp, h } from 'vue';
import { createI18n, useI18n } from 'vue-i18n';
import { createRouter, createWebHashHistory, RouterView } from 'vue-router';
import { homeScreen, MESSAGES, registerWorker } from './home.ts';

const router = createRouter({
  history: createWebHashHistory(),
  routes: [{ path: '/', name: 'home', component: homeScreen(() => useI18n().t) }],
});
const app = createApp({ render: () => h(RouterView) });
app.use(createPinia());
app.use(createI18n({ legacy: false, locale: 'en', messages: { en: MESSAGES } }));
app.use(router);
await router.isReady();
app.mount('#app');
registerWorker();
