import { computed, ref, type WritableComputedRef } from 'vue';
import { useI18n } from 'vue-i18n';
import { csvConventionFor, type CsvConvention } from '../../transfer/csvConvention.ts';

/**
 * The convention a CSV is written in: that of the interface language's usual regional settings
 * until the person chooses (`CsvConventionChoice`), so a French reader gets semicolons and 1,5
 * without asking, and anyone can pick the other.
 */
export function useCsvConvention(): WritableComputedRef<CsvConvention> {
  const { locale } = useI18n();
  const chosen = ref<CsvConvention>();
  return computed<CsvConvention>({
    get: () => chosen.value ?? csvConventionFor(locale.value),
    set: (value) => (chosen.value = value),
  });
}
