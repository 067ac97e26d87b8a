import { ref } from 'vue';
import type { Assignment } from '../../coordination/api.ts';
import { findPillar, findQuestion } from '../../questionnaire/lookup.ts';
import type { Questionnaire } from '../../questionnaire/schema.ts';
import { useQuestionnairesStore } from '../../stores/questionnaires.ts';
import { useLanguage } from '../../i18n/useLanguage.ts';

/** What a part is called on screen: its pillar's title, or its question's text, in the interface language. */
export function usePartLabel() {
  const { t, localized } = useLanguage();
  const questionnaires = useQuestionnairesStore();
  const loaded = ref(new Map<string, Questionnaire>());

  async function need(ids: readonly string[]): Promise<void> {
    for (const id of new Set(ids)) {
      if (loaded.value.has(id)) continue;
      const questionnaire = await questionnaires.load(id);
      if (questionnaire) loaded.value = new Map(loaded.value).set(id, questionnaire);
    }
  }

  function label(questionnaireId: string, part: Assignment['part']): string {
    const questionnaire = loaded.value.get(questionnaireId);
    const language = questionnaire?.defaultLanguage ?? 'en';
    if (part.kind === 'pillar') {
      const pillar = findPillar(questionnaire, part.id);
      return t('coordination.pillarPart', {
        title: pillar ? localized(pillar.title, language).text : part.id,
      });
    }
    const question = findQuestion(questionnaire, part.id);
    return t('coordination.questionPart', {
      title: question ? localized(question.text, language).text : part.id,
    });
  }

  return { need, label };
}
