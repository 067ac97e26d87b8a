import type { AnswerValue } from '../assessment/types.ts';
import { accepts, answerType, isScored } from '../questionnaire/answerTypes.ts';
import type { Question } from '../questionnaire/schema.ts';

export { applyRule } from '../questionnaire/answerTypes.ts';

/**
 * The score in [0, 1] an answer value earns (as its type's descriptor says), `null` for a
 * valid answer to a question that is never scored (free text, or `"scored": false`), or
 * `undefined` when the value is not a valid answer to this question (for instance an option
 * removed in a later version), which scoring treats as unanswered.
 */
export function valueScore(question: Question, value: AnswerValue): number | null | undefined {
  if (!accepts(question, value)) return undefined;
  return isScored(question) ? answerType(question).score(question, value) : null;
}
