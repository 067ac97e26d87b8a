import { createPinia, setActivePinia } from 'pinia';
import { beforeEach, describe, expect, it } from 'vitest';
import type { ContentSource } from '../../../src/content/source.ts';
import type { LanguageTexts, TextSlots } from '../../../src/content/split.ts';
import { useContentStore } from '../../../src/stores/content.ts';

type Doc = { title: Record<string, string>; help: Record<string, string> };
const slots: TextSlots<Doc> = (doc) => [doc.title, doc.help];

/** A source whose Russian texts can be made to fail, as offline before they were ever fetched. */
function source(texts: Record<string, LanguageTexts>) {
  const state = { offline: false, asked: 0 };
  const content: ContentSource = {
    loadTexts(_key, language) {
      state.asked++;
      return state.offline ? Promise.reject(new Error('offline')) : Promise.resolve(texts[language]);
    },
    textLanguages: () => Object.keys(texts),
    contentFiles: () => [],
  };
  return { content, state };
}

describe('the content store', () => {
  beforeEach(() => setActivePinia(createPinia()));

  it('gives a registered document the language in use, and a language chosen later, in place', async () => {
    const store = useContentStore();
    const { content } = source({ ru: ['Заголовок', null], fr: ['Titre', 'Aide'] });
    const doc: Doc = { title: { en: 'Title' }, help: { en: 'Help' } };
    await store.use('ru');
    const revision = store.revision;
    expect(await store.register(doc, 'doc', slots, content)).toBe(doc);
    expect(doc).toEqual({ title: { en: 'Title', ru: 'Заголовок' }, help: { en: 'Help' } });
    expect(store.revision).toBeGreaterThan(revision);

    await store.use('fr');
    expect(doc.title).toEqual({ en: 'Title', ru: 'Заголовок', fr: 'Titre' });
    expect(doc.help).toEqual({ en: 'Help', fr: 'Aide' });
    expect(store.unavailable).toEqual([]);
  });

  it('lists a language whose texts could not be fetched, and fetches them when asked again', async () => {
    const store = useContentStore();
    const { content, state } = source({ ru: ['Заголовок', 'Справка'] });
    const doc: Doc = { title: { en: 'Title' }, help: { en: 'Help' } };
    await store.register(doc, 'doc', slots, content);
    state.offline = true;
    await store.use('ru');
    expect(store.unavailable).toEqual(['ru']);
    expect(doc.title).toEqual({ en: 'Title' });

    state.offline = false;
    await store.use('ru');
    expect(store.unavailable).toEqual([]);
    expect(doc.title).toEqual({ en: 'Title', ru: 'Заголовок' });
    const asked = state.asked;
    await store.use('ru');
    expect(state.asked).toBe(asked); // texts already added are not fetched again
  });
});
