/**
 * When a result is final. A score counts every open question (unanswered, "don't know", or a
 * follow-up waiting on its gate) as 0, so it is a floor: answering can only raise it, by at most
 * 100 × (1 − coverage) points, where coverage is the part of the score's weight that is settled
 * (see src/scoring/score.ts). A figure published while much is open would understate the country
 * and could change band once the rest is answered.
 *
 * So a score is final once at least FINAL_COVERAGE (90 %) of its weight is settled: what is still
 * open can then move it by at most 10 points, the width of the narrowest band of the GCI 2024
 * tiers (Advancing, 85 to 95). Below that it is provisional: it is shown with its ceiling, and its
 * band only as the band reached so far, never as a verdict. The rule applies to each pillar and,
 * with the coverage weighted by the pillars' shares, to the overall score. With no answer at all
 * there is no score.
 */
import type { Answers } from '../assessment/types.ts';
import type { AssessmentResult } from '../scoring/score.ts';

/** The part of a score's weight that must be settled for the score to be final. */
export const FINAL_COVERAGE = 0.9;

/** `empty`: no answer at all; `provisional`: some open questions could still change the figures. */
export type ResultState = 'empty' | 'provisional' | 'final';

export function isProvisional(score: number | null, coverage: number | null): boolean {
  return score !== null && (coverage ?? 0) < FINAL_COVERAGE - 1e-9;
}

/** The most a score can reach once the open questions are answered. */
export function ceiling(score: number | null, coverage: number | null): number | null {
  return score === null ? null : Math.min(100, score + 100 * (1 - (coverage ?? 0)));
}

/** No question has any response: nothing to score, only questions to answer. */
export function isEmpty(answers: Answers, result: AssessmentResult): boolean {
  return !Object.values(result.questions).some((question) => answers[question.questionId]?.response);
}
