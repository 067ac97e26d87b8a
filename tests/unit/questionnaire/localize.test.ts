import { describe, expect, it } from 'vitest';
import { localize } from '../../../src/questionnaire/localize.ts';

describe('localize', () => {
  const text = { en: 'Strategy', ru: 'Стратегия' };

  it('gives the text in the language asked for', () => {
    expect(localize(text, 'ru', 'en')).toEqual({ text: 'Стратегия', language: 'ru', isFallback: false });
  });

  it('falls back to the declared default language and says so', () => {
    expect(localize(text, 'fr', 'en')).toEqual({ text: 'Strategy', language: 'en', isFallback: true });
  });

  it('falls back to any language present when the default is missing too', () => {
    expect(localize({ ru: 'Только по-русски' }, 'fr', 'en')).toEqual({
      text: 'Только по-русски',
      language: 'ru',
      isFallback: true,
    });
  });

  it('does not read inherited properties as languages', () => {
    expect(localize(text, 'constructor', 'en').language).toBe('en');
  });
});
