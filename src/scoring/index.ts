export { scoreAssessment } from './score';
export type { AssessmentResult, PillarResult, QuestionResult, QuestionStatus } from './score';
export { applyRule, valueScore } from './valueScore';
export { checkWeights, pillarWeight, questionWeight, WeightError } from './weights';
export type { Weights } from './weights';
