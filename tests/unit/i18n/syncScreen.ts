import { mount } from '@vue/test-utils';
import { defineComponent, h, type Ref } from 'vue';
import { useSyncMessages } from '../../../src/i18n/syncMessages.ts';
import type { testI18n } from '../i18n.ts';

/** Mounts a screen that asks for the sync screens' words, as the server screens do; its `ready`. */
export function syncScreen(i18n: ReturnType<typeof testI18n>): Ref<boolean> {
  let ready!: Ref<boolean>;
  mount(
    defineComponent(() => {
      ready = useSyncMessages().ready;
      return () => h('p');
    }),
    { global: { plugins: [i18n] } },
  );
  return ready;
}
