import type { AnswerValue, Answers } from '../assessment/types.ts';
import type { Condition, Questionnaire } from './schema.ts';

/**
 * The ids of the questions shown for these answers. A question with `showIf` is shown only
 * while its condition holds on earlier answers; the answer to a hidden question does not
 * count, so hiding cascades to questions that depend on it.
 */
export function visibleQuestionIds(questionnaire: Questionnaire, answers: Answers): Set<string> {
  const visible = new Set<string>();
  const visibleValue = (id: string) => (visible.has(id) ? valueOf(answers, id) : undefined);
  // Document order (pillar by pillar), without building located copies: the workshop merge asks
  // this of every participant.
  for (const pillar of questionnaire.pillars) {
    for (const question of pillar.questions) {
      if (!question.showIf || holds(question.showIf, visibleValue)) visible.add(question.id);
    }
  }
  return visible;
}

function valueOf(answers: Answers, questionId: string): AnswerValue | undefined {
  const response = answers[questionId]?.response;
  return response?.kind === 'value' ? response.value : undefined;
}

/** Evaluates a condition; an unanswered, "not applicable" or "don't know" answer satisfies none. */
export function holds(condition: Condition, value: (questionId: string) => AnswerValue | undefined): boolean {
  if ('all' in condition) return condition.all.every((part) => holds(part, value));
  if ('any' in condition) return condition.any.some((part) => holds(part, value));
  const answer = value(condition.question);
  if (answer === undefined) return false;
  if ('equals' in condition) return answer === condition.equals;
  if ('in' in condition) return condition.in.some((candidate) => candidate === answer);
  if ('atLeast' in condition) return typeof answer === 'number' && answer >= condition.atLeast;
  return Array.isArray(answer) && answer.includes(condition.includes);
}
