import { defineStore } from 'pinia';
import { ref } from 'vue';
import type { Locale } from '../language/index.ts';
import { LOCALE_KEY, startingLocale, storedLocale } from '../language/starting.ts';

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
