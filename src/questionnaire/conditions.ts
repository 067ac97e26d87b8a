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

/**
 * Whether a condition is known to be true. A condition about a question with no value
 * (unanswered, hidden, "not applicable" or "don't know") is unknown, and so is its `not`: an
 * unanswered gate never reveals a follow-up, whichever way the condition is written.
 */
export function holds(condition: Condition, value: (questionId: string) => AnswerValue | undefined): boolean {
  return truth(condition, value) === true;
}

/**
 * Three-valued (Kleene) logic: `undefined` is "unknown". `all` is false when a part is false,
 * true when every part is true, unknown otherwise; `any` the other way round; `not` swaps true
 * and false and leaves unknown unknown.
 */
function truth(
  condition: Condition,
  value: (questionId: string) => AnswerValue | undefined,
): boolean | undefined {
  if ('all' in condition) return combineTruths(condition.all, (part) => truth(part, value), false);
  if ('any' in condition) return combineTruths(condition.any, (part) => truth(part, value), true);
  if ('not' in condition) {
    const inner = truth(condition.not, value);
    return inner === undefined ? undefined : !inner;
  }
  const answer = value(condition.question);
  if (answer === undefined) return undefined;
  if ('equals' in condition) return answer === condition.equals;
  if ('in' in condition) return condition.in.some((candidate) => candidate === answer);
  if ('notIn' in condition) return !condition.notIn.some((candidate) => candidate === answer);
  if ('atLeast' in condition) return typeof answer === 'number' && answer >= condition.atLeast;
  if ('atMost' in condition) return typeof answer === 'number' && answer <= condition.atMost;
  return Array.isArray(answer) && answer.includes(condition.includes);
}

/**
 * `all` (decisive = false) or `any` (decisive = true) where a part may be unknown: one decisive
 * part settles it, else an unknown part leaves the whole unknown.
 */
export function combineTruths<T>(
  parts: readonly T[],
  truthOf: (part: T) => boolean | undefined,
  decisive: boolean,
): boolean | undefined {
  let unknown = false;
  for (const part of parts) {
    const result = truthOf(part);
    if (result === decisive) return decisive;
    if (result === undefined) unknown = true;
  }
  return unknown ? undefined : !decisive;
}

/** The question ids a condition refers to, each once, in order. */
export function conditionQuestions(condition: Condition): string[] {
  const ids: string[] = [];
  const walk = (part: Condition): void => {
    if ('all' in part) part.all.forEach(walk);
    else if ('any' in part) part.any.forEach(walk);
    else if ('not' in part) walk(part.not);
    else if (!ids.includes(part.question)) ids.push(part.question);
  };
  walk(condition);
  return ids;
}
