/**
 * Interface messages compiled when the app is built, so that vue-i18n's message compiler stays
 * out of the app (about 5 kB gzip of the first screen) and no message is parsed at start-up.
 *
 * In a production build, each locale file (`src/i18n/locales/*.json`) is loaded with every
 * message replaced by the syntax tree vue-i18n's own compiler makes of it (the form the runtime
 * evaluates), and `__INTLIFY_DROP_MESSAGE_COMPILER__` lets the bundler drop the compiler. A
 * message the compiler refuses fails the build, naming the file and the key. The development
 * server and the unit tests keep the plain files and the runtime compiler.
 */
import { readFileSync } from 'node:fs';
import { baseCompile, type CompileError } from '@intlify/message-compiler';
import type { Plugin } from 'vite';

const LOCALE_FILE = /[\\/]src[\\/]i18n[\\/]locales[\\/][a-z-]+\.json$/;

type Messages = { [key: string]: string | Messages };

function compileMessages(messages: Messages, file: string, path: string[] = []): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(messages).map(([key, message]) => {
      const at = [...path, key];
      if (typeof message !== 'string') return [key, compileMessages(message, file, at)];
      const { ast } = baseCompile(message, {
        jit: true,
        minify: true,
        location: false,
        onError: (error: CompileError) => {
          throw new Error(`${file}: the message ${at.join('.')} is not valid: ${error.message}`);
        },
      });
      return [key, ast];
    }),
  );
}

export function i18nMessagesPlugin(): Plugin {
  return {
    name: 'baseline:i18n-messages',
    apply: 'build',
    config: () => ({ define: { __INTLIFY_DROP_MESSAGE_COMPILER__: 'true' } }),
    load(id) {
      if (!LOCALE_FILE.test(id)) return undefined;
      const messages = JSON.parse(readFileSync(id, 'utf8')) as Messages;
      // Still JSON: Vite's own JSON plugin makes the module of it.
      return JSON.stringify(compileMessages(messages, id));
    },
  };
}
