/**
 * Scores an assessment, keeping the working so every figure can be explained.
 *
 * Question: a score in [0, 1] from its answer (see valueScore). It counts towards its pillar
 * unless it is answered "not applicable", is free text, or is collected for context (`"scored":
 * false`); those leave the denominator. "Don't know" and unanswered questions count with score
 * 0 and are still open.
 *
 * A follow-up hidden by its condition (see followUps.ts) counts with score 0 when its gate says
 * the capacity is absent (`notAsked`, settled), with score 0 while a gate is still open
 * (`pending`, not settled), with score 1 when its gate's answer already goes beyond it
 * (`credited`, settled), and not at all when its gate is out of scope or the format marks it
 * `whenHidden: "notApplicable"`. So a better answer never lowers a score: see soundness.ts.
 *
 * Pillar: 100 × Σ(wᵢ·sᵢ) / Σ(wᵢ) over its counted questions, where wᵢ is the question's
 * weight; each question's share of the pillar is wᵢ / Σ(wᵢ). `null` when no question in the
 * pillar counts.
 *
 * Overall: Σ(Wₚ·Sₚ) / Σ(Wₚ) over the pillars that have a score, where Wₚ is the pillar's
 * weight, so a pillar that could not be scored does not drag the total down; its share is
 * Wₚ / Σ(Wₚ).
 *
 * Coverage: the part of a score's weight that is settled, Σ(wᵢ) over settled questions ÷ Σ(wᵢ)
 * over counted ones (for the overall score, the pillars' coverages weighted by their shares).
 * Open questions score 0 now and at most 1 once answered, so the score can still rise by at
 * most 100 × (1 − coverage) points, and never fall.
 *
 * Grouping: by default the pillars are the questionnaire's; with `groupBy: 'gciPillar'` the
 * same questions are grouped by the five GCI pillars instead, and the pillar weights are read
 * for those five ids. Which questions are shown is always decided on the questionnaire itself.
 */
import type { Answers, Response } from '../assessment/types.ts';
import type { Question, Questionnaire } from '../questionnaire/schema.ts';
import { isScored } from '../questionnaire/answerTypes.ts';
import { askedStates, type Asked } from './followUps.ts';
import { scoringGroups, type Grouping, type ScoringGroup } from './groups.ts';
import { valueScore } from './valueScore.ts';
import { checkWeights, pillarWeight, questionWeight, type Weights } from './weights.ts';

export type QuestionStatus =
  | 'answered'
  | 'dontKnow'
  | 'unanswered'
  | 'notApplicable'
  /** Hidden by a condition whose gate says the capacity is absent: counts 0, settled. */
  | 'notAsked'
  /** Hidden while a gate question is open: counts 0, not settled. */
  | 'pending'
  /** Hidden because the gate's answer goes beyond what it asks: counts 1, settled. */
  | 'credited'
  /** Hidden and out of scope: does not count. */
  | 'hidden'
  | 'unscored';

/** Statuses of counted questions with nothing left to answer. */
const SETTLED: ReadonlySet<QuestionStatus> = new Set(['answered', 'notAsked', 'credited']);

/** Whether a counted question has nothing left to answer (`false` also for questions that do not count). */
export function isSettled(status: QuestionStatus): boolean {
  return SETTLED.has(status);
}

export interface QuestionResult {
  questionId: string;
  /** The questionnaire pillar the question belongs to (also under the GCI grouping). */
  pillarId: string;
  status: QuestionStatus;
  /** Score in [0, 1]; `null` when the question does not count. */
  score: number | null;
  weight: number;
  /** The question's part of its pillar's denominator, in [0, 1]; `null` when it does not count. */
  share: number | null;
}

export interface PillarResult {
  /** The pillar's id: a questionnaire pillar, or a GCI pillar under that grouping. */
  pillarId: string;
  /** 0 to 100, or `null` when nothing in the pillar could be scored. */
  score: number | null;
  weight: number;
  /** The pillar's part of the overall score, in [0, 1]; `null` when the pillar has no score. */
  share: number | null;
  /** Questions that count (in the denominator). */
  counted: number;
  /** Counted questions with a real answer. */
  answered: number;
  /** Counted questions with nothing left to answer: answered, or hidden with their gate settled. */
  settled: number;
  /** Σ wᵢ over settled questions ÷ Σ wᵢ over counted ones, in [0, 1]; `null` when nothing counts. */
  coverage: number | null;
  questions: QuestionResult[];
}

export interface AssessmentResult {
  overall: number | null;
  /** Σ shareₚ × coverageₚ over the pillars that have a score. */
  coverage: number | null;
  pillars: PillarResult[];
  questions: Readonly<Record<string, QuestionResult>>;
}

export interface ScoringOptions {
  groupBy?: Grouping;
}

