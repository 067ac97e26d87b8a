import { useI18n } from 'vue-i18n';
import type { QuestionCount } from '../assessment/questionCount.ts';

/** "65 questions, up to 74 depending on your answers": the one way a questionnaire's size is told. */
export function useQuestionCountText() {
  const { t } = useI18n();
  return (count: QuestionCount): string =>
    count.atMost > count.always
      ? t('questions.range', { always: count.always, atMost: count.atMost })
      : t('questions.fixed', { count: count.always }, count.always);
}
