import { describe, expect, it } from 'vitest';
import {
  createAppI18n,
  loadMessages,
  preferredLocale,
  SUPPORTED_LOCALES,
  type Locale,
} from '../../../src/i18n/index.ts';
import { localeInfo } from '../../../src/language/index.ts';
import { expectSameKeys, expectSamePlaceholders, flatten, MESSAGES, type Messages } from '../i18n.ts';

/** The placeholders a message uses, once each (a plural form may leave out `{count}`). */
const placeholders = (text: string) => [...new Set([...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]))].sort();
const forms = (text: string) => text.split('|').length;

/** A locale's interface messages; `problems`, translated from the core's English, has its own test. */
function interfaceMessages(messages: Messages): Messages {
  const { problems: _problems, ...rest } = messages;
  return rest;
}

const source = flatten(MESSAGES.en);
const translations = SUPPORTED_LOCALES.filter(({ code }) => code !== 'en').map(
  ({ code }) => [code, flatten(interfaceMessages(MESSAGES[code]))] as const,
);

describe('interface translations', () => {
  it('covers the six official languages of the UN, each with a file of its own', () => {
    expect(SUPPORTED_LOCALES.map(({ code }) => code).sort()).toEqual(['ar', 'en', 'es', 'fr', 'ru', 'zh']);
  });

  it.each(translations)('%s has every English key, no others, and no empty text', (_locale, translated) =>
    expectSameKeys(translated, source),
  );

  it.each(translations)('%s keeps the placeholders of every English message', (_locale, translated) =>
    expectSamePlaceholders(translated, source, placeholders),
  );

  it.each(translations)('%s is translated, not a copy of the English', (_locale, translated) => {
    const copied = [...translated].filter(([key, text]) => text === source.get(key));
    // Names, formulas, file column ids and the like are the same in every language.
    expect(copied.length / source.size).toBeLessThan(0.06);
  });

  it.each(SUPPORTED_LOCALES.map(({ code }) => code))(
    '%s writes plural messages with the forms its language has',
    (locale) => {
      const categories = localeInfo(locale).plurals.length;
      for (const [key, text] of flatten(interfaceMessages(MESSAGES[locale]))) {
        const english = source.get(key) ?? '';
        if (forms(english) === 1) {
          expect(forms(text), key).toBe(1);
          continue;
        }
        // English "nothing | one | other": the first form is for nothing at all.
        const nothing = forms(english) === 3 ? 1 : 0;
        // One form is allowed: a sentence written not to need plural forms ("answers: 3").
        expect([1 + nothing, categories + nothing], key).toContain(forms(text));
      }
    },
  );

  it.each(SUPPORTED_LOCALES.filter(({ dir }) => dir === 'rtl').map(({ code }) => code))(
    '%s keeps the dot of a file type on its side: "(.docx)" drawn right to left would read "(docx.)"',
    (locale) => {
      // A dot after a space or a bracket is neutral, so it joins the right-to-left text around it;
      // a left-to-right mark before it keeps it with the Latin letters that follow.
      const loose = /(?:^|[^\u200eA-Za-z0-9/_-])\.[a-z]{2,5}\b/;
      for (const [key, text] of flatten(MESSAGES[locale])) expect(text, key).not.toMatch(loose);
    },
  );

  // One test a language: together they take seconds, more than one test's time on a loaded machine.
  it.each(SUPPORTED_LOCALES.map(({ code }) => code))(
    'loads %s on its own, and its messages work in vue-i18n without compiling code',
    async (code) => {
      const messages = await loadMessages(code);
      expect(messages).toEqual(MESSAGES[code]);
      const { t } = createAppI18n(code, messages).global;
      for (const key of source.keys()) expect(t(key, { count: 2 }, 2), `${code}: ${key}`).not.toBe(key);
    },
  );
});

