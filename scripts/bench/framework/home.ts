/**
 * The framework floors' one screen: a store read, a heading and a form, with the ids the bench
 * waits for on Baseline's home screen. Its words come from `useText`, so that one floor can take
 * them from vue-i18n and the other from a plain object.
 */
import { defineStore } from 'pinia';
import { defineComponent, h, ref } from 'vue';

// Message functions: what vue-i18n's runtime makes of a compiled message, so it needs no compiler.
export const MESSAGES = {
  title: () => 'Assessments',
  none: () => 'No assessments yet.',
  name: () => 'Name of the assessment',
  create: () => 'Create and start answering',
};

export type MessageKey = keyof typeof MESSAGES;

/** Offline, the page and its files come from this worker's cache, as the app's come from Workbox's. */
export function registerWorker(): void {
  void navigator.serviceWorker?.register('./sw.js');
}

const useListStore = defineStore('list', () => ({ items: ref<string[]>([]) }));

export function homeScreen(useText: () => (key: MessageKey) => string) {
  return defineComponent(() => {
    const t = useText();
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
}
