import { inject, type InjectionKey, type Ref } from 'vue';
import { useI18n } from 'vue-i18n';
import { languageDirection, type TextDirection } from '../language/index.ts';
import { localize, type Localized } from '../questionnaire/localize.ts';
import type { LocalizedText } from '../questionnaire/schema.ts';

/** Questionnaire text as shown: the text, the language it is in, and that language's direction. */
export interface ShownText extends Localized {
  dir: TextDirection;
}

/** Text known to be in `language` (an id, interface words), shown the same way. */
export function shownAs(text: string, language: string): ShownText {
  return { text, language, isFallback: false, dir: languageDirection(language) };
}

/**
 * Moves when built-in content gets a language's texts (`stores/content.ts`), which arrive after
 * the language is chosen; provided by the app (`main.ts`).
 */
export const CONTENT_REVISION: InjectionKey<Readonly<Ref<number>>> = Symbol('content revision');

/**
 * Questionnaire text in the interface language, falling back to the questionnaire's default.
 * What shows it updates when the language's texts arrive.
 */
export function useLocalized(locale: Readonly<Ref<string>> = useI18n().locale) {
  const revision = inject(CONTENT_REVISION, undefined);
  return (text: LocalizedText, defaultLanguage: string): ShownText => {
    void revision?.value;
    const shown = localize(text, locale.value, defaultLanguage);
    return { ...shown, dir: languageDirection(shown.language) };
  };
}

/** A language's name in the interface language: "en" → "English", "anglais", "الإنجليزية". */
export function useLanguageName() {
  const { locale } = useI18n();
  return (language: string): string => {
    try {
      return new Intl.DisplayNames([locale.value], { type: 'language' }).of(language) ?? language;
    } catch {
      return language;
    }
  };
}
