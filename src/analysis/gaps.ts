/**
 * The gap analysis: how far each pillar is from its target, and which gaps matter most.
 *
 * gap = target − score, per pillar and per question (a question is read against its pillar's
 * target, its score taken as points out of 100).
 *
 * A pillar's weighted gap is share × gap, where share is the pillar's part of the overall
 * score (its weight over the weights of the pillars that have a score). The weighted gaps add
 * up to the overall gap (overall target − overall score), so each says how many points of the
 * overall shortfall the pillar accounts for. The priority is the weighted gap where it is
 * positive, and 0 where the target is met, the pillar weighs 0 or could not be scored; gaps
 * are ranked by priority, largest first.
 *
 * Under the GCI grouping a GCI pillar's target is the share-weighted mean of the targets of
 * its questions (each question keeps its own pillar's target), so the identity above holds.
 *
 * Partial results say so (provisional.ts): with no answer at all there is no score; below the
 * coverage FINAL_COVERAGE a pillar, or the overall score, is provisional, and its band is only
 * what it has reached so far. Every figure carries its ceiling, what it could reach once the
 * open questions are answered.
 */
import type { Answers } from '../assessment/types.ts';
import { bandFor } from '../profiles/bands.ts';
import { profileBands, profileWeights } from '../profiles/resolve.ts';
import type { Band, WeightProfile } from '../profiles/schema.ts';
import type { Questionnaire } from '../questionnaire/schema.ts';
import type { Grouping } from '../scoring/groups.ts';
import {
  scoreAssessment,
  type AssessmentResult,
  type PillarResult,
  type QuestionResult,
} from '../scoring/score.ts';
import { ceiling, isEmpty, isProvisional, type ResultState } from './provisional.ts';
import { pillarTargets, type Targets } from './targets.ts';

/** Differences smaller than this are rounding, not gaps (scores are sums of fractions). */
const EPSILON = 1e-9;

export interface QuestionAnalysis extends QuestionResult {
  /** The target of the question's pillar, 0 to 100. */
  target: number;
  /** 100 × score; `null` when the question does not count. */
  points: number | null;
  /** Points the question adds to its pillar's score: 100 × share × score. */
  contribution: number | null;
  /** target − points. */
  gap: number | null;
  /** Points of its pillar's score missing against the target because of this question: share × max(0, gap). */
  shortfall: number | null;
}

export type GroupStatus = 'gap' | 'met' | 'zeroWeight' | 'notAssessed';

export interface GroupAnalysis extends Omit<PillarResult, 'questions'> {
  questions: QuestionAnalysis[];
  /** Σ wᵢ over the questions that count; the score is 100 × weightedScoreSum / weightSum. */
  weightSum: number;
  /** Σ wᵢ·sᵢ over the questions that count. */
  weightedScoreSum: number;
  /** The pillar's weight over all pillar weights, whether scored or not. */
  nominalShare: number;
  target: number | null;
  gap: number | null;
  /** share × gap: the points of the overall gap this pillar accounts for. */
  weightedGap: number | null;
  /** max(0, weightedGap); 0 when there is no gap to close. */
  priority: number;
  /** 1 for the largest priority; `null` for a pillar with no priority. */
  rank: number | null;
  status: GroupStatus;
  /** The band of the score; while provisional only the band reached so far, not a verdict. */
  band: Band | undefined;
  /** Less than FINAL_COVERAGE of the score's weight is settled. */
  provisional: boolean;
  /** The most the score can reach once every open question is answered: score + 100 × (1 − coverage). */
  ceiling: number | null;
}

export interface Overall {
  score: number | null;
  /** Σ share × target over the pillars that have a score. */
  target: number | null;
  gap: number | null;
  /** The band of the score; while provisional only the band reached so far, not a verdict. */
  band: Band | undefined;
  provisional: boolean;
  ceiling: number | null;
}

export interface GapAnalysis {
  groupBy: Grouping;
  profileId: string;
  profileVersion: string;
  bands: readonly Band[];
  /** `empty`: no answer at all, so no score; `provisional`: the overall score is not final yet. */
  state: ResultState;
  overall: Overall;
  /** The part of the overall score's weight that is settled (see score.ts). */
  coverage: number | null;
  /** In the order of the questionnaire (or of the GCI). */
  groups: GroupAnalysis[];
  /** The groups with a priority, largest first. */
  ranking: GroupAnalysis[];
}

export interface AnalysisOptions {
  profile: WeightProfile;
  targets?: Targets;
  /** Defaults to the profile's own grouping, else the questionnaire's pillars. */
  groupBy?: Grouping;
}

