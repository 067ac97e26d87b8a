import { computed } from 'vue';
import { pageState } from '../../stores/loadState.ts';
import { useOpenWorkshop } from '../../stores/useOpenRecord.ts';

interface Needs {
  /** The page shows the merged answers (the discussion, the consensus). */
  needsMerge?: boolean;
  /** The page works from the set-up alone, even when this app lacks the questionnaire (the room). */
  withoutQuestionnaire?: boolean;
}

/**
 * What each of the facilitator's pages about one workshop starts from: the workshop the route
 * names, opened in its store; its set-up and questionnaire; and where the page stands, for
 * RecordPage to show until it is `ready`.
 */
export function useWorkshopPage(
  id: () => string,
  { needsMerge = false, withoutQuestionnaire = false }: Needs = {},
) {
  const store = useOpenWorkshop(id);
  const setup = computed(() => store.workshop?.setup);
  const questionnaire = computed(() => store.questionnaire);
  const language = computed(() => questionnaire.value?.defaultLanguage ?? 'en');
  const page = computed(() =>
    pageState(store.loadState, {
      withoutQuestionnaire,
      incomplete: !setup.value || (needsMerge && (!questionnaire.value || !store.merge)),
    }),
  );
  return { store, setup, questionnaire, language, page };
}