/** @throws WeightError when the weights cannot give a meaningful score. */
export function scoreAssessment(
  questionnaire: Questionnaire,
  answers: Answers,
  weights: Weights = {},
  { groupBy = 'pillar' }: ScoringOptions = {},
): AssessmentResult {
  checkWeights(questionnaire, weights, groupBy);
  const asked = askedStates(questionnaire, answers);
  const pillars = scoringGroups(questionnaire, groupBy).map((group) =>
    scorePillar(group, answers, weights, asked),
  );

  const scored = pillars.filter((pillar) => pillar.score !== null);
  const totalWeight = sum(scored.map((pillar) => pillar.weight));
  for (const pillar of scored) pillar.share = totalWeight > 0 ? pillar.weight / totalWeight : 0;
  /** A figure of the scored pillars, each counting by its weight (none when nothing weighs). */
  const acrossPillars = (figure: (pillar: PillarResult) => number) =>
    totalWeight > 0 ? weightedMean(scored, (pillar) => pillar.weight, figure) : null;
  const overall = acrossPillars((pillar) => pillar.score ?? 0);
  const coverage = acrossPillars((pillar) => pillar.coverage ?? 0);
  const questions = Object.fromEntries(
    pillars.flatMap((pillar) => pillar.questions).map((result) => [result.questionId, result]),
  );
  return { overall, coverage, pillars, questions };
}

function scorePillar(
  pillar: ScoringGroup,
  answers: Answers,
  weights: Weights,
  asked: ReadonlyMap<string, Asked>,
): PillarResult {
  const questions = pillar.questions.map(({ question, pillarId }) =>
    scoreQuestion(question, pillarId, answers, weights, asked.get(question.id) ?? 'shown'),
  );
  const counting = questions.filter((result) => result.score !== null);
  const totalWeight = sum(counting.map((result) => result.weight));
  for (const result of counting) result.share = totalWeight > 0 ? result.weight / totalWeight : 0;

  const answered = counting.filter((result) => result.status === 'answered').length;
  const settled = counting.filter((result) => isSettled(result.status));
  return {
    pillarId: pillar.id,
    score: pillarScore(
      counting.map((result) => result.weight),
      counting.map((result) => result.score ?? 0),
    ),
    weight: pillarWeight(pillar, weights),
    share: null,
    counted: counting.length,
    answered,
    settled: settled.length,
    coverage: totalWeight > 0 ? sum(settled.map((result) => result.weight)) / totalWeight : null,
    questions,
  };
}

function scoreQuestion(
  question: Question,
  pillarId: string,
  answers: Answers,
  weights: Weights,
  asked: Asked,
): QuestionResult {
  const result = (status: QuestionStatus, score: number | null): QuestionResult => ({
    questionId: question.id,
    pillarId,
    status,
    score,
    weight: questionWeight(question, weights),
    share: null,
  });
  const response = answers[question.id]?.response;
  const score = responseScore(question, response);
  const status = questionStatus(question, response, asked, score);
  return result(status, countedScore(status, score));
}

/** The score of a response's value (see valueScore); undefined for "not applicable", "don't know" or no response. */
export function responseScore(question: Question, response: Response | undefined): number | null | undefined {
  return response && response.kind !== 'notApplicable' && response.kind !== 'dontKnow'
    ? valueScore(question, response.value)
    : undefined;
}

/**
 * How a question counts towards its pillar, given how it stands (`askedStates`). `score` is
 * `responseScore(question, response)`; it is passed in so that callers scoring many answers to
 * one question (the workshop merge) can work it out once per distinct answer.
 */
export function questionStatus(
  question: Question,
  response: Response | undefined,
  asked: Asked,
  score: number | null | undefined,
): QuestionStatus {
  if (!isScored(question)) return 'unscored';
  if (asked === 'notAsked' || asked === 'pending' || asked === 'credited') return asked;
  if (asked === 'outOfScope') return 'hidden';
  if (response?.kind === 'notApplicable') return 'notApplicable';
  if (response?.kind === 'dontKnow') return 'dontKnow';
  return typeof score === 'number' ? 'answered' : 'unanswered';
}

/** The score a question counts with (see the top of this file); `null` when it does not count. */
export function countedScore(status: QuestionStatus, score: number | null | undefined): number | null {
  switch (status) {
    case 'answered':
      return score ?? 0;
    case 'credited':
      return 1;
    case 'dontKnow':
    case 'unanswered':
    case 'notAsked':
    case 'pending':
      return 0;
    case 'notApplicable':
    case 'hidden':
    case 'unscored':
      return null;
  }
}

/**
 * A pillar's score from the weights and scores of its counted questions, in order:
 * 100 × Σ(wᵢ·sᵢ) / Σ(wᵢ), divided once at the end so that ten answers of 1 make exactly 100;
 * `null` when the weights add up to nothing. `count` lets a caller pass reusable buffers longer
 * than the list.
 */
export function pillarScore(
  weights: ArrayLike<number>,
  scores: ArrayLike<number>,
  count: number = weights.length,
): number | null {
  let totalWeight = 0;
  let total = 0;
  for (let i = 0; i < count; i++) {
    totalWeight += weights[i]!;
    total += weights[i]! * scores[i]!;
  }
  return totalWeight > 0 ? 100 * (total / totalWeight) : null;
}

/** Σ wᵢ·xᵢ / Σ wᵢ, divided once at the end so that ten answers of 1 make exactly 1. */
function weightedMean<T>(
  items: readonly T[],
  weight: (item: T) => number,
  value: (item: T) => number,
): number {
  return sum(items.map((item) => weight(item) * value(item))) / sum(items.map(weight));
}

function sum(values: readonly number[]): number {
  return values.reduce((total, value) => total + value, 0);
}