/** @throws WeightError when the profile's weights cannot give a score for this questionnaire. */
export function analyse(
  questionnaire: Questionnaire,
  answers: Answers,
  options: AnalysisOptions,
): GapAnalysis {
  const groupBy = options.groupBy ?? options.profile.groupBy ?? 'pillar';
  const scored = scoreAssessment(questionnaire, answers, profileWeights(options.profile, groupBy), {
    groupBy,
  });
  const empty = isEmpty(answers, scored);
  const result = empty ? withoutScores(scored) : scored;
  const targets = pillarTargets(questionnaire, options.targets);
  const bands = profileBands(options.profile);
  const totalWeight = sum(result.pillars.map((pillar) => pillar.weight));

  const groups = result.pillars.map((pillar) => {
    const questions = pillar.questions.map((question) => analyseQuestion(question, targets));
    const ownTarget = groupBy === 'pillar' ? (targets[pillar.pillarId] ?? null) : derivedTarget(questions);
    return analyseGroup(pillar, questions, ownTarget, totalWeight, bands);
  });
  const ranking = rank(groups);

  const withTargets = groups.filter((group) => group.score !== null && group.target !== null);
  const overallTarget =
    withTargets.length > 0 ? sum(withTargets.map((group) => (group.share ?? 0) * (group.target ?? 0))) : null;
  const provisional = isProvisional(result.overall, result.coverage);
  const overall: Overall = {
    score: result.overall,
    target: result.overall === null ? null : overallTarget,
    gap: result.overall === null || overallTarget === null ? null : clean(overallTarget - result.overall),
    band: result.overall === null ? undefined : bandFor(result.overall, bands),
    provisional,
    ceiling: ceiling(result.overall, result.coverage),
  };
  return {
    groupBy,
    profileId: options.profile.id,
    profileVersion: options.profile.version,
    bands,
    state: empty ? 'empty' : provisional ? 'provisional' : 'final',
    overall,
    coverage: empty ? null : result.coverage,
    groups,
    ranking,
  };
}

function analyseQuestion(question: QuestionResult, targets: Record<string, number>): QuestionAnalysis {
  const target = targets[question.pillarId] ?? 0;
  if (question.score === null || question.share === null)
    return { ...question, target, points: null, contribution: null, gap: null, shortfall: null };
  const points = 100 * question.score;
  const gap = clean(target - points);
  return {
    ...question,
    target,
    points,
    contribution: question.share * points,
    gap,
    shortfall: question.share * Math.max(0, gap),
  };
}

/** Σ shareᵢ × targetᵢ over the questions that count; `null` when none does. */
function derivedTarget(questions: QuestionAnalysis[]): number | null {
  const counting = questions.filter((question) => question.share !== null);
  return counting.length > 0
    ? sum(counting.map((question) => (question.share ?? 0) * question.target))
    : null;
}

function analyseGroup(
  pillar: PillarResult,
  questions: QuestionAnalysis[],
  target: number | null,
  totalWeight: number,
  bands: readonly Band[],
): GroupAnalysis {
  const counting = questions.filter((question) => question.score !== null);
  const gap = pillar.score === null || target === null ? null : clean(target - pillar.score);
  const weightedGap = gap === null || pillar.share === null ? null : pillar.share * gap;
  const status: GroupStatus =
    pillar.score === null
      ? 'notAssessed'
      : pillar.weight === 0
        ? 'zeroWeight'
        : (gap ?? 0) > 0
          ? 'gap'
          : 'met';
  return {
    ...pillar,
    questions,
    weightSum: sum(counting.map((question) => question.weight)),
    weightedScoreSum: sum(counting.map((question) => question.weight * (question.score ?? 0))),
    nominalShare: totalWeight > 0 ? pillar.weight / totalWeight : 0,
    target,
    gap,
    weightedGap,
    priority: status === 'gap' ? Math.max(0, weightedGap ?? 0) : 0,
    rank: null,
    status,
    band: pillar.score === null ? undefined : bandFor(pillar.score, bands),
    provisional: isProvisional(pillar.score, pillar.coverage),
    ceiling: ceiling(pillar.score, pillar.coverage),
  };
}

/** The same result with no score anywhere: what an assessment with no answer shows. */
function withoutScores(result: AssessmentResult): AssessmentResult {
  const blank = <T extends { score: number | null; share: number | null }>(entry: T): T => ({
    ...entry,
    score: null,
    share: null,
  });
  return {
    ...result,
    overall: null,
    coverage: null,
    pillars: result.pillars.map((pillar) => ({
      ...blank(pillar),
      coverage: null,
      questions: pillar.questions.map(blank),
    })),
  };
}

/** Ranks the groups that have a priority: largest first, then the larger gap, then document order. */
function rank(groups: GroupAnalysis[]): GroupAnalysis[] {
  const ranked = groups
    .map((group, index) => ({ group, index }))
    .filter(({ group }) => group.priority > EPSILON)
    .sort(
      (a, b) =>
        b.group.priority - a.group.priority || (b.group.gap ?? 0) - (a.group.gap ?? 0) || a.index - b.index,
    )
    .map(({ group }) => group);
  ranked.forEach((group, index) => (group.rank = index + 1));
  return ranked;
}

function clean(value: number): number {
  return Math.abs(value) < EPSILON ? 0 : value;
}

function sum(values: readonly number[]): number {
  return values.reduce((total, value) => total + value, 0);
}
