import type { LocalizedText } from './schema.ts';

export interface Localized {
  text: string;
  /** The language the text is actually in. */
  language: string;
  /** True when the text is not in the language asked for. */
  isFallback: boolean;
}

/**
 * Text in the reader's language, else in the questionnaire's declared default language, else
 * in any language it has; the caller can mark a fallback so the reader knows.
 */
export function localize(text: LocalizedText, language: string, defaultLanguage: string): Localized {
  for (const candidate of [language, defaultLanguage, ...Object.keys(text)]) {
    const value = Object.hasOwn(text, candidate) ? text[candidate] : undefined;
    if (value !== undefined) return { text: value, language: candidate, isFallback: candidate !== language };
  }
  return { text: '', language, isFallback: true };
}
