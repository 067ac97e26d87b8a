import { describe, expect, it } from 'vitest';
import { languageDirection, pluralForm, SUPPORTED_LOCALES } from '../../../src/language/index.ts';

describe('text direction', () => {
  it('is declared for every interface language: Arabic right to left, the others left to right', () => {
    expect(Object.fromEntries(SUPPORTED_LOCALES.map(({ code, dir }) => [code, dir]))).toEqual({
      ar: 'rtl',
      zh: 'ltr',
      en: 'ltr',
      fr: 'ltr',
      ru: 'ltr',
      es: 'ltr',
    });
  });

  it('comes from the declared list, regional variants included', () => {
    for (const { code, dir } of SUPPORTED_LOCALES) expect(languageDirection(code)).toBe(dir);
    expect(languageDirection('ar-EG')).toBe('rtl');
    expect(languageDirection('AR')).toBe('rtl');
    expect(languageDirection('en-GB')).toBe('ltr');
  });

  it('follows the platform’s locale data for other languages, and is left to right for non-tags', () => {
    expect(languageDirection('de')).toBe('ltr');
    expect(languageDirection('not a language tag')).toBe('ltr');
  });
});

describe('plural form', () => {
  it('counts the forms of the language in use, with an optional first form for nothing', () => {
    // Russian: one | few | many
    expect([1, 2, 5, 21, 0].map((n) => pluralForm('ru', n, 3))).toEqual([0, 1, 2, 0, 2]);
    // … preceded by "nothing"
    expect([0, 1, 2, 5].map((n) => pluralForm('ru', n, 4))).toEqual([0, 1, 2, 3]);
    // Arabic: zero | one | two | few | many | other
    expect([0, 1, 2, 3, 11, 100].map((n) => pluralForm('ar', n, 6))).toEqual([0, 1, 2, 3, 4, 5]);
    // Chinese: one form, or "nothing | other"
    expect([0, 1, 9].map((n) => pluralForm('zh', n, 2))).toEqual([0, 1, 1]);
    expect(pluralForm('zh', 9, 1)).toBe(0);
    // English: one | other, and nothing | one | other
    expect([1, 2].map((n) => pluralForm('en', n, 2))).toEqual([0, 1]);
    expect([0, 1, 2].map((n) => pluralForm('en', n, 3))).toEqual([0, 1, 2]);
  });
});
