import type { Ref } from 'vue';
import { useI18n } from 'vue-i18n';

/**
 * Formatters are costly to make (the first one of a page loads the language's data) and a
 * table formats many figures: each is made once per language and options, and kept.
 */
const formatters = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat>();

function numberFormat(locale: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `n|${locale}|${JSON.stringify(options)}`;
  let format = formatters.get(key) as Intl.NumberFormat | undefined;
  if (!format) formatters.set(key, (format = new Intl.NumberFormat(locale, options)));
  return format;
}

function dateFormat(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `d|${locale}|${JSON.stringify(options)}`;
  let format = formatters.get(key) as Intl.DateTimeFormat | undefined;
  if (!format) formatters.set(key, (format = new Intl.DateTimeFormat(locale, options)));
  return format;
}

/** Numbers, percentages and dates in the conventions of the interface language (`locale`). */
export function useFormat(locale: Readonly<Ref<string>> = useI18n().locale) {
  return {
    /** A score from 0 to 100, to whole points (the precision the method supports). */
    score: (value: number) => numberFormat(locale.value, { maximumFractionDigits: 0 }).format(value),
    /** A share in [0, 1] as a percentage. */
    percent: (value: number) =>
      numberFormat(locale.value, { style: 'percent', maximumFractionDigits: 0 }).format(value),
    /** A change in score points with its sign: "+12", "-3", "0" (Arabic adds the marks that keep the sign in place). */
    change: (value: number) =>
      numberFormat(locale.value, { maximumFractionDigits: 0, signDisplay: 'exceptZero' }).format(value),
    /** A figure to at most `digits` decimals (weights, points of a contribution or a gap). */
    decimal: (value: number, digits = 1) =>
      numberFormat(locale.value, { maximumFractionDigits: digits }).format(value),
    /**
     * A figure as it is typed back into a box: every digit it has (the shortest that reads back
     * the same), the reader's digits and separator, no grouping, so `parseTypedNumber` reads it.
     */
    typable: (value: number) =>
      numberFormat(locale.value, { maximumFractionDigits: 20, useGrouping: false }).format(value),
    dateTime: (iso: string) =>
      dateFormat(locale.value, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso)),
    date: (value: Date) => dateFormat(locale.value, { dateStyle: 'medium' }).format(value),
  };
}
