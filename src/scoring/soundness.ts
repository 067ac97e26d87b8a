/**
 * Conditions that would let a better answer lower a score. The scoring rule (score.ts and
 * followUps.ts) is monotone — an answer that scores higher, every other answer unchanged, never
 * lowers its pillar or the overall score, whatever the weights — provided every condition
 * keeps to the shape its follow-up's `whenHidden` needs:
 *
 * - `zero` (the default): each part of the condition must hold for every answer that scores
 *   higher than one for which it holds. Otherwise a better gate answer would hide the follow-up
 *   and turn its score into 0.
 * - `full`: the condition names one gate question and holds only for the lower-scoring answers:
 *   whenever it holds for an answer, it holds for every answer that scores less. A higher answer
 *   then moves the follow-up from its own score to full credit, never down. No other condition
 *   may refer to such a follow-up, since its answer disappears once it is credited.
 * - `notApplicable`: every gate question scores nothing (free text, or options that all score
 *   0) and is itself shown or hidden only by such questions, so no scored answer can move the
 *   follow-up in or out of the denominator.
 *
 * The validator runs this check on every questionnaire (`src/questionnaire/rules.ts`). Answers
 * are checked on a finite set that stands for all of them: every answer of a choice, yes/no or
 * maturity question; for multiple choice, the fewest and the most options with each selection
 * of the options the condition names; for a figure, the values where a condition or the scoring
 * rule changes, the points between them and beyond them.
 */
import type { AnswerValue } from '../assessment/types.ts';
import { holds } from '../questionnaire/conditions.ts';
import { MATURITY_LEVELS } from '../questionnaire/constants.ts';
import type { Condition, NumericRule, Question, Questionnaire } from '../questionnaire/schema.ts';
import { numericRange } from '../questionnaire/values.ts';
import { questionsInOrder } from '../questionnaire/walk.ts';
import type { PathSegment } from '../validation/problems.ts';
import { conditionQuestions } from './followUps.ts';
import { valueScore } from './valueScore.ts';

export interface FollowUpProblem {
  /** From the questionnaire's root, as `jsonPath` writes it. */
  path: PathSegment[];
  /** In English, for authors (the validator's other rules speak English too). */
  message: string;
}

interface Sample {
  value: AnswerValue;
  score: number;
}

interface LocatedLeaf {
  leaf: Extract<Condition, { question: string }>;
  path: PathSegment[];
}

export function checkFollowUps(questionnaire: Questionnaire): FollowUpProblem[] {
  const located = questionsInOrder(questionnaire);
  const byId = new Map(located.map(({ question }) => [question.id, question]));
  const problems: FollowUpProblem[] = [];
  for (const { question, path } of located) {
    if (!question.showIf) continue;
    const where: PathSegment[] = [...path, 'showIf'];
    const mode = question.whenHidden ?? 'zero';
    const gates = conditionQuestions(question.showIf)
      .map((id) => byId.get(id))
      .filter((gate): gate is Question => gate !== undefined);
    for (const gate of gates.filter((entry) => entry.whenHidden === 'full'))
      problems.push({
        path: where,
        message: `refers to "${gate.id}", which is credited in full while hidden ("whenHidden": "full"), so its answer can disappear with a better answer to its own gate; refer to that gate instead`,
      });
    if (mode === 'zero') problems.push(...zeroProblems(question.showIf, where, byId));
    if (mode === 'full') problems.push(...fullProblems(question.showIf, where, gates));
    if (mode === 'notApplicable') problems.push(...outOfScopeProblems(gates, where, byId));
  }
  return problems;
}

/** Each part must hold for every answer that scores higher than one it holds for. */
function zeroProblems(
  condition: Condition,
  where: PathSegment[],
  byId: ReadonlyMap<string, Question>,
): FollowUpProblem[] {
  const problems: FollowUpProblem[] = [];
  for (const { leaf, path } of leaves(condition, where)) {
    const gate = byId.get(leaf.question);
    if (!gate) continue;
    const pair = breakingPair(samples(gate, leaf), (sample) => holds(leaf, () => sample.value));
    if (pair)
      problems.push({
        path,
        message:
          `shown when "${gate.id}" is ${valueText(pair.low.value)} but hidden when it is ${valueText(pair.high.value)}, ` +
          `which scores higher (${pair.high.score} > ${pair.low.score}): the better answer would count this question as 0 ` +
          `and lower the score. Make the condition hold for every answer that scores at least as much, or, for a question ` +
          `asked only while a capacity is absent, set "whenHidden": "full"`,
      });
  }
  return problems;
}

/** One gate, and the condition holds only for its lower-scoring answers. */
function fullProblems(
  condition: Condition,
  where: PathSegment[],
  gates: readonly Question[],
): FollowUpProblem[] {
  const [gate, ...others] = gates;
  if (!gate || others.length > 0)
    return [
      {
        path: where,
        message: `"whenHidden": "full" needs a condition on one question; this one refers to ${gates.map((entry) => `"${entry.id}"`).join(', ')}`,
      },
    ];
  const parts = leaves(condition, where).map(({ leaf }) => leaf);
  const all = samples(gate, ...parts);
  // Hidden for a lower answer but shown for a higher one: the reverse of what "zero" forbids.
  const pair = breakingPair(all, (sample) => !holds(condition, () => sample.value));
  if (!pair) return [];
  return [
    {
      path: where,
      message:
        `"whenHidden": "full" credits this question in full when "${gate.id}" is ${valueText(pair.low.value)}, ` +
        `but asks it when "${gate.id}" is ${valueText(pair.high.value)}, which scores higher (${pair.high.score} > ${pair.low.score}): ` +
        `the better answer would lower the score. The condition must hold only for the lower-scoring answers`,
    },
  ];
}

