import { describe, expect, it } from 'vitest';
import en from '../../../src/i18n/locales/en.json';
import ru from '../../../src/i18n/locales/ru.json';
import { preferredLocale } from '../../../src/i18n/index.ts';

type Messages = { [key: string]: string | Messages };

function flatten(messages: Messages, prefix = ''): Map<string, string> {
  const entries = new Map<string, string>();
  for (const [key, value] of Object.entries(messages)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') entries.set(path, value);
    else for (const [k, v] of flatten(value, path)) entries.set(k, v);
  }
  return entries;
}

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('interface translations', () => {
  const source = flatten(en);

  it.each([['ru', ru]])('%s has every English key, no others, and no empty text', (_locale, messages) => {
    const translated = flatten(messages);
    expect([...translated.keys()].sort()).toEqual([...source.keys()].sort());
    for (const [key, text] of translated) expect(text.trim(), key).not.toBe('');
  });

  it.each([['ru', ru]])('%s keeps the placeholders of every English message', (_locale, messages) => {
    for (const [key, text] of flatten(messages)) {
      expect(placeholders(text), key).toEqual(placeholders(source.get(key) ?? ''));
    }
  });
});

describe('first-start language', () => {
  it('takes the first browser language the app speaks', () => {
    expect(preferredLocale(['de-CH', 'ru-RU', 'en'])).toBe('ru');
    expect(preferredLocale(['de'])).toBe('en');
  });
});
