import { useI18n } from 'vue-i18n';

/** Numbers, percentages and dates in the conventions of the interface language. */
export function useFormat() {
  const { locale } = useI18n();
  return {
    /** A score from 0 to 100, to whole points (the precision the method supports). */
    score: (value: number) => new Intl.NumberFormat(locale.value, { maximumFractionDigits: 0 }).format(value),
    /** A share in [0, 1] as a percentage. */
    percent: (value: number) =>
      new Intl.NumberFormat(locale.value, { style: 'percent', maximumFractionDigits: 0 }).format(value),
    /** A change in score points with its sign: "+12", "-3", "0" (Arabic adds the marks that keep the sign in place). */
    change: (value: number) =>
      new Intl.NumberFormat(locale.value, { maximumFractionDigits: 0, signDisplay: 'exceptZero' }).format(
        value,
      ),
    /** A figure to at most `digits` decimals (weights, points of a contribution or a gap). */
    decimal: (value: number, digits = 1) =>
      new Intl.NumberFormat(locale.value, { maximumFractionDigits: digits }).format(value),
    dateTime: (iso: string) =>
      new Intl.DateTimeFormat(locale.value, { dateStyle: 'medium', timeStyle: 'short' }).format(
        new Date(iso),
      ),
    date: (value: Date) => new Intl.DateTimeFormat(locale.value, { dateStyle: 'medium' }).format(value),
  };
}
