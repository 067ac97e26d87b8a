export { scoreAssessment } from './score.ts';
export type {
  AssessmentResult,
  PillarResult,
  QuestionResult,
  QuestionStatus,
  ScoringOptions,
} from './score.ts';
export { GROUPINGS, scoringGroups } from './groups.ts';
export type { GroupedQuestion, Grouping, ScoringGroup } from './groups.ts';
export { applyRule, valueScore } from './valueScore.ts';
export { checkWeights, pillarWeight, questionWeight, WeightError } from './weights.ts';
export type { Weights } from './weights.ts';
