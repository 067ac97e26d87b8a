/**
 * Builds the export files from stored data. Pure: the caller reads the data and saves the file.
 */
import { sharedList, withoutPersonalFields } from '../assessment/sharing.ts';
import type { Answer, Assessment } from '../assessment/types.ts';
import {
  ASSESSMENT_FORMAT,
  BACKUP_FORMAT,
  FILE_VERSION,
  type AssessmentFile,
  type BackupEntry,
  type BackupFile,
} from './formats.ts';
import type { ExportedResults } from './results.ts';
import { slug } from './slug.ts';
import { localCalendarDate } from '../validation/time.ts';

/** Answers in a stable order (by question id), so two exports of the same data are identical. */
const sorted = (answers: Iterable<Answer>) =>
  [...answers].sort((a, b) => (a.questionId < b.questionId ? -1 : a.questionId > b.questionId ? 1 : 0));

/**
 * `results`, when given, are the figures computed from the answers the file carries (the shared
 * ones, for a sharing export) with the assessment's own settings (see results.ts).
 */
export function assessmentFile(
  assessment: Assessment,
  answers: Iterable<Answer>,
  { sharing, now, results }: { sharing: boolean; now: Date; results?: ExportedResults },
): AssessmentFile {
  const list = sorted(answers);
  return {
    format: ASSESSMENT_FORMAT,
    version: FILE_VERSION,
    exportedAt: now.toISOString(),
    sharing,
    assessment: sharing ? withoutPersonalFields(assessment) : { ...assessment },
    answers: sharing ? sharedList(list) : list,
    ...(results && { results }),
  };
}

export function backupFile(entries: Iterable<BackupEntry>, now: Date): BackupFile {
  return {
    format: BACKUP_FORMAT,
    version: FILE_VERSION,
    exportedAt: now.toISOString(),
    assessments: [...entries].map(({ assessment, answers }) => ({ assessment, answers: sorted(answers) })),
  };
}

/**
 * A file name from the assessment's name: letters and digits of any script, dashes between, and
 * the day it was saved where the person is.
 */
export function fileName(name: string, suffix: string, extension: string, now: Date): string {
  return `baseline-${slug(name) || 'assessment'}${suffix ? `-${suffix}` : ''}-${localCalendarDate(now)}.${extension}`;
}
