import type { AnswerValue } from '../../assessment/types.ts';
import type { Question } from '../../questionnaire/schema.ts';

/**
 * What every answer control is given (see `CONTROLS`): the question, its value, the heading
 * that names it, and the questionnaire's language for its own texts. Each emits `change`.
 */
export interface ControlProps<Q extends Question = Question> {
  question: Q;
  value: AnswerValue | undefined;
  labelledBy: string;
  defaultLanguage: string;
}
