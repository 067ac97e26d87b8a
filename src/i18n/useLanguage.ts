import { useI18n } from 'vue-i18n';
import { useFormat } from './useFormat.ts';
import { useLocalized } from './useLocalized.ts';

/**
 * What a screen needs to speak the person's language, from one call: the interface's messages
 * (`t`) and language (`locale`), numbers and dates in its conventions (`format`), and
 * questionnaire content in it where the content has it (`localized`).
 */
export function useLanguage() {
  const { t, locale } = useI18n();
  return { t, locale, format: useFormat(locale), localized: useLocalized(locale) };
}
