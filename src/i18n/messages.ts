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
const LOADERS = import.meta.glob<{ default: MessageSchema }>('./locales/*.json');

/**
 * A built message file as the runtime takes it. The build keeps a message that is only its own
 * text as a string, a fraction of the syntax tree vue-i18n's compiler makes of it
 * (scripts/vite/i18nMessagesPlugin.ts); the built runtime has no compiler and takes only trees,
 * so each string becomes the smallest tree that renders it, as the full one does. In place, and
 * a second pass finds nothing to do. The development server keeps the runtime compiler and the
 * plain files, whose strings it compiles.
 */
export function servedMessages<T extends object>(messages: T): T {
  if (!import.meta.env.PROD) return messages;
  const group = messages as Record<string, unknown>;
  for (const [key, message] of Object.entries(group)) {
    if (typeof message === 'string') group[key] = { t: 0, b: { s: message } };
    // A tree is a node of type 0 (a resource); any other object is a group of messages.
    else if ((message as { t?: unknown }).t !== 0) servedMessages(message as object);
  }
  return messages;
}

/** Each language's messages as asked for once (a failed request is asked again next time). */
const requested = new Map<Locale, Promise<MessageSchema>>();

/**
 * The messages of `locale`. The first request at start-up comes from `src/firstRequests.ts`;
 * main.ts then takes that very promise, settled by then, instead of a new `import()` of the same
 * module, which the browser answers only in a later task (about 20 ms later at start-up).
 */
export function loadMessages(locale: Locale): Promise<MessageSchema> {
  let messages = requested.get(locale);
  if (!messages) {
    messages = LOADERS[`./locales/${locale}.json`]!().then((module) => servedMessages(module.default));
    messages.catch(() => requested.delete(locale));
    requested.set(locale, messages);
  }
  return messages;
}
