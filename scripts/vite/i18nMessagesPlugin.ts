/**
 * Interface messages compiled when the app is built, so that vue-i18n's message compiler stays
 * out of the app (about 5 kB gzip of the first screen) and no message is parsed at start-up.
 *
 * In a production build, each message file is loaded with every message replaced by the syntax
 * tree vue-i18n's own compiler makes of it (the form the runtime evaluates), except a message
 * that is only its own text, which stays a string (`isPlainText`), and
 * `__INTLIFY_DROP_MESSAGE_COMPILER__` lets the bundler drop the compiler. That is every locale's
 * interface (`src/i18n/locales/*.json`) and the server-of-record screens' words, which only a
 * linked device loads (`src/i18n/sync/*.json`): a file left out reaches a runtime that cannot
 * compile it and the screen renders nothing ("unhandled node type"). For the same reason every
 * file passes through `servedMessages` (src/i18n/messages.ts), which turns the strings kept
 * into trees. A message the compiler refuses fails the build, naming the file and the key. The
 * development server and the unit tests keep the plain files and the runtime compiler.
 */
import { readFileSync } from 'node:fs';
import { baseCompile, type CompileError } from '@intlify/message-compiler';
import type { Plugin } from 'vite';

const MESSAGE_FILE = /[\\/]src[\\/]i18n[\\/](?:locales|sync)[\\/][a-z-]+\.json$/;

type Messages = { [key: string]: string | Messages };

/** A tree as the compiler minifies it: `b` is its body, which has `s`, its whole text, when it is text and nothing else. */
type MinifiedTree = { b?: { s?: unknown } };

/**
 * Whether a message is its own text: no placeholder, plural form or link, and no escape (`{'@'}`
 * renders `@`, not itself). Such a message stays a string in the build, a fraction of its tree's
 * size; `loadMessages` gives the runtime the smallest tree of it when the file arrives.
 */
function isPlainText(ast: object, message: string): boolean {
  return (ast as MinifiedTree).b?.s === message;
}

export function compileMessages(
  messages: Messages,
  file: string,
  path: string[] = [],
): Record<string, unknown> {
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
      return [key, isPlainText(ast, message) ? message : ast];
    }),
  );
}

/** The module a message file becomes in the build, still JSON (Vite's JSON plugin takes it from there); undefined for any other file. */
export function compiledMessageFile(id: string): string | undefined {
  if (!MESSAGE_FILE.test(id)) return undefined;
  const messages = JSON.parse(readFileSync(id, 'utf8')) as Messages;
  return JSON.stringify(compileMessages(messages, id));
}

export function i18nMessagesPlugin(): Plugin {
  return {
    name: 'baseline:i18n-messages',
    apply: 'build',
    config: () => ({ define: { __INTLIFY_DROP_MESSAGE_COMPILER__: 'true' } }),
    load: compiledMessageFile,
  };
}
