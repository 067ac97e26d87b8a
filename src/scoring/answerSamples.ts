/**
 * A finite set of answers that stands for every answer a question can take, as far as some
 * conditions on it can tell: every answer of a choice, yes/no or maturity question; for multiple
 * choice, the fewest and the most options with each selection of the options the conditions
 * name; for a figure, the values where a condition or the scoring rule changes, the points
 * between them and beyond them. Within each part of that partition the conditions hold or fail
 * together and the score moves one way, so what is true of these answers is true of all.
 */
import type { AnswerValue } from '../assessment/types.ts';
import type { Condition, NumericRule, Question } from '../questionnaire/schema.ts';
import { answerType, hasOptions, hasRule, numericRange } from '../questionnaire/answerTypes.ts';
import { valueScore } from './valueScore.ts';

export interface Sample {
  value: AnswerValue;
  /** `null` for a question that is not scored (free text, or `"scored": false`). */
  score: number | null;
}

/** Answers that stand for every answer the question can take, as far as these conditions can tell. */
export function answerSamples(question: Question, ...parts: Condition[]): Sample[] {
  const values = candidates(question, parts);
  return values.flatMap((value) => {
    const score = valueScore(question, value);
    return score === undefined ? [] : [{ value, score }];
  });
}

/**
 * Every value the type offers (yes/no, options, levels); for multiple choice, the sets of options
 * the conditions can tell apart; for any other figure, the points where something changes.
 */
function candidates(question: Question, parts: readonly Condition[]): AnswerValue[] {
  const type = answerType(question);
  switch (type.value) {
    case 'choice':
      return type.choices(question) ?? [];
    case 'choices':
      return hasOptions(question) ? optionSets(question.options, named(parts, 'includes')) : [];
    case 'number':
      return (
        type.choices(question) ??
        figures(question, hasRule(question) ? question.scoring : undefined, named(parts, 'number'))
      );
    case 'text':
      return [];
  }
}

/** The option ids (`includes`) or the figures (`equals`, `in`, `notIn`, `atLeast`, `atMost`) the conditions name. */
function named(parts: readonly Condition[], kind: 'includes'): string[];
function named(parts: readonly Condition[], kind: 'number'): number[];
function named(parts: readonly Condition[], kind: 'includes' | 'number'): (string | number)[] {
  const found: (string | number)[] = [];
  const walk = (part: Condition): void => {
    if ('all' in part) part.all.forEach(walk);
    else if ('any' in part) part.any.forEach(walk);
    else if ('not' in part) walk(part.not);
    else if (kind === 'includes' && 'includes' in part) found.push(part.includes);
    else if (kind === 'number')
      found.push(...comparedWith(part).filter((value) => typeof value === 'number'));
  };
  parts.forEach(walk);
  return [...new Set(found)];
}

function comparedWith(part: Extract<Condition, { question: string }>): (string | number)[] {
  if ('equals' in part) return [part.equals];
  if ('in' in part) return part.in;
  if ('notIn' in part) return part.notIn;
  if ('atLeast' in part) return [part.atLeast];
  if ('atMost' in part) return [part.atMost];
  return [];
}

/** For each selection of the named options, the answer with no other option and the one with all the others. */
function optionSets(
  options: ReadonlyArray<{ id: string; exclusive?: boolean }>,
  names: readonly string[],
): string[][] {
  const mentioned = names.filter((id) => options.some((option) => option.id === id));
  const others = options.filter((option) => !mentioned.includes(option.id) && !option.exclusive);
  const exclusive = new Set(options.filter((option) => option.exclusive).map((option) => option.id));
  const sets: string[][] = [];
  for (let mask = 0; mask < 2 ** mentioned.length; mask += 1) {
    const chosen = mentioned.filter((_, i) => mask & (2 ** i));
    if (chosen.some((id) => exclusive.has(id)) && chosen.length > 1) continue;
    sets.push(chosen);
    if (!chosen.some((id) => exclusive.has(id))) sets.push([...chosen, ...others.map((option) => option.id)]);
  }
  // Exclusive options the conditions do not name: chosen alone.
  for (const id of exclusive) if (!mentioned.includes(id)) sets.push([id]);
  return sets;
}

/** The figures where a condition or the rule changes, the points between them, and beyond them. */
function figures(question: Question, rule: NumericRule | undefined, thresholds: readonly number[]): number[] {
  const { min, max, integer } = numericRange(question);
  const breaks = !rule
    ? []
    : rule.kind === 'linear'
      ? [rule.scoreZeroAt, rule.scoreFullAt]
      : rule.steps.map((step) => step.from);
  const points = [
    ...new Set([
      ...thresholds,
      ...breaks,
      ...(min === undefined ? [] : [min]),
      ...(max === undefined ? [] : [max]),
    ]),
  ].sort((a, b) => a - b);
  if (points.length === 0) return [0];
  const candidates = [
    points[0]! - 1,
    ...points.flatMap((point, i) => (i === 0 ? [point] : [(points[i - 1]! + point) / 2, point])),
    points[points.length - 1]! + 1,
  ].flatMap((value) => (integer ? [Math.floor(value), Math.ceil(value)] : [value]));
  return [...new Set(candidates)].filter(
    (value) => (min === undefined || value >= min) && (max === undefined || value <= max),
  );
}
