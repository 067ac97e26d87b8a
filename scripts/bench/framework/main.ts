/**
 * The framework floor (benchmark only, never part of the app): the stack the app is fixed to
 * (Vue, Pinia, vue-router, vue-i18n without its message compiler, built with the app's feature
 * flags and plugins) and nothing else: one route whose screen reads a store and shows a heading
 * and a form, with the ids the bench waits for on Baseline's home screen. No styles, no stored
 * data, no questionnaire. What Baseline's home screen takes beyond this page is the app's own.
 */
import { createPinia, defineStore } from 'pinia';
import { createApp, defineComponent, h, ref } from 'vue';
import { createI18n, useI18n } from 'vue-i18n';
import { createRouter, createWebHashHistory, RouterView } from 'vue-router';

// Message functions: what the runtime makes of a compiled message, so it needs no compiler.
const messages = {
  title: () => 'Assessments',
  none: () => 'No assessments yet.',
  name: () => 'Name of the assessment',
  create: () => 'Create and start answering',
};

const useListStore = defineStore('list', () => ({ items: ref<string[]>([]) }));

const FrameworkHome = defineComponent(() => {
  const { t } = useI18n();
  const list = useListStore();
  const name = ref('');
  return () => [
    h('section', { 'aria-labelledby': 'assessments-heading' }, [
      h('h1', { id: 'assessments-heading' }, t('title')),
      list.items.length === 0 ? h('p', t('none')) : null,
    ]),
    h('section', { class: 'new-assessment' }, [
      h('form', { onSubmit: (event: Event) => event.preventDefault() }, [
        h('label', { for: 'name' }, t('name')),
        h('input', {
          id: 'name',
          type: 'text',
          value: name.value,
          onInput: (event: Event) => (name.value = (event.target as HTMLInputElement).value),
        }),
        h('button', { type: 'submit', disabled: name.value.length > 200 }, t('create')),
      ]),
    ]),
  ];
});

const router = createRouter({
  history: createWebHashHistory(),
  routes: [{ path: '/', name: 'home', component: FrameworkHome }],
});
const app = createApp({ render: () => h(RouterView) });
app.use(createPinia());
app.use(createI18n({ legacy: false, locale: 'en', messages: { en: messages } }));
app.use(router);
await router.isReady();
app.mount('#app');
