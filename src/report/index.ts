export { buildReport } from './build.ts';
export type {
  Report,
  ReportAnswers,
  ReportAppendix,
  ReportCover,
  ReportGaps,
  ReportOptions,
  ReportPillarScore,
  ReportPlan,
  ReportQuestion,
  ReportQuestionWeight,
  ReportSummary,
  ReportTarget,
  ReportWeight,
} from './build.ts';
