export { closeDatabase, DB_NAME, DB_VERSION } from './db.ts';
export {
  deleteAssessment,
  getAssessment,
  listAssessments,
  loadAllAnswers,
  loadAnswers,
  putAssessment,
  saveAnswer,
  updateAssessment,
} from './assessments.ts';
export { deleteSavedProfile, listSavedProfiles, putSavedProfile } from './weightProfiles.ts';
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
