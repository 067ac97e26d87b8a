/**
 * Scores an assessment, keeping the working so every figure can be explained.
 *
 * Question: a score in [0, 1] from its answer (see valueScore). It counts towards its pillar
 * unless it is hidden by a condition, answered "not applicable", free text, or collected for
 * context (`"scored": false`); those leave the denominator. "Don't know" and unanswered
 * questions count with score 0 and lower the coverage.
 *
 * Pillar: 100 × Σ(wᵢ·sᵢ) / Σ(wᵢ) over its counted questions, where wᵢ is the question's
 * weight; each question's share of the pillar is wᵢ / Σ(wᵢ). `null` when no question in the
 * pillar counts.
 *
 * Overall: Σ(Wₚ·Sₚ) / Σ(Wₚ) over the pillars that have a score, where Wₚ is the pillar's
 * weight, so a pillar that could not be scored does not drag the total down; its share is
 * Wₚ / Σ(Wₚ).
 *
 * Coverage: answered / counted questions, in [0, 1].
 *
 * Grouping: by default the pillars are the questionnaire's; with `groupBy: 'gciPillar'` the
 * same questions are grouped by the five GCI pillars instead, and the pillar weights are read
 * for those five ids. Which questions are shown is always decided on the questionnaire itself.
 */
import type { Answers } from '../assessment/types.ts';
import { visibleQuestionIds } from '../questionnaire/conditions.ts';
import type { Question, Questionnaire } from '../questionnaire/schema.ts';
import { isScored } from '../questionnaire/values.ts';
import { scoringGroups, type Grouping, type ScoringGroup } from './groups.ts';
import { valueScore } from './valueScore.ts';
import { checkWeights, pillarWeight, questionWeight, type Weights } from './weights.ts';

export type QuestionStatus = 'answered' | 'dontKnow' | 'unanswered' | 'notApplicable' | 'hidden' | 'unscored';

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
  coverage: number | null;
  questions: QuestionResult[];
}

export interface AssessmentResult {
  overall: number | null;
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
  const visible = visibleQuestionIds(questionnaire, answers);
  const pillars = scoringGroups(questionnaire, groupBy).map((group) =>
    scorePillar(group, answers, weights, visible),
  );

  const scored = pillars.filter((pillar) => pillar.score !== null);
  const totalWeight = sum(scored.map((pillar) => pillar.weight));
  for (const pillar of scored) pillar.share = totalWeight > 0 ? pillar.weight / totalWeight : 0;
  const overall =
    totalWeight > 0 ? sum(scored.map((pillar) => (pillar.share ?? 0) * (pillar.score ?? 0))) : null;

  const counted = sum(pillars.map((pillar) => pillar.counted));
  const answered = sum(pillars.map((pillar) => pillar.answered));
  const questions = Object.fromEntries(
    pillars.flatMap((pillar) => pillar.questions).map((result) => [result.questionId, result]),
  );
  return { overall, coverage: counted > 0 ? answered / counted : null, pillars, questions };
}

function scorePillar(
  pillar: ScoringGroup,
  answers: Answers,
  weights: Weights,
  visible: ReadonlySet<string>,
): PillarResult {
  const questions = pillar.questions.map(({ question, pillarId }) =>
    scoreQuestion(question, pillarId, answers, weights, visible),
  );
  const counting = questions.filter((result) => result.score !== null);
  const totalWeight = sum(counting.map((result) => result.weight));
  for (const result of counting) result.share = totalWeight > 0 ? result.weight / totalWeight : 0;

  const answered = counting.filter((result) => result.status === 'answered').length;
  return {
    pillarId: pillar.id,
    score:
      totalWeight > 0 ? 100 * sum(counting.map((result) => (result.share ?? 0) * (result.score ?? 0))) : null,
    weight: pillarWeight(pillar, weights),
    share: null,
    counted: counting.length,
    answered,
    coverage: counting.length > 0 ? answered / counting.length : null,
    questions,
  };
}

function scoreQuestion(
  question: Question,
  pillarId: string,
  answers: Answers,
  weights: Weights,
  visible: ReadonlySet<string>,
): QuestionResult {
  const result = (status: QuestionStatus, score: number | null): QuestionResult => ({
    questionId: question.id,
    pillarId,
    status,
    score,
    weight: questionWeight(question, weights),
    share: null,
  });
  if (!visible.has(question.id)) return result('hidden', null);
  if (!isScored(question)) return result('unscored', null);

  const response = answers[question.id]?.response;
  if (response?.kind === 'notApplicable') return result('notApplicable', null);
  if (response?.kind === 'dontKnow') return result('dontKnow', 0);
  const score = response ? valueScore(question, response.value) : undefined;
  return typeof score === 'number' ? result('answered', score) : result('unanswered', 0);
}

function sum(values: readonly number[]): number {
  return values.reduce((total, value) => total + value, 0);
}
