export { buildReport } from './build.ts';
export type {
  Report,
  ReportAnswers,
  ReportAppendix,
  ReportCover,
  ReportPillarScore,
  ReportQuestion,
  ReportSummary,
} from './build.ts';
