export { analyse } from './gaps.ts';
export type {
  AnalysisOptions,
  GapAnalysis,
  GroupAnalysis,
  GroupStatus,
  Overall,
  QuestionAnalysis,
} from './gaps.ts';
export { actionPlan } from './plan.ts';
export { ceiling, FINAL_COVERAGE, isProvisional } from './provisional.ts';
export type { ResultState } from './provisional.ts';
export { analyseAssessment, assessmentSettings } from './settings.ts';
export type { AssessmentSettings } from './settings.ts';
export type { PlanItem, PlanStep } from './plan.ts';
export { compareAnalyses } from './sensitivity.ts';
export type { Sensitivity, SensitivityRow, SideFigures } from './sensitivity.ts';
export { defaultTarget, FALLBACK_TARGET, pillarTargets, validTarget } from './targets.ts';
export type { Targets } from './targets.ts';
