import { watch } from 'vue';
import { useAssessmentStore } from './assessment.ts';

/** Opens the assessment named by a route parameter, and again whenever the parameter changes. */
export function useOpenAssessment(id: () => string) {
  const store = useAssessmentStore();
  watch(id, (value) => void store.open(value), { immediate: true });
  return store;
}
