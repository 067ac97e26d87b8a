/**
 * The build keeps a message that is only its own text as a string and compiles the others into
 * syntax trees (scripts/vite/i18nMessagesPlugin.ts); `servedMessages` turns those strings into
 * trees when a file arrives, for a runtime without a compiler. Every message of the six
 * languages, interface and server-of-record screens alike, must render from that form exactly as
 * vue-i18n renders it by compiling the source at run time, escapes and plural forms included.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { compiledMessageFile, compileMessages } from '../../../scripts/vite/i18nMessagesPlugin.ts';
import { createAppI18n, type Locale, type MessageSchema } from '../../../src/i18n/index.ts';
import { servedMessages } from '../../../src/i18n/messages.ts';
import { flatten, type Messages } from '../i18n.ts';

const I18N = resolve('src/i18n');
const FILES = ['locales', 'sync'].flatMap((folder) =>
  readdirSync(join(I18N, folder))
    .filter((file) => file.endsWith('.json'))
    .map((file) => [`${folder}/${file}`, join(I18N, folder, file)] as const),
);

/** Messages that are not their own text although they look plain: escapes, links and plural bars. */
const SPECIAL: Messages = {
  plain: 'Nothing special, not even a colon: or a quote’s',
  at: "name{'@'}example.org",
  braces: "{'{'}literal{'}'}",
  bar: "one {'|'} two",
  quote: "{'\\''}quoted{'\\''}",
  linked: 'Go to @:special.plain',
  linkedModified: '@.upper:special.plain',
  plural: 'none | one | {count} of them',
  named: 'Hello {name}, {count}',
  empty: '',
};

/** Counts that reach every plural form of the six languages. */
const COUNTS = [0, 1, 2, 5, 11, 21, 101];

/** Every placeholder a test passes, whatever the message names: numbers where counts are expected. */
const ARGUMENTS = new Proxy(
  {},
  {
    get: (_target, name) => (name === 'count' || name === 'n' ? 3 : `‹${String(name)}›`),
    has: () => true,
  },
);

/** Each message of `source` rendered from `messages`, with placeholders, and a plural one with a few counts. */
function rendered(locale: Locale, source: Messages, messages: object = source): Map<string, string[]> {
  const { t } = createAppI18n(locale, messages as MessageSchema).global;
  return new Map(
    [...flatten(source)].map(([key, text]) => [
      key,
      [t(key, ARGUMENTS), ...(text.includes('|') ? COUNTS.map((count) => t(key, count)) : [])],
    ]),
  );
}

function plainStrings(messages: object, path: string[] = []): string[] {
  return Object.entries(messages).flatMap(([key, value]: [string, unknown]) => {
    if (typeof value === 'string') return [[...path, key].join('.')];
    const node = value as { t?: unknown };
    return node.t === 0 ? [] : plainStrings(node, [...path, key]);
  });
}

describe('messages as the build serves them', () => {
  // The build's runtime: the strings the build kept are made trees as they arrive.
  beforeEach(() => vi.stubEnv('PROD', true));
  afterEach(() => vi.unstubAllEnvs());

  it('finds the six languages of the interface and of the server-of-record screens', () => {
    expect(FILES).toHaveLength(12);
  });

  it.each(FILES)('%s renders every message as the runtime compiler renders its source', (name, file) => {
    const locale = name.slice(-7, -5) as Locale;
    const source = JSON.parse(readFileSync(file, 'utf8')) as Messages;
    const served = servedMessages(JSON.parse(compiledMessageFile(file) ?? '{}') as object);
    expect(plainStrings(served)).toEqual([]);
    expect(rendered(locale, source, served)).toEqual(rendered(locale, source));
  });

  it('keeps only plain text as strings; escapes, links and plurals stay trees and render the same', () => {
    const built = compileMessages(SPECIAL, 'special.json');
    expect(Object.keys(built).filter((key) => typeof built[key] === 'string')).toEqual(['plain']);
    const served = servedMessages({ special: built });
    const expected = rendered('en', { special: SPECIAL });
    expect(rendered('en', { special: SPECIAL }, served)).toEqual(expected);
    expect(expected.get('special.at')?.[0]).toBe('name@example.org');
    expect(expected.get('special.braces')?.[0]).toBe('{literal}');
    expect(expected.get('special.linkedModified')?.[0]).toBe(
      'NOTHING SPECIAL, NOT EVEN A COLON: OR A QUOTE’S',
    );
  });

  it('serves a file twice without harm (the first request and main.ts load the same module)', () => {
    const once = servedMessages({ a: 'text', b: { c: 'more' } });
    expect(servedMessages(structuredClone(once))).toEqual(once);
  });
});
