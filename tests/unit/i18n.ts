import ar from '../../src/i18n/locales/ar.json';
import en from '../../src/i18n/locales/en.json';
import es from '../../src/i18n/locales/es.json';
import fr from '../../src/i18n/locales/fr.json';
import ru from '../../src/i18n/locales/ru.json';
import zh from '../../src/i18n/locales/zh.json';
import { expect } from 'vitest';
import { createAppI18n, type Locale, type MessageSchema } from '../../src/i18n/index.ts';

/** Every language's messages, read at once (the app fetches one at a time). */
export const MESSAGES: Record<Locale, MessageSchema> = { ar, zh, en, fr, ru, es };

/** The app's vue-i18n in `locale`, for mounting components in tests. */
export function testI18n(locale: Locale = 'en') {
  return createAppI18n(locale, MESSAGES[locale]);
}

export type Messages = { [key: string]: string | Messages };

/** Nested messages as one map of dotted keys: `{ a: { b: 'x' } }` → `a.b` → `x`. */
export function flatten(messages: Messages, prefix = ''): Map<string, string> {
  const entries = new Map<string, string>();
  for (const [key, value] of Object.entries(messages)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') entries.set(path, value);
    else for (const [k, v] of flatten(value, path)) entries.set(k, v);
  }
  return entries;
}

/** A translation has every key of its source, no others, and no empty text. */
export function expectSameKeys(translated: Map<string, string>, source: Map<string, string>): void {
  expect([...translated.keys()].sort()).toEqual([...source.keys()].sort());
  for (const [key, text] of translated) expect(text.trim(), key).not.toBe('');
}

/** Each translated message uses the placeholders of its source, as `placeholdersOf` lists them. */
export function expectSamePlaceholders(
  translated: Map<string, string>,
  source: Map<string, string>,
  placeholdersOf: (text: string) => unknown[],
): void {
  for (const [key, text] of translated) {
    expect(placeholdersOf(text), key).toEqual(placeholdersOf(source.get(key) ?? ''));
  }
}