describe('plural forms', () => {
  const t = (locale: Locale, key: string, count: number) =>
    createAppI18n(locale, MESSAGES[locale]).global.t(key, { count }, count);

  it('choose the Russian form for one, few and many', () => {
    expect(t('ru', 'transfer.import.answers', 1)).toBe('1 ответ');
    expect(t('ru', 'transfer.import.answers', 3)).toBe('3 ответа');
    expect(t('ru', 'transfer.import.answers', 11)).toBe('11 ответов');
    expect(t('ru', 'transfer.import.answers', 21)).toBe('21 ответ');
    expect(t('ru', 'transfer.import.commit', 0)).toBe('Нечего импортировать');
    expect(t('ru', 'transfer.import.commit', 1)).toBe('Импортировать 1 оценку');
    expect(t('ru', 'transfer.import.commit', 5)).toBe('Импортировать 5 оценок');
  });

  it('choose the Arabic form for one, two, few and many', () => {
    expect(t('ar', 'transfer.import.answers', 1)).toBe('إجابة واحدة');
    expect(t('ar', 'transfer.import.answers', 2)).toBe('إجابتان');
    expect(t('ar', 'transfer.import.answers', 3)).toBe('3 إجابات');
    expect(t('ar', 'transfer.import.answers', 11)).toBe('11 إجابة');
    expect(t('ar', 'transfer.import.commit', 0)).toBe('عدم استيراد أي شيء');
    expect(t('ar', 'transfer.import.commit', 2)).toBe('استيراد تقييمين');
  });

  it('keep English, French and Chinese working', () => {
    expect(t('en', 'transfer.import.commit', 0)).toBe('Import nothing');
    expect(t('en', 'transfer.import.commit', 1)).toBe('Import 1 assessment');
    expect(t('en', 'transfer.import.commit', 4)).toBe('Import 4 assessments');
    expect(t('fr', 'transfer.import.answers', 1)).toBe('1 réponse');
    expect(t('fr', 'transfer.import.answers', 2)).toBe('2 réponses');
    expect(t('zh', 'transfer.import.commit', 0)).toBe('不导入任何内容');
    expect(t('zh', 'transfer.import.commit', 7)).toBe('导入 7 项评估');
  });

  it('put no plural noun beside a count of one', () => {
    expect(t('en', 'questionnaires.translations.mergedNoLanguage', 1)).toBe(
      'Translations: no language added; 1 text changed.',
    );
    expect(t('fr', 'questionnaires.translations.mergedNoLanguage', 1)).toBe(
      'Traductions : aucune langue ajoutée ; 1 texte modifié.',
    );
    expect(t('es', 'questionnaires.translations.mergedNoLanguage', 3)).toBe(
      'Traducciones: ningún idioma añadido; 3 textos modificados.',
    );
  });
});

describe('a label before its value', () => {
  it('takes the colon each language writes', () => {
    const label = (locale: Locale) =>
      createAppI18n(locale, MESSAGES[locale]).global.t('app.label', { label: 'X' });
    expect(label('en')).toBe('X:');
    expect(label('fr')).toBe('X\u00a0:');
    expect(label('zh')).toBe('X：');
    expect(label('ar')).toBe('X:');
  });
});

describe('first-start language', () => {
  it('takes the first browser language the app speaks', () => {
    expect(preferredLocale(['de-CH', 'ru-RU', 'en'])).toBe('ru');
    expect(preferredLocale(['zh-Hant-TW'])).toBe('zh');
    expect(preferredLocale(['ar-EG', 'en'])).toBe('ar');
    expect(preferredLocale(['de'])).toBe('en');
  });
});

describe('loading a language', () => {
  it('asks for each language once: a second request takes the first (start-up asks twice)', async () => {
    const first = loadMessages('fr');
    expect(loadMessages('fr')).toBe(first);
    expect(await first).toEqual(MESSAGES.fr);
  });
});

describe('a sentence that sends the reader to another part of the app', () => {
  it.each(SUPPORTED_LOCALES.map(({ code }) => code))('%s names that part by its own title', (locale) => {
    const { t } = createAppI18n(locale, MESSAGES[locale]).global;
    // The comparison's order comes from the date set in the assessment's details.
    expect(t('compare.intro', { section: t('details.title') })).toContain(t('details.title'));
  });
});
