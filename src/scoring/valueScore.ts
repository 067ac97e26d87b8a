import type { AnswerValue } from '../assessment/types.ts';
import { YES_NO_SCORES, YES_PARTLY_NO_SCORES } from '../questionnaire/constants.ts';
import type { NumericRule, Question } from '../questionnaire/schema.ts';
import { isScored, numericRange } from '../questionnaire/values.ts';

/**
 * The score in [0, 1] an answer value earns, `null` for a valid answer to a question that is
 * never scored (free text, or `"scored": false`), or `undefined` when the value is not a valid
 * answer to this question (for instance an option removed in a later version), which scoring
 * treats as unanswered.
 */
export function valueScore(question: Question, value: AnswerValue): number | null | undefined {
  const score = scoreOnScale(question, value);
  return score !== undefined && !isScored(question) ? null : score;
}

/** A maturity level n of L levels scores n / (L − 1): 0 for the first level, 1 for the last. */
function scoreOnScale(question: Question, value: AnswerValue): number | null | undefined {
  switch (question.type) {
    case 'yesNo':
      return lookup(YES_NO_SCORES, value);
    case 'yesPartlyNo':
      return lookup(YES_PARTLY_NO_SCORES, value);
    case 'maturity':
      return inRange(question, value) ? (value as number) / (question.levels.length - 1) : undefined;
    case 'singleChoice':
      return typeof value === 'string' ? optionScore(question.options, value) : undefined;
    case 'multipleChoice':
      return multipleChoiceScore(question.options, value);
    case 'number':
    case 'percentage':
      if (!inRange(question, value)) return undefined;
      return question.scoring ? applyRule(question.scoring, value as number) : null;
    case 'text':
      return typeof value === 'string' ? null : undefined;
  }
}

function lookup(scores: Readonly<Record<string, number>>, value: AnswerValue): number | undefined {
  return typeof value === 'string' && Object.hasOwn(scores, value) ? scores[value] : undefined;
}

function inRange(question: Question, value: AnswerValue): boolean {
  if (typeof value !== 'number' || !Number.isFinite(value)) return false;
  const { min, max, integer } = numericRange(question);
  return (
    (min === undefined || value >= min) &&
    (max === undefined || value <= max) &&
    (!integer || Number.isInteger(value))
  );
}

type Options = ReadonlyArray<{ id: string; score?: number }>;

/** An option's score; an option of an unscored question has none (the validator sees to it). */
function optionScore(options: Options, id: string): number | undefined {
  const option = options.find((candidate) => candidate.id === id);
  return option && (option.score ?? 0);
}

/** The sum of the chosen options' scores, capped at 1; every chosen id must be an option. */
function multipleChoiceScore(options: Options, value: AnswerValue): number | undefined {
  if (!Array.isArray(value)) return undefined;
  let sum = 0;
  for (const id of new Set(value)) {
    const score = optionScore(options, id);
    if (score === undefined) return undefined;
    sum += score;
  }
  return Math.min(1, sum);
}

/** Maps a figure to a score with the question's documented rule (see the format's schema). */
export function applyRule(rule: NumericRule, value: number): number {
  if (rule.kind === 'linear') {
    const fraction = (value - rule.scoreZeroAt) / (rule.scoreFullAt - rule.scoreZeroAt);
    return Math.min(1, Math.max(0, fraction));
  }
  let score = 0;
  for (const step of rule.steps) if (value >= step.from) score = step.score;
  return score;
}
