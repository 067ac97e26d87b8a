import { computed } from 'vue';
import { useI18n } from 'vue-i18n';
import { languageDirection } from '../../language/index.ts';

/** The page's own fonts (system fonts, nothing fetched), so Arabic and Chinese draw as they read. */
export const CHART_FONT_FAMILY =
  "system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', 'Helvetica Neue', Arial, sans-serif";

/**
 * What a chart needs of the interface language: Intl number formats for its ticks, and legends
 * and tooltips laid out right to left in Arabic.
 */
export function useChartText() {
  const { locale } = useI18n();
  const rtl = computed(() => languageDirection(locale.value) === 'rtl');
  const textOptions = () => ({
    rtl: rtl.value,
    textDirection: rtl.value ? 'rtl' : 'ltr',
  });
  return { locale, rtl, textOptions, font: { family: CHART_FONT_FAMILY } };
}
