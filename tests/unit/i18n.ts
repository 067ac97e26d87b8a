import ar from '../../src/i18n/locales/ar.json';
import en from '../../src/i18n/locales/en.json';
import es from '../../src/i18n/locales/es.json';
import fr from '../../src/i18n/locales/fr.json';
import ru from '../../src/i18n/locales/ru.json';
import zh from '../../src/i18n/locales/zh.json';
import { createAppI18n, type Locale, type MessageSchema } from '../../src/i18n/index.ts';

/** Every language's messages, read at once (the app fetches one at a time). */
export const MESSAGES: Record<Locale, MessageSchema> = { ar, zh, en, fr, ru, es };

/** The app's vue-i18n in `locale`, for mounting components in tests. */
export function testI18n(locale: Locale = 'en') {
  return createAppI18n(locale, MESSAGES[locale]);
}
