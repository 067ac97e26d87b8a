import type { Question } from './schema.ts';

/** The answer values a choice-like question accepts, or undefined for numeric and text questions. */
export function choiceValues(question: Question): string[] | undefined {
  switch (question.type) {
    case 'yesNo':
      return ['yes', 'no'];
    case 'yesPartlyNo':
      return ['yes', 'partly', 'no'];
    case 'singleChoice':
    case 'multipleChoice':
      return question.options.map((option) => option.id);
    default:
      return undefined;
  }
}

/** Questions answered with a number, which conditions can compare with `atLeast`. */
export function isNumeric(question: Question): boolean {
  return question.type === 'maturity' || question.type === 'number' || question.type === 'percentage';
}

/** The range a numeric answer must lie in, where the format fixes one. */
export function numericRange(question: Question): { min?: number; max?: number; integer: boolean } {
  switch (question.type) {
    case 'maturity':
      return { min: 0, max: question.levels.length - 1, integer: true };
    case 'percentage':
      return { min: 0, max: 100, integer: false };
    case 'number':
      return { min: question.min, max: question.max, integer: question.integer ?? false };
    default:
      return { integer: false };
  }
}

/** Whether a question's answers count towards its pillar's score (and coverage). */
export function isScored(question: Question): boolean {
  if (question.type === 'text') return false;
  return !('scored' in question) || question.scored !== false;
}
