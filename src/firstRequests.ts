/**
 * What the first screen waits for, requested before anything else of the app is evaluated:
 * `main.ts` imports this module first, so it runs at the start of the first-screen chunk. The
 * interface language's messages are a file of their own (one language of six), known only once
 * code runs (the language chosen before, or the browser's); asked for here, they arrive while
 * the rest of the chunk is evaluated instead of after it. `main.ts` asks for the same module
 * again and gets this very request (one module per address).
 */
import { loadMessages } from './i18n/messages.ts';
import { startingLocale } from './stores/settings.ts';

// A failure is reported where main.ts awaits the same request.
loadMessages(startingLocale()).catch(() => undefined);
