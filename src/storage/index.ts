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
export {
  deleteSubmission,
  deleteWorkshop,
  getWorkshop,
  listSubmissions,
  listWorkshops,
  putSubmission,
  putWorkshop,
  saveConsensusAssessment,
} from './workshops.ts';
export type { StoredSubmission, StoredWorkshop } from './workshops.ts';
