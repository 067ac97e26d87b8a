export { closeDatabase, DB_NAME, DB_VERSION } from './db.ts';
export {
  deleteAssessment,
  getAssessment,
  listAssessments,
  loadAllAnswers,
  loadAnswers,
  putAssessment,
  saveAnswer,
} from './assessments.ts';
