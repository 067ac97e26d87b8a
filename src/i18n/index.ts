import { createI18n } from 'vue-i18n';
import {
  DEFAULT_LOCALE,
  languageDirection,
  pluralForm,
  SUPPORTED_LOCALES,
  type Locale,
} from '../language/index.ts';
import { loadMessages, type MessageSchema } from './messages.ts';

export * from '../language/index.ts';

export { loadMessages, type MessageSchema } from './messages.ts';

const pluralRules = Object.fromEntries(
  SUPPORTED_LOCALES.map(({ code }) => [
    code,
    (count: number, forms: number) => pluralForm(code, count, forms),
  ]),
);

/**
 * The app's vue-i18n, in `locale`, with that language's messages. English, the fallback, is
 * fetched only when a message is missing from the language in use (a key added since it was
 * translated), and the screen shows it as soon as it arrives.
 */
export function createAppI18n(locale: Locale, messages: MessageSchema) {
  let fallback: Promise<void> | undefined;
  const i18n = createI18n<[MessageSchema], Locale, false>({
    legacy: false,
    locale,
    fallbackLocale: DEFAULT_LOCALE,
    messages: { [locale]: messages } as Record<Locale, MessageSchema>,
    pluralRules,
    missingWarn: false,
    fallbackWarn: false,
    missing: (missingLocale) => {
      if (missingLocale === DEFAULT_LOCALE || fallback) return;
      fallback = loadMessages(DEFAULT_LOCALE).then((english) => {
        if (!i18n.global.availableLocales.includes(DEFAULT_LOCALE))
          i18n.global.setLocaleMessage(DEFAULT_LOCALE, english);
      });
    },
  });
  return i18n;
}

/** Marks the page with its language and direction, for browsers, screen readers and CSS. */
export function markDocument(locale: Locale, root: HTMLElement = document.documentElement): void {
  root.lang = locale;
  root.dir = languageDirection(locale);
}

/** What switching needs of vue-i18n's composer (the app's, or one from `useI18n()`). */
interface LocaleTarget {
  readonly availableLocales: readonly string[];
  setLocaleMessage(locale: Locale, messages: MessageSchema): void;
  locale: { value: string };
}

/**
 * Switches the interface to `locale` once its messages are here, so the page never shows
 * message keys in between. `stillWanted` lets the last of several quick switches win.
 */
export async function switchLocale(
  composer: LocaleTarget,
  locale: Locale,
  stillWanted: () => boolean = () => true,
): Promise<void> {
  if (!composer.availableLocales.includes(locale)) {
    const messages = await loadMessages(locale);
    composer.setLocaleMessage(locale, messages);
  }
  if (!stillWanted()) return;
  composer.locale.value = locale;
  markDocument(locale);
}
