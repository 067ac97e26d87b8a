import { mount } from '@vue/test-utils';
import { defineComponent, h, type Ref } from 'vue';
import { useSyncMessages } from '../../../src/i18n/syncMessages.ts';
import type { testI18n } from '../i18n.ts';

/** Calls `use` inside a mounted screen with `i18n`, as a component's setup would; what it returns. */
export function inScreen<T>(i18n: ReturnType<typeof testI18n>, use: () => T): T {
  let used!: T;
  mount(
    defineComponent(() => {
      used = use();
      return () => h('p');
    }),
    { global: { plugins: [i18n] } },
  );
  return used;
}

/** Mounts a screen that asks for the sync screens' words, as the server screens do; its `ready`. */
export function syncScreen(i18n: ReturnType<typeof testI18n>): Ref<boolean> {
  return inScreen(i18n, () => useSyncMessages().ready);
}
