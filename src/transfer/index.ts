export { decodeUtf8, fromBase64, toBase64, utf8 } from './bytes.ts';
export {
  decrypt,
  encrypt,
  EncryptionUnavailableError,
  encryptionAvailable,
  WrongPassphraseError,
} from './crypto.ts';
export { answersCsv, pillarsCsv } from './csv.ts';
export type { CsvColumns, CsvText } from './csv.ts';
export { csvConventionFor } from './csvConvention.ts';
export type { CsvConvention } from './csvConvention.ts';
export { assessmentFile, backupFile, fileName } from './export.ts';
export { checkNewPassphrase, PASSPHRASE_MIN_LENGTH } from './passphrase.ts';
export * from './formats.ts';
export { readImport } from './import.ts';
export { compareVersions } from '../questionnaire/versions.ts';
export type { DroppedAnswer, ImportCandidate, ImportContext, ImportRead } from './import.ts';
export { IMPORT_LIMITS, MAX_FILE_BYTES } from './limits.ts';
export { slug } from './slug.ts';
export { exportedResults, exportedResultsSchema } from './results.ts';
export type { ExportedResults } from './results.ts';
export { defaultChoice, importWrites, isIdentical, newerOfEach } from './plan.ts';
export type { Existing, ImportChoice, ImportWrite, Update } from './plan.ts';
