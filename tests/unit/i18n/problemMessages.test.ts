import { describe, expect, it } from 'vitest';
import { createAppI18n, SUPPORTED_LOCALES } from '../../../src/i18n/index.ts';
import { PROBLEM_MESSAGES, PROBLEM_TERMS, placeholders } from '../../../src/validation/messages.ts';
import { expectSameKeys, expectSamePlaceholders, flatten, MESSAGES, type Messages } from '../i18n.ts';

/** The English of every problem, as the translations must mirror it: `schema.type`, `terms.text`… */
const source = new Map<string, string>([
  ...Object.entries(PROBLEM_MESSAGES),
  ...Object.entries(PROBLEM_TERMS).map(([term, text]) => [`terms.${term}`, text] as const),
]);

const translations = SUPPORTED_LOCALES.filter(({ code }) => code !== 'en').map(({ code }) => {
  const problems = (MESSAGES[code] as unknown as { problems?: Messages }).problems ?? {};
  return [code, flatten(problems)] as const;
});

describe('why a file is refused, in every language', () => {
  it('is written once in English, in the core, not in the English interface file', () => {
    expect(MESSAGES.en).not.toHaveProperty('problems');
  });

  it.each(translations)('%s translates every problem and term, and nothing else', (_locale, translated) =>
    expectSameKeys(translated, source),
  );

  it.each(translations)('%s keeps the placeholders of every English message', (_locale, translated) =>
    expectSamePlaceholders(translated, source, placeholders),
  );

  it.each(translations)('%s is translated, not a copy of the English', (_locale, translated) => {
    const copied = [...translated].filter(([key, text]) => text === source.get(key) && key !== 'terms.null');
    expect(copied.map(([key]) => key)).toEqual([]);
  });

  it.each(translations)(
    '%s reads as plain text in vue-i18n, every placeholder filled',
    (locale, translated) => {
      const { t } = createAppI18n(locale, MESSAGES[locale]).global;
      for (const [key, text] of translated) {
        const params = Object.fromEntries(placeholders(text).map((name) => [name, `<${name}>`]));
        const shown = t(`problems.${key}`, params);
        expect(shown, key).not.toMatch(/[{}@|]/);
        for (const name of Object.keys(params)) expect(shown, key).toContain(`<${name}>`);
      }
    },
  );
});