/** Every gate scores nothing, and is shown or hidden only by questions that score nothing. */
function outOfScopeProblems(
  gates: readonly Question[],
  where: PathSegment[],
  byId: ReadonlyMap<string, Question>,
): FollowUpProblem[] {
  const scored = gates.find((gate) => !scoresNothing(gate, byId, new Set()));
  return scored
    ? [
        {
          path: where,
          message:
            `"whenHidden": "notApplicable" is allowed only when no scored answer can show or hide the question, ` +
            `but "${scored.id}" (or a question it depends on) is scored: answering it would move this question in or out of ` +
            `the score. Leave "whenHidden" out (the question then counts 0 while hidden)`,
        },
      ]
    : [];
}

function scoresNothing(question: Question, byId: ReadonlyMap<string, Question>, seen: Set<string>): boolean {
  if (seen.has(question.id)) return true;
  seen.add(question.id);
  if (samples(question).some((sample) => sample.score !== 0)) return false;
  if (!question.showIf) return true;
  return conditionQuestions(question.showIf).every((id) => {
    const gate = byId.get(id);
    return !gate || scoresNothing(gate, byId, seen);
  });
}

/**
 * Two answers where the higher-scoring one loses what the lower-scoring one has: `low` keeps
 * the property, `high` scores strictly more and does not.
 */
function breakingPair(
  all: readonly Sample[],
  keeps: (sample: Sample) => boolean,
): { low: Sample; high: Sample } | undefined {
  const kept = all.filter(keeps);
  const lost = all.filter((sample) => !keeps(sample));
  if (kept.length === 0 || lost.length === 0) return undefined;
  const low = kept.reduce((lowest, sample) => (sample.score < lowest.score ? sample : lowest));
  const high = lost.reduce((highest, sample) => (sample.score > highest.score ? sample : highest));
  return high.score > low.score ? { low, high } : undefined;
}

function leaves(condition: Condition, path: PathSegment[]): LocatedLeaf[] {
  if ('all' in condition) return condition.all.flatMap((part, i) => leaves(part, [...path, 'all', i]));
  if ('any' in condition) return condition.any.flatMap((part, i) => leaves(part, [...path, 'any', i]));
  return [{ leaf: condition, path }];
}

/** Answers that stand for every answer the question can take, as far as these conditions can tell. */
function samples(question: Question, ...parts: Condition[]): Sample[] {
  const values: AnswerValue[] = (() => {
    switch (question.type) {
      case 'yesNo':
        return ['yes', 'no'];
      case 'yesPartlyNo':
        return ['yes', 'partly', 'no'];
      case 'maturity':
        return Array.from({ length: MATURITY_LEVELS }, (_, level) => level);
      case 'singleChoice':
        return question.options.map((option) => option.id);
      case 'multipleChoice':
        return optionSets(question.options, named(parts, 'includes'));
      case 'number':
      case 'percentage':
        return figures(question, question.scoring, named(parts, 'number'));
      case 'text':
        return [];
    }
  })();
  return values.flatMap((value) => {
    const score = valueScore(question, value);
    return typeof score === 'number' ? [{ value, score }] : [];
  });
}

/** The option ids (`includes`) or the figures (`equals`, `in`, `atLeast`) the conditions name. */
function named(parts: readonly Condition[], kind: 'includes'): string[];
function named(parts: readonly Condition[], kind: 'number'): number[];
function named(parts: readonly Condition[], kind: 'includes' | 'number'): (string | number)[] {
  const found: (string | number)[] = [];
  const walk = (part: Condition): void => {
    if ('all' in part) part.all.forEach(walk);
    else if ('any' in part) part.any.forEach(walk);
    else if (kind === 'includes' && 'includes' in part) found.push(part.includes);
    else if (kind === 'number') {
      const values =
        'equals' in part ? [part.equals] : 'in' in part ? part.in : 'atLeast' in part ? [part.atLeast] : [];
      found.push(...values.filter((value) => typeof value === 'number'));
    }
  };
  parts.forEach(walk);
  return [...new Set(found)];
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
function figures(question: Question, rule: NumericRule, thresholds: readonly number[]): number[] {
  const { min, max, integer } = numericRange(question);
  const breaks =
    rule.kind === 'linear' ? [rule.scoreZeroAt, rule.scoreFullAt] : rule.steps.map((step) => step.from);
  const points = [
    ...new Set([
      ...thresholds,
      ...breaks,
      ...(min === undefined ? [] : [min]),
      ...(max === undefined ? [] : [max]),
    ]),
  ].sort((a, b) => a - b);
  const candidates = [
    points[0]! - 1,
    ...points.flatMap((point, i) => (i === 0 ? [point] : [(points[i - 1]! + point) / 2, point])),
    points[points.length - 1]! + 1,
  ].flatMap((value) => (integer ? [Math.floor(value), Math.ceil(value)] : [value]));
  return [...new Set(candidates)].filter(
    (value) => (min === undefined || value >= min) && (max === undefined || value <= max),
  );
}

function valueText(value: AnswerValue): string {
  return JSON.stringify(value);
}
