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

/** Adds a part of the messages that only some devices load (the sync screens') in `locale`. */
export type MessagePart = (locale: Locale) => Promise<void>;

const parts = new Set<MessagePart>();

/** From now on, every switch of language brings `part` in the new language before it shows. */
export function switchWithPart(part: MessagePart): void {
  parts.add(part);
}

/**
 * Switches the interface to `locale` once its messages are here, the parts added by
 * `switchWithPart` too, so the page never shows message keys or another language in between.
 * A part that fails to load is left out (its screens fall back on English) rather than holding
 * the switch. `stillWanted` lets the last of several quick switches win.
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
  // After the language's own messages: setting those replaces whatever a part merged before.
  await Promise.all([...parts].map((part) => part(locale).catch(() => undefined)));
  if (!stillWanted()) return;
  composer.locale.value = locale;
  markDocument(locale);
}
