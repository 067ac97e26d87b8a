export { scoreAssessment } from './score.ts';
export type { AssessmentResult, PillarResult, QuestionResult, QuestionStatus } from './score.ts';
export { applyRule, valueScore } from './valueScore.ts';
export { checkWeights, pillarWeight, questionWeight, WeightError } from './weights.ts';
export type { Weights } from './weights.ts';
