/**
 * The languages of the interface: ITU's six official languages, each with what a browser
 * needs to show it. Direction is declared here, never guessed from the text.
 */
export type TextDirection = 'ltr' | 'rtl';

/**
 * CLDR plural categories in the order a message lists its forms (`one | other`). A message may
 * put one more form first, for nothing at all ("Import nothing | Import {count} …").
 */
export type PluralCategory = Intl.LDMLPluralRule;

export interface LocaleInfo {
  readonly code: string;
  /** The language's name in itself, so a reader finds it in any interface language. */
  readonly name: string;
  readonly dir: TextDirection;
  readonly plurals: readonly PluralCategory[];
}

/** In the UN's order: Arabic, Chinese, English, French, Russian, Spanish. */
export const SUPPORTED_LOCALES = [
  { code: 'ar', name: 'العربية', dir: 'rtl', plurals: ['zero', 'one', 'two', 'few', 'many', 'other'] },
  { code: 'zh', name: '中文', dir: 'ltr', plurals: ['other'] },
  { code: 'en', name: 'English', dir: 'ltr', plurals: ['one', 'other'] },
  { code: 'fr', name: 'Français', dir: 'ltr', plurals: ['one', 'other'] },
  { code: 'ru', name: 'Русский', dir: 'ltr', plurals: ['one', 'few', 'many'] },
  { code: 'es', name: 'Español', dir: 'ltr', plurals: ['one', 'other'] },
] as const satisfies readonly LocaleInfo[];

export type Locale = (typeof SUPPORTED_LOCALES)[number]['code'];

/** The source language: every message is written in it first, and it fills any gap. */
export const DEFAULT_LOCALE: Locale = 'en';

export function isLocale(value: unknown): value is Locale {
  return SUPPORTED_LOCALES.some((locale) => locale.code === value);
}

export function localeInfo(locale: Locale): LocaleInfo {
  return SUPPORTED_LOCALES.find((entry) => entry.code === locale) ?? SUPPORTED_LOCALES[2];
}

/** The first of the browser's preferred languages that the app speaks ("zh-Hant-TW" → "zh"). */
export function preferredLocale(languages: readonly string[]): Locale {
  for (const tag of languages) {
    const base = tag.toLowerCase().split('-')[0];
    if (isLocale(base)) return base;
  }
  return DEFAULT_LOCALE;
}
