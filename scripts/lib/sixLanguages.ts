/**
 * Sizes of built-in content once it exists in all six languages, estimated before the
 * translations do: a synthetic copy of each questionnaire (and of the clause registry and
 * profiles) in which every text has Arabic, Chinese, English, French, Russian and Spanish.
 * Arabic, Chinese and Russian take the Russian text (Cyrillic and Arabic take two bytes a
 * letter in UTF-8, Chinese three for far fewer characters, so the Russian text is the larger
 * stand-in); French and Spanish take the English text, and their sizes are then counted 20%
 * larger, as French and Spanish run longer than English. Where a text has no Russian, English
 * stands in. Used by `npm run budget` to show the budgets hold with six languages.
 */
import { gzipSync } from 'node:zlib';
import { splitByLanguage, type TextSlots } from '../../src/content/split.ts';
import { SUPPORTED_LOCALES } from '../../src/language/locales.ts';
import type { LocalizedText } from '../../src/questionnaire/schema.ts';

const SIX = SUPPORTED_LOCALES.map(({ code }) => code);
const LONGER_THAN_ENGLISH: Readonly<Record<string, number>> = { fr: 1.2, es: 1.2 };
const STAND_IN: Readonly<Record<string, string>> = {
  ar: 'ru',
  zh: 'ru',
  ru: 'ru',
  en: 'en',
  fr: 'en',
  es: 'en',
};

/** `document` with every text in all six languages (and `languages` widened where it has one). */
export function sixLanguageCopy<T>(document: T, slots: TextSlots<T>): T {
  const copy = structuredClone(document);
  for (const text of slots(copy)) {
    const fallback = text.en ?? Object.values(text)[0] ?? '';
    const filled: LocalizedText = {};
    for (const code of SIX) filled[code] = text[STAND_IN[code]!] ?? fallback;
    Object.assign(text, filled);
  }
  if (copy && typeof copy === 'object' && 'languages' in copy)
    (copy as { languages: string[] }).languages = [...SIX];
  return copy;
}

export const gzipSize = (text: string) => gzipSync(text).length;

/** The gzip size of each language's file (adjusted for French and Spanish), by language. */
export function languageFileSizes<T>(document: T, slots: TextSlots<T>, keep: string): Record<string, number> {
  const { languages } = splitByLanguage(document, slots, () => keep);
  return Object.fromEntries(
    Object.entries(languages).map(([code, texts]) => [
      code,
      Math.round(gzipSize(JSON.stringify(texts)) * (LONGER_THAN_ENGLISH[code] ?? 1)),
    ]),
  );
}
