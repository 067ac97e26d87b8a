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
 * are checked on a finite set that stands for all of them (see answerSamples.ts).
 */
import type { AnswerValue } from '../assessment/types.ts';
import { conditionQuestions, holds } from '../questionnaire/conditions.ts';
import type { Condition, Question, Questionnaire } from '../questionnaire/schema.ts';
import { isScored } from '../questionnaire/answerTypes.ts';
import { questionsById } from '../questionnaire/lookup.ts';
import { questionsInOrder } from '../questionnaire/walk.ts';
import type { PathSegment } from '../validation/problems.ts';
import { answerSamples as samples, type Sample } from './answerSamples.ts';

export interface FollowUpProblem {
  /** From the questionnaire's root, as `jsonPath` writes it. */
  path: PathSegment[];
  /** In English, for authors (the validator's other rules speak English too). */
  message: string;
}

interface LocatedLeaf {
  leaf: Extract<Condition, { question: string }>;
  path: PathSegment[];
  /** Under an odd number of `not`s: the follow-up is shown where the part does not hold. */
  negated: boolean;
}

type Scored = Sample & { score: number };

export function checkFollowUps(questionnaire: Questionnaire): FollowUpProblem[] {
  const located = questionsInOrder(questionnaire);
  const byId = questionsById(questionnaire);
  const gates = new Set(
    located.flatMap(({ question }) => (question.showIf ? conditionQuestions(question.showIf) : [])),
  );
  const problems: FollowUpProblem[] = [];
  for (const { question, path } of located) {
    if (!question.showIf) continue;
    // A question with no score moves no score by coming or going, unless others depend on it.
    if (!isScored(question) && !gates.has(question.id)) continue;
    const where: PathSegment[] = [...path, 'showIf'];
    const mode = question.whenHidden ?? 'zero';
    const own = conditionQuestions(question.showIf)
      .map((id) => byId.get(id))
      .filter((gate): gate is Question => gate !== undefined);
    for (const gate of own.filter((entry) => entry.whenHidden === 'full'))
      problems.push({
        path: where,
        message: `refers to "${gate.id}", which is credited in full while hidden ("whenHidden": "full"), so its answer can disappear with a better answer to its own gate; refer to that gate instead`,
      });
    if (mode === 'zero') problems.push(...zeroProblems(question.showIf, where, byId));
    if (mode === 'full') problems.push(...fullProblems(question.showIf, where, own));
    if (mode === 'notApplicable') problems.push(...outOfScopeProblems(own, where, byId));
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
  for (const { leaf, path, negated } of leaves(condition, where)) {
    const gate = byId.get(leaf.question);
    if (!gate) continue;
    const pair = breakingPair(samples(gate, leaf), (sample) => holds(leaf, () => sample.value) !== negated);
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
  if (samples(question).some((sample) => sample.score !== 0 && sample.score !== null)) return false;
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
): { low: Scored; high: Scored } | undefined {
  const scored = all.filter((sample): sample is Scored => sample.score !== null);
  const kept = scored.filter(keeps);
  const lost = scored.filter((sample) => !keeps(sample));
  if (kept.length === 0 || lost.length === 0) return undefined;
  const low = kept.reduce((lowest, sample) => (sample.score < lowest.score ? sample : lowest));
  const high = lost.reduce((highest, sample) => (sample.score > highest.score ? sample : highest));
  return high.score > low.score ? { low, high } : undefined;
}

/** The parts of a condition that name a question, each with its path and whether a `not` turns it round. */
function leaves(condition: Condition, path: PathSegment[], negated = false): LocatedLeaf[] {
  if ('all' in condition)
    return condition.all.flatMap((part, i) => leaves(part, [...path, 'all', i], negated));
  if ('any' in condition)
    return condition.any.flatMap((part, i) => leaves(part, [...path, 'any', i], negated));
  if ('not' in condition) return leaves(condition.not, [...path, 'not'], !negated);
  return [{ leaf: condition, path, negated }];
}

function valueText(value: AnswerValue): string {
  return JSON.stringify(value);
}
