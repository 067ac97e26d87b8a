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
  /** A legend under the chart only where it tells series apart; tooltips in the reader's direction. */
  const plugins = (seriesCount: number) => ({
    legend: { display: seriesCount > 1, position: 'bottom' as const, ...textOptions() },
    tooltip: textOptions(),
  });
  return { locale, rtl, textOptions, plugins, font: { family: CHART_FONT_FAMILY } };
}
