import { isLocale, localeInfo, type TextDirection } from './locales.ts';

const ISOLATE = { ltr: '\u2066', rtl: '\u2067', auto: '\u2068' } as const;
const POP_ISOLATE = '\u2069';

/**
 * Text kept whole inside text of the other direction: Unicode isolates do in plain text (a
 * canvas, a message) what `<bdi dir>` does in HTML, so an English title in an Arabic chart, or
 * a date such as "2026-03-01T10:00:00Z" in an Arabic sentence, keeps its order. Without a
 * direction, the text takes that of its first letter.
 */
export function isolate(text: string, dir?: TextDirection): string {
  return `${ISOLATE[dir ?? 'auto']}${text}${POP_ISOLATE}`;
}

interface TextInfo {
  direction?: string;
}
/** `Intl.Locale` as browsers ship it: `getTextInfo()` (the standard) or `textInfo` (older Chromium). */
type LocaleWithTextInfo = Intl.Locale & { getTextInfo?: () => TextInfo; textInfo?: TextInfo };

/**
 * The direction a language is written in: declared for the interface languages, else what the
 * platform's locale data (CLDR) says of the language, else left-to-right. Never guessed from
 * the text itself, where one Latin word would flip an Arabic sentence.
 */
export function languageDirection(language: string): TextDirection {
  const base = language.toLowerCase().split('-')[0];
  if (isLocale(language)) return localeInfo(language).dir;
  if (isLocale(base)) return localeInfo(base).dir;
  try {
    const locale = new Intl.Locale(language) as LocaleWithTextInfo;
    const info = locale.getTextInfo?.() ?? locale.textInfo;
    return info?.direction === 'rtl' ? 'rtl' : 'ltr';
  } catch {
    return 'ltr'; // not a language tag
  }
}
