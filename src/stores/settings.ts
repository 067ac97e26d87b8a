import { defineStore } from 'pinia';
import { ref, watch } from 'vue';
import { isLocale, preferredLocale, SUPPORTED_LOCALES, type Locale } from '../i18n/index.ts';

const LOCALE_KEY = 'baseline.locale';

function storedLocale(): Locale | undefined {
  try {
    const value = localStorage.getItem(LOCALE_KEY);
    return isLocale(value) ? value : undefined;
  } catch {
    return undefined; // storage blocked (some private modes): fall back to the browser's language
  }
}

export const useSettingsStore = defineStore('settings', () => {
  const locale = ref<Locale>(storedLocale() ?? preferredLocale(navigator.languages));

  watch(
    locale,
    (value) => {
      try {
        localStorage.setItem(LOCALE_KEY, value);
      } catch {
        // Not remembered across visits, but the app keeps working in the chosen language.
      }
      const { dir } = SUPPORTED_LOCALES.find((entry) => entry.code === value) ?? SUPPORTED_LOCALES[0];
      document.documentElement.lang = value;
      document.documentElement.dir = dir;
    },
    { immediate: true },
  );

  return { locale };
});
