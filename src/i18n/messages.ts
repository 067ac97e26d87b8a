/**
 * The interface's messages, one file per language. Apart from `index.ts` (and vue-i18n), so that
 * the first-screen code can ask for them before anything else (`src/firstRequests.ts`).
 */
import type { Locale } from '../language/locales.ts';
import type en from './locales/en.json';

/** The source locale is English; every other locale must have the same keys (a test checks). */
export type MessageSchema = typeof en;

/**
 * Each language's messages are a chunk of their own, fetched when the language is chosen, so
 * the first screen carries one language, not six. The service worker keeps them all offline.
 */
const LOADERS: Record<Locale, () => Promise<{ default: MessageSchema }>> = {
  ar: () => import('./locales/ar.json'),
  zh: () => import('./locales/zh.json'),
  en: () => import('./locales/en.json'),
  fr: () => import('./locales/fr.json'),
  ru: () => import('./locales/ru.json'),
  es: () => import('./locales/es.json'),
};

export async function loadMessages(locale: Locale): Promise<MessageSchema> {
  return (await LOADERS[locale]()).default;
}
