import type { Question, Questionnaire } from '../questionnaire/schema.ts';
import { englishMessage, type ProblemCode, type ProblemParams } from '../validation/messages.ts';
import { isScored } from '../questionnaire/answerTypes.ts';
import { scoringGroups, type Grouping, type ScoringGroup } from './groups.ts';
import { MAX_WEIGHT } from '../questionnaire/constants.ts';

/**
 * Weights chosen for one calculation. Anything not named here takes the questionnaire's
 * default (`weight` on the pillar or question), and 1 where the questionnaire gives none.
 */
export interface Weights {
  pillars?: Readonly<Partial<Record<string, number>>>;
  questions?: Readonly<Partial<Record<string, number>>>;
}

/** Weights that cannot give a score; `code` and `params` let the interface say why in any language. */
export class WeightError extends Error {
  constructor(
    readonly code: Extract<ProblemCode, `weights.${string}`>,
    readonly params: ProblemParams,
  ) {
    super(englishMessage(code, params));
    this.name = 'WeightError';
  }
}

/** The weight of a pillar (or of a GCI pillar under that grouping). */
export function pillarWeight(pillar: Pick<ScoringGroup, 'id' | 'weight'>, weights: Weights): number {
  return own(weights.pillars, pillar.id) ?? pillar.weight ?? 1;
}

export function questionWeight(question: Question, weights: Weights): number {
  return own(weights.questions, question.id) ?? question.weight ?? 1;
}

function own(record: Readonly<Partial<Record<string, number>>> | undefined, key: string): number | undefined {
  return record && Object.hasOwn(record, key) ? record[key] : undefined;
}

/**
 * Refuses weights that would make scores meaningless, with a message a person can act on:
 * a negative or non-numeric weight, pillar weights that are all zero, or a weighted pillar
 * whose scored questions all weigh zero. (A zero total would otherwise divide by zero.)
 * `groupBy` says which pillars the pillar weights are for.
 */
export function checkWeights(
  questionnaire: Questionnaire,
  weights: Weights,
  groupBy: Grouping = 'pillar',
): void {
  const groups = scoringGroups(questionnaire, groupBy);
  const gci = groupBy === 'gciPillar';
  for (const group of groups) {
    requireValid(pillarWeight(group, weights), gci ? 'weights.invalidGciPillar' : 'weights.invalidPillar', {
      pillar: group.id,
    });
    for (const { question } of group.questions)
      requireValid(questionWeight(question, weights), 'weights.invalidQuestion', { question: question.id });
  }
  const total = groups.reduce((sum, group) => sum + pillarWeight(group, weights), 0);
  if (total <= 0) throw new WeightError(gci ? 'weights.allGciPillarsZero' : 'weights.allPillarsZero', {});
  for (const group of groups) {
    if (pillarWeight(group, weights) === 0) continue;
    const scored = group.questions.filter(({ question }) => isScored(question));
    if (scored.length > 0 && scored.every(({ question }) => questionWeight(question, weights) === 0)) {
      throw new WeightError(gci ? 'weights.gciPillarQuestionsZero' : 'weights.pillarQuestionsZero', {
        pillar: group.id,
      });
    }
  }
}

function requireValid(weight: number, code: WeightError['code'], params: ProblemParams): void {
  if (typeof weight !== 'number' || !Number.isFinite(weight) || weight < 0 || weight > MAX_WEIGHT) {
    throw new WeightError(code, { ...params, found: String(weight), maximum: MAX_WEIGHT });
  }
}
