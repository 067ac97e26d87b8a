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

/** What happened, in order: the language's messages set, a part merged. */
let steps: string[] = [];

function composer() {
  return {
    availableLocales: ['en'] as string[],
    locale: { value: 'en' },
    setLocaleMessage(locale: Locale) {
      this.availableLocales.push(locale);
      steps.push(`messages ${locale}`);
    },
  };
}

describe('switching the language', () => {
  it('shows the new language only once its messages and every part added are there, and goes on without one that fails', async () => {
    vi.stubGlobal('document', { documentElement: {} });
    await loadMessages('fr');
    const target = composer();
    steps = [];
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    switchWithPart((locale) => {
      steps.push(`at once ${locale}`);
      return Promise.resolve();
    });
    switchWithPart(async (locale) => {
      await held;
      steps.push(`held ${locale}`);
    });
    switchWithPart(() => Promise.reject(new Error('offline, never fetched')));

    const switching = switchLocale(target, 'fr');
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(target.locale.value).toBe('en');
    release();
    await switching;

    // The part after the messages: setting a language's messages replaces what was merged before.
    expect(steps).toEqual(['messages fr', 'at once fr', 'held fr']);
    expect(target.locale.value).toBe('fr');
    expect(document.documentElement).toMatchObject({ lang: 'fr', dir: 'ltr' });
  });
});
