import { useI18n } from 'vue-i18n';
import type { QuestionnaireSummary } from '../questionnaire/catalog.ts';
import { useQuestionCountText } from './useQuestionCountText.ts';

/**
 * "7 pillars · 65 questions · version 2.0.0": a questionnaire in one line where it is offered.
 * The home screen writes the same line out itself, so that this module stays off the first screen.
 */
export function useQuestionnaireFacts() {
  const { t } = useI18n();
  const questionCountText = useQuestionCountText();
  return (summary: QuestionnaireSummary): string =>
    t('home.questionnaireFacts', {
      pillars: summary.pillarCount,
      questions: questionCountText(summary.asked),
      version: summary.version,
    });
}
