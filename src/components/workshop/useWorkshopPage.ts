import { computed } from 'vue';
import { shownAs, useLocalized } from '../../i18n/useLocalized.ts';
import { findPillar, questionsById as questionIndex } from '../../questionnaire/lookup.ts';
import { pageState } from '../../stores/loadState.ts';
import { useOpenWorkshop } from '../../stores/useOpenRecord.ts';
import type { QuestionMerge } from '../../workshop/merge.ts';
import type { Distribution } from './distribution.ts';

interface Needs {
  /** The page shows the merged answers (the discussion, the consensus). */
  needsMerge?: boolean;
  /** The page works from the set-up alone, even when this app lacks the questionnaire (the room). */
  withoutQuestionnaire?: boolean;
}

/**
 * What each of the facilitator's pages about one workshop starts from: the workshop the route
 * names, opened in its store; its set-up and questionnaire (its questions and pillar titles, in its
 * own language); and where the page stands, for RecordPage to show until it is `ready`.
 */
export function useWorkshopPage(
  id: () => string,
  { needsMerge = false, withoutQuestionnaire = false }: Needs = {},
) {
  const store = useOpenWorkshop(id);
  const localized = useLocalized();
  const setup = computed(() => store.workshop?.setup);
  const questionnaire = computed(() => store.questionnaire);
  const language = computed(() => questionnaire.value?.defaultLanguage ?? 'en');
  const page = computed(() =>
    pageState(store.loadState, {
      withoutQuestionnaire,
      incomplete: !setup.value || (needsMerge && (!questionnaire.value || !store.merge)),
    }),
  );
  const questionsById = computed(() => questionIndex(questionnaire.value));
  /**
   * A question's answers in the room, as the discussion and the consensus draw them; nothing for a
   * question the questionnaire does not have.
   */
  function distributionOf(merged: QuestionMerge): Distribution | undefined {
    const question = questionsById.value.get(merged.questionId);
    const groups = setup.value?.groups ?? [];
    return question && { question, merged, groups, defaultLanguage: language.value };
  }
  /** A pillar's title in the questionnaire's language; its id where the questionnaire has no such pillar. */
  function pillarTitle(pillarId: string) {
    const pillar = findPillar(questionnaire.value, pillarId);
    return pillar ? localized(pillar.title, language.value) : shownAs(pillarId, 'en');
  }
  return { store, setup, questionnaire, language, page, questionsById, distributionOf, pillarTitle };
}
