import { defineStore } from 'pinia';
import { ref } from 'vue';
import { isLocale, preferredLocale, type Locale } from '../language/index.ts';

const LOCALE_KEY = 'baseline.locale';

function storedLocale(): Locale | undefined {
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

export const useSettingsStore = defineStore('settings', () => {
  const stored = storedLocale();
  /** The interface language. */
  const locale = ref<Locale>(startingLocale(stored));
  /** False on a first start, until the person confirms or changes the language. */
  const localeChosen = ref(stored !== undefined);

  /** A language the person chose: used at once and remembered for the next visit. */
  function chooseLocale(value: Locale): void {
    locale.value = value;
    localeChosen.value = true;
    try {
      localStorage.setItem(LOCALE_KEY, value);
    } catch {
      // Not remembered across visits, but the app keeps working in the chosen language.
    }
  }

  return { locale, localeChosen, chooseLocale };
});
