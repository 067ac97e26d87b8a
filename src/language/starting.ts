/**
 * The interface language to start in, decided before the framework is loaded: this module is
 * part of the first script to run (`src/firstRequests.ts`), which asks for the language's
 * messages at once. No imports beyond the list of locales.
 */
import { isLocale, preferredLocale, type Locale } from './locales.ts';

/** Where the language chosen is remembered (local storage). */
export const LOCALE_KEY = 'baseline.locale';

export function storedLocale(): Locale | undefined {
  try {
    const value = localStorage.getItem(LOCALE_KEY);
    return isLocale(value) ? value : undefined;
  } catch {
    return undefined; // storage blocked (some private modes): fall back to the browser's language
  }
}

/** The language to start in: the one chosen before, else the browser's first that the app speaks. */
export function startingLocale(stored = storedLocale()): Locale {
  return stored ?? preferredLocale(navigator.languages);
}
