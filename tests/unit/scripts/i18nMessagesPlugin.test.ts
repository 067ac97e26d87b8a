/**
 * The build compiles every message file the app gives vue-i18n: the production runtime has no
 * message compiler, so a file left out (as the server-of-record screens' words once were)
 * reaches it as plain strings and its screen renders nothing. The strings the build keeps (text
 * and nothing else) become trees as the file arrives (`servedMessages`).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { compiledMessageFile } from '../../../scripts/vite/i18nMessagesPlugin.ts';
import { servedMessages } from '../../../src/i18n/messages.ts';
import { flatten, testI18n, type Messages } from '../i18n.ts';

const I18N = resolve('src/i18n');
const messageFiles = readdirSync(I18N, { recursive: true, encoding: 'utf8' })
  .filter((file) => file.endsWith('.json'))
  .map((file) => join(I18N, file));

type Compiled = { [key: string]: unknown };

function plainStrings(messages: Compiled, path: string[] = []): string[] {
  return Object.entries(messages).flatMap(([key, value]) => {
    if (typeof value === 'string') return [[...path, key].join('.')];
    const node = value as Compiled;
    // A compiled message is a syntax tree: a node with a type `t`; anything else is a group.
    return typeof node.t === 'number' ? [] : plainStrings(node, [...path, key]);
  });
}

describe('the build’s i18n message compilation', () => {
  it('finds the message files: six locales and the six languages of the sync screens', () => {
    expect(messageFiles.filter((file) => /[\\/]locales[\\/]/.test(file))).toHaveLength(6);
    expect(messageFiles.filter((file) => /[\\/]sync[\\/]/.test(file))).toHaveLength(6);
  });

  it.each(messageFiles.map((file) => [file.slice(I18N.length + 1), file]))(
    '%s becomes syntax trees, plain text aside, and reaches the runtime with no plain string left',
    (_name, file) => {
      const compiled = JSON.parse(compiledMessageFile(file) ?? '{}') as Compiled;
      const source = flatten(JSON.parse(readFileSync(file, 'utf8')) as Messages);
      // A string kept is the source's own text, with nothing vue-i18n would read as syntax.
      for (const key of plainStrings(compiled)) expect(source.get(key), key).toMatch(/^[^{}@|]*$/);
      vi.stubEnv('PROD', true);
      expect(plainStrings(servedMessages(compiled))).toEqual([]);
      vi.unstubAllEnvs();
    },
  );

  it('leaves other files alone', () => {
    expect(compiledMessageFile(resolve('package.json'))).toBeUndefined();
  });

  it('makes trees vue-i18n renders once merged as the sync screens merge them, placeholders included', () => {
    const compiled = compiledMessageFile(join(I18N, 'sync', 'en.json'));
    const i18n = testI18n('en');
    vi.stubEnv('PROD', true);
    i18n.global.mergeLocaleMessage('en', servedMessages(JSON.parse(compiled ?? '{}') as never));
    vi.unstubAllEnvs();
    expect(i18n.global.t('sync.title')).toBe('Server of record');
    expect(i18n.global.t('sync.errors.tooManyRequests', { seconds: 30 })).toBe(
      'Too many attempts. Wait 30 seconds and try again.',
    );
  });
});
