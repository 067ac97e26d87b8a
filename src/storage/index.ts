export { closeDatabase, databaseExists, DB_NAME, DB_VERSION, plain } from './db.ts';
export type { TrashedAssessment } from './db.ts';
export {
  deleteAssessment,
  getAssessment,
  listAssessments,
  loadAllAnswers,
  loadAnswer,
  loadAnswers,
  putAssessment,
} from './assessments.ts';
export * from './saving.ts';
export { deleteSavedProfile, listSavedProfiles, putSavedProfile } from './weightProfiles.ts';
export {
  deleteAddedQuestionnaire,
  listAddedQuestionnaires,
  putAddedQuestionnaire,
} from './questionnaires.ts';
export type { AddedQuestionnaire } from './questionnaires.ts';
export { announce, openChannel } from './channel.ts';
export type { ChangeMessage } from './channel.ts';
export { adoptJournal, createJournal } from './journal.ts';
export type { JournalEntry } from './journal.ts';
export { requestPersistence, storageErrorKind, storageStatus } from './persistence.ts';
export type { StorageStatus } from './persistence.ts';
export { emptyTrash, listTrash, restoreFromTrash, TRASH_DAYS } from './trash.ts';
export { storeImport } from './imports.ts';
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
