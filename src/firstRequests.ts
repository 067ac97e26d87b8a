/**
 * What the first screen waits for, requested before the rest of the app has arrived: this is an
 * entry of its own in `index.html` (`scripts/vite/firstRequestsPlugin.ts`), a small script with
 * no framework in it (see the `first-requests` chunk in `vite.config.ts`), so it runs as soon as
 * it arrives, while the framework and the first-screen chunk are still on their way. The
 * interface language's messages are a file of their own (one language of six), known only once
 * code runs (the language chosen before, or the browser's); asked for here, they arrive alongside
 * the rest. `main.ts` asks for the same module again and gets this very request (one module per
 * address). The database, which every first screen reads, is opened here too, on a device that
 * has one.
 */
import { loadMessages } from './i18n/messages.ts';
import { startingLocale } from './language/starting.ts';
import { openEarly } from './storage/db.ts';

// A failure is reported where main.ts awaits the same request.
loadMessages(startingLocale()).catch(() => undefined);
openEarly();
