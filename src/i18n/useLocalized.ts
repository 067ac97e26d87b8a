import { useI18n } from 'vue-i18n';
import { localize, type Localized } from '../questionnaire/localize.ts';
import type { LocalizedText } from '../questionnaire/schema.ts';

/** Questionnaire text in the interface language, falling back to the questionnaire's default. */
export function useLocalized() {
  const { locale } = useI18n();
  return (text: LocalizedText, defaultLanguage: string): Localized =>
    localize(text, locale.value, defaultLanguage);
}
