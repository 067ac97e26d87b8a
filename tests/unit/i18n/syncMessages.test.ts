// @vitest-environment happy-dom
/**
 * The words of the server-of-record screens (src/i18n/sync/, loaded only by linked devices):
 * every language has every English key and its placeholders, translated, with the plural
 * forms its language has; and merged into the app's vue-i18n they work.
 */
import { describe, expect, it, vi } from 'vitest';
import { nextTick } from 'vue';
import { switchLocale } from '../../../src/i18n/index.ts';
import { useServerFailure, useServerRefusal } from '../../../src/i18n/syncMessages.ts';
import { SyncError } from '../../../src/sync/http.ts';
import ar from '../../../src/i18n/sync/ar.json';
import en from '../../../src/i18n/sync/en.json';
import es from '../../../src/i18n/sync/es.json';
import fr from '../../../src/i18n/sync/fr.json';
import ru from '../../../src/i18n/sync/ru.json';
import zh from '../../../src/i18n/sync/zh.json';
import { localeInfo } from '../../../src/language/index.ts';
import { expectSameKeys, expectSamePlaceholders, flatten, testI18n } from '../i18n.ts';
import { inScreen, syncScreen } from './syncScreen.ts';

const SYNC = { ar, zh, en, fr, ru, es } as const;
const source = flatten(en);
const placeholders = (text: string) => [...new Set([...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]))].sort();
const forms = (text: string) => text.split('|').length;
const translations = (['ar', 'zh', 'fr', 'ru', 'es'] as const).map(
  (code) => [code, flatten(SYNC[code])] as const,
);

describe('the server-of-record screens’ words', () => {
  it.each(translations)('%s has every English key, no others, and no empty text', (_code, translated) =>
    expectSameKeys(translated, source),
  );

  it.each(translations)('%s keeps the placeholders of every English message', (_code, translated) =>
    expectSamePlaceholders(translated, source, placeholders),
  );

  it.each(translations)('%s is translated, not a copy of the English', (_code, translated) => {
    const copied = [...translated].filter(([key, text]) => text === source.get(key));
    // A word may be the same ("Organisation" in French), a sentence not.
    expect(copied.length / source.size).toBeLessThan(0.06);
  });

  it.each(translations)('%s writes plural messages with the forms its language has', (code, translated) => {
    const categories = localeInfo(code).plurals.length;
    for (const [key, text] of translated) {
      if (forms(source.get(key) ?? '') === 1) expect(forms(text), key).toBe(1);
      else expect([1, categories], key).toContain(forms(text));
    }
  });

  it('say a count of one without a plural noun beside it', () => {
    // "Not shown: 1 organisations" and "1 questions renseignées" were what a small pilot saw.
    // As the screens ask: the plural form follows the named `count`.
    const shown = (code: 'en' | 'fr' | 'es' | 'ru', key: string, values: Record<string, number>) => {
      const i18n = testI18n(code);
      i18n.global.mergeLocaleMessage(code, SYNC[code]);
      return i18n.global.t(key, values);
    };
    expect(shown('en', 'statistics.suppressed', { count: 1, threshold: 5 })).toBe(
      'Not shown: 1 organisation, fewer than 5',
    );
    expect(shown('fr', 'statistics.suppressed', { count: 1, threshold: 5 })).toBe(
      'Non affiché : 1 organisation, moins de 5',
    );
    expect(shown('es', 'statistics.suppressed', { count: 4, threshold: 5 })).toBe(
      'No se muestra: 4 organizaciones, menos de 5',
    );
    expect(shown('fr', 'coordination.progress', { answered: 1, shown: 21 })).toBe(
      'Questions renseignées : 1 sur 21',
    );
    expect(shown('ru', 'coordination.progress', { answered: 1, shown: 21 })).toBe(
      'Отвечено вопросов: 1 из 21',
    );
  });

  it('work in vue-i18n once merged into a language', () => {
    for (const code of ['ar', 'zh', 'en', 'fr', 'ru', 'es'] as const) {
      const i18n = testI18n(code);
      i18n.global.mergeLocaleMessage(code, SYNC[code]);
      for (const key of source.keys())
        expect(
          i18n.global.t(key, { count: 2, seconds: 5, time: 'x', message: 'm', code: 'c' }, 2),
          key,
        ).not.toBe(key);
    }
  });
});

describe('loading the sync screens\u2019 words', () => {
  it('merges the file of the language shown, and of each language switched to, into the app\u2019s messages', async () => {
    const i18n = testI18n('en');
    const ready = syncScreen(i18n);
    await vi.waitFor(() => expect(ready.value).toBe(true));
    expect(i18n.global.t('statistics.title')).toBe(en.statistics.title);
    for (const code of ['ar', 'zh', 'fr', 'ru', 'es'] as const) {
      await switchLocale(i18n.global, code);
      await nextTick();
      expect(i18n.global.t('statistics.title'), code).toBe(SYNC[code].statistics.title);
    }
  });
});

describe('a server’s refusal', () => {
  /** A server screen's wording of failures, with the interface in `code`. */
  function wordings(code: 'en' | 'fr') {
    const i18n = testI18n(code);
    i18n.global.mergeLocaleMessage(code, SYNC[code]);
    return inScreen(i18n, () => ({ refusal: useServerRefusal(), failure: useServerFailure() }));
  }
  const worded = (code: 'en' | 'fr', failure: unknown) => wordings(code).refusal(failure);

  it('is said in the reader’s language by its reason, not in the server’s English', () => {
    const refused = new SyncError(
      'forbidden',
      'Only coordinators and editors of the assessment’s organisation give parts.',
      403,
      undefined,
      'notCoordinator',
    );
    expect(worded('fr', refused)).toBe(fr.sync.refusals.notCoordinator);
    expect(worded('fr', refused)).not.toContain('coordinators');
  });

  it('is said by its code where the code says it all, and left to the screen where it does not', () => {
    expect(worded('fr', new SyncError('unavailable', 'The server could not do this now', 503))).toBe(
      fr.sync.errors.unavailable,
    );
    expect(worded('en', new SyncError('tooManyRequests', 'Too many', 429, 30))).toBe(
      'Too many attempts. Wait 30 seconds and try again.',
    );
    // A refusal without a reason means something else on each screen (no role; no statistics).
    expect(worded('en', new SyncError('forbidden', 'No.', 403))).toBeUndefined();
    expect(worded('fr', new SyncError('unexpected', 'The server gave an answer…'))).toBe(
      fr.sync.errors.unexpected,
    );
    expect(worded('en', new Error('not the server'))).toBeUndefined();
  });

  it('falls back on the failure as it came where nothing words it', () => {
    const { failure } = wordings('fr');
    expect(failure(new SyncError('wrongPassword', 'The user name or the password is wrong.', 403))).toBe(
      fr.sync.errors.wrongPassword,
    );
    // A refusal nothing words (a server before reasons) is the French sentence with the server's detail.
    const unworded = failure(new SyncError('forbidden', 'No.', 403));
    expect(unworded.startsWith(fr.sync.errors.other.split('{message}')[0]!)).toBe(true);
    expect(unworded).toContain('No.');
  });

  it('is worded from what the sync status keeps of it too', () => {
    const kept = { code: 'forbidden', reason: 'stepNotOpen', message: 'This step is not open to you now.' };
    expect(worded('fr', kept)).toBe(fr.sync.refusals.stepNotOpen);
    // A reason this app does not know yet (a newer server) is left to the code, here to the screen.
    expect(worded('en', { ...kept, reason: 'somethingNew' })).toBeUndefined();
  });
});
