// @vitest-environment happy-dom
/**
 * A linked device offline: the sync screens' words of a language it never fetched stand in as
 * English (the fallback language) instead of leaving the screen empty (a switch of language made
 * offline goes through the same merge), and once one language's words are here the others are
 * fetched too, for the service worker to keep.
 */
import { describe, expect, it, vi } from 'vitest';
import { switchLocale } from '../../../src/i18n/index.ts';
import en from '../../../src/i18n/sync/en.json';
import es from '../../../src/i18n/sync/es.json';
import { testI18n } from '../i18n.ts';
import { syncScreen } from './syncScreen.ts';

const fetched = vi.hoisted(() => new Set<string>());
vi.mock('../../../src/i18n/sync/fr.json', () => {
  throw new Error('Failed to fetch dynamically imported module (offline)');
});
vi.mock('../../../src/i18n/sync/zh.json', async (original) => {
  fetched.add('zh');
  return original();
});

describe('the sync screens’ words on a device offline', () => {
  it('show in English in a language never fetched, not an empty screen; once one language’s are here, the others are fetched', async () => {
    const i18n = testI18n('fr');
    const ready = syncScreen(i18n);
    await vi.waitFor(() => expect(ready.value).toBe(true));
    expect(i18n.global.t('statistics.title')).toBe(en.statistics.title);

    await switchLocale(i18n.global, 'es');
    expect(i18n.global.t('statistics.title')).toBe(es.statistics.title);
    await vi.waitFor(() => expect(fetched.has('zh')).toBe(true));
  });
});
