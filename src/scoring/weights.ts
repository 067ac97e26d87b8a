import type { Question, Questionnaire } from '../questionnaire/schema.ts';
import { scoringGroups, type Grouping, type ScoringGroup } from './groups.ts';

/**
 * Weights chosen for one calculation. Anything not named here takes the questionnaire's
 * default (`weight` on the pillar or question), and 1 where the questionnaire gives none.
 */
export interface Weights {
  pillars?: Readonly<Partial<Record<string, number>>>;
  questions?: Readonly<Partial<Record<string, number>>>;
}

export class WeightError extends Error {
  constructor(message: string) {
    super(message);
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
  const kind = groupBy === 'gciPillar' ? 'GCI pillar' : 'pillar';
  for (const group of groups) {
    requireValid(pillarWeight(group, weights), `${kind} "${group.id}"`);
    for (const { question } of group.questions)
      requireValid(questionWeight(question, weights), `question "${question.id}"`);
  }
  const total = groups.reduce((sum, group) => sum + pillarWeight(group, weights), 0);
  if (total <= 0) {
    throw new WeightError(
      `Every ${kind} has weight 0, so no overall score can be computed: give at least one ${kind} a weight above 0.`,
    );
  }
  for (const group of groups) {
    if (pillarWeight(group, weights) === 0) continue;
    const scored = group.questions.filter(({ question }) => question.type !== 'text');
    if (scored.length > 0 && scored.every(({ question }) => questionWeight(question, weights) === 0)) {
      throw new WeightError(
        `Every question in ${kind} "${group.id}" has weight 0, but the ${kind} itself does not: ` +
          `give one of its questions a weight above 0, or give the ${kind} weight 0.`,
      );
    }
  }
}

function requireValid(weight: number, what: string): void {
  if (typeof weight !== 'number' || !Number.isFinite(weight) || weight < 0) {
    throw new WeightError(`The weight of ${what} must be a number of 0 or more; found ${String(weight)}.`);
  }
}
