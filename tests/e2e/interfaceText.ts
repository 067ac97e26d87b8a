import { readFileSync } from 'node:fs';

/** The two interface languages the browser tests walk through: left to right and right to left. */
export const LOCALES = ['en', 'ar'] as const;
export type TestLocale = (typeof LOCALES)[number];

/** A phone and a laptop. */
export const VIEWPORTS = [
  { width: 360, height: 740 },
  { width: 1366, height: 900 },
] as const;

const cache = new Map<TestLocale, Record<string, unknown>>();
function messages(locale: TestLocale): Record<string, unknown> {
  let found = cache.get(locale);
  if (!found) {
    const url = new URL(`../../src/i18n/locales/${locale}.json`, import.meta.url);
    found = JSON.parse(readFileSync(url, 'utf8')) as Record<string, unknown>;
    cache.set(locale, found);
  }
  return found;
}

/** An interface text as the app shows it in `locale` (placeholders filled in; no plural forms). */
export function say(locale: TestLocale, key: string, params: Record<string, string | number> = {}): string {
  let node: unknown = messages(locale);
  for (const part of key.split('.')) node = (node as Record<string, unknown> | undefined)?.[part];
  if (typeof node !== 'string') throw new Error(`No text "${key}" in ${locale}`);
  return node.replace(/\{(\w+)\}/g, (_, name: string) => String(params[name] ?? `{${name}}`));
}

/** Browser settings for a run in this language on this screen: the app guesses the language from the browser. */
export const browserFor = (locale: TestLocale, viewport: (typeof VIEWPORTS)[number]) => ({
  locale: locale === 'ar' ? 'ar-EG' : 'en-GB',
  viewport: { ...viewport },
});
