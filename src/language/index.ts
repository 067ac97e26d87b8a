export { isolate, languageDirection } from './direction.ts';
export {
  DEFAULT_LOCALE,
  isLocale,
  localeInfo,
  preferredLocale,
  SUPPORTED_LOCALES,
  type Locale,
  type LocaleInfo,
  type PluralCategory,
  type TextDirection,
} from './locales.ts';
export { parseTypedNumber } from './numbers.ts';
export { pluralForm } from './plural.ts';
