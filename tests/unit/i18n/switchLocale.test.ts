/**
 * A switch of language waits for the messages of the language and of the parts some screens add
 * (the sync screens' words), so nothing is shown in another language in between; a part that
 * cannot be loaded does not hold the switch.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { loadMessages, switchLocale, switchWithPart, type Locale } from '../../../src/i18n/index.ts';

afterEach(() => {
  vi.unstubAllGlobals();
});

function composer() {
  return {
    availableLocales: ['en'] as string[],
    locale: { value: 'en' },
    setLocaleMessage(locale: Locale) {
      this.availableLocales.push(locale);
    },
  };
}

describe('switching the language', () => {
  it('shows the new language only once every part added is there, and goes on without one that fails', async () => {
    vi.stubGlobal('document', { documentElement: {} });
    await loadMessages('fr');
    const target = composer();
    const loaded: string[] = [];
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    switchWithPart(async (locale) => {
      await held;
      loaded.push(locale);
    });
    switchWithPart(() => Promise.reject(new Error('offline, never fetched')));

    const switching = switchLocale(target, 'fr');
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(target.locale.value).toBe('en');
    release();
    await switching;

    expect(loaded).toEqual(['fr']);
    expect(target.locale.value).toBe('fr');
    expect(document.documentElement).toMatchObject({ lang: 'fr', dir: 'ltr' });
  });
});
