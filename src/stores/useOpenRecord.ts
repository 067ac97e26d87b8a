import { watch } from 'vue';
import { useAssessmentStore } from './assessment.ts';
import { useWorkshopStore } from './workshop.ts';

/** Opens the record a route parameter names in its store, and again whenever the parameter changes. */
function useOpenRecord<S extends { open(id: string): Promise<unknown> }>(store: S, id: () => string): S {
  watch(id, (value) => void store.open(value), { immediate: true });
  return store;
}

export const useOpenAssessment = (id: () => string) => useOpenRecord(useAssessmentStore(), id);
export const useOpenWorkshop = (id: () => string) => useOpenRecord(useWorkshopStore(), id);
