/**
 * Builds the export files from stored data. Pure: the caller reads the data and saves the file.
 */
import { PERSONAL_FIELDS } from '../assessment/schema.ts';
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
    answers: sharing ? list.map(forSharing).filter((answer) => answer !== undefined) : list,
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
 * The assessment without the fields that name people (`PERSONAL_FIELDS`, and a workshop
 * participant's name), and with the earlier answers kept by a carry-over shared like answers.
 */
export function withoutPersonalFields(assessment: Assessment): Assessment {
  const copy: Assessment = { ...assessment };
  for (const field of PERSONAL_FIELDS) delete copy[field];
  if (copy.workshop?.name !== undefined) {
    const { name: _, ...workshop } = copy.workshop;
    copy.workshop = workshop;
  }
  if (copy.carriedOver) {
    const { mapped, listed } = copy.carriedOver;
    copy.carriedOver = {
      ...copy.carriedOver,
      mapped: mapped.map((entry) => ({
        ...entry,
        answer: forSharing(entry.answer) ?? questionOnly(entry.answer),
      })),
      listed: listed.map(forSharing).filter((answer) => answer !== undefined),
    };
  }
  return copy;
}

/** An answer stripped to its question, where a mapped earlier answer had nothing left to share. */
const questionOnly = ({ questionId, updatedAt }: Answer): Answer => ({ questionId, updatedAt });

/**
 * An answer as a partner may see it: a restricted comment and restricted evidence are left
 * out. An answer left with nothing to say is left out altogether.
 */
export function forSharing(answer: Answer): Answer | undefined {
  const shared: Answer = { questionId: answer.questionId, updatedAt: answer.updatedAt };
  if (answer.response) shared.response = answer.response;
  if (answer.comment && answer.commentAccess !== 'restricted') shared.comment = answer.comment;
  const evidence = answer.evidence?.filter((item) => item.access !== 'restricted');
  if (evidence?.length) shared.evidence = evidence;
  return shared.response || shared.comment || shared.evidence ? shared : undefined;
}

/** A file name from the assessment's name: letters and digits of any script, dashes between. */
export function fileName(name: string, suffix: string, extension: string, now: Date): string {
  return `baseline-${slug(name) || 'assessment'}${suffix ? `-${suffix}` : ''}-${now.toISOString().slice(0, 10)}.${extension}`;
}
