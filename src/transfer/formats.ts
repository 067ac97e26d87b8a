/**
 * The files Baseline writes and reads, each a versioned JSON format. These Zod schemas are the
 * single source of the formats: `npm run schema` generates the JSON Schemas in `schemas/` from
 * them. An assessment inside a file is exactly the stored record (`assessmentSchema`), so a
 * field added to assessments travels in files with no change here.
 */
import { z } from '../validation/zod.ts';
import { expected } from '../validation/expected.ts';
import { answerSchema, assessmentSchema, LIMITS } from '../assessment/schema.ts';
import { timestampSchema } from '../validation/fields.ts';
import { exportedResultsSchema } from './results.ts';

export const ASSESSMENT_FORMAT = 'baseline.assessment';
export const BACKUP_FORMAT = 'baseline.backup';
export const ENCRYPTED_FORMAT = 'baseline.encrypted';
export const FILE_VERSION = 1;

const fileVersion = z.literal(FILE_VERSION, {
  error: expected('expected.fileVersion', { value: FILE_VERSION }),
});

/** The members every file begins with: which format and version it is. */
const header = <Format extends string>(format: Format) => ({
  $schema: z.string().max(500).optional(),
  format: z.literal(format),
  version: fileVersion,
});

/** The most assessments one backup may hold. */
export const MAX_BACKUP_ASSESSMENTS = 1000;

const exportedAt = timestampSchema;

const answersList = z
  .array(answerSchema)
  .max(
    LIMITS.answersPerAssessment,
    expected('expected.answerCount', { maximum: LIMITS.answersPerAssessment }),
  );

export const assessmentFileSchema = z
  .strictObject({
    ...header(ASSESSMENT_FORMAT),
    exportedAt,
    sharing: z.boolean().meta({
      description:
        'True for a sharing export: restricted comments and evidence, and the names of people, were left out',
    }),
    assessment: assessmentSchema,
    answers: answersList,
    results: exportedResultsSchema.optional(),
  })
  .meta({
    title: 'Baseline assessment, file format v1',
    description: 'One assessment with its answers, comments and evidence, as exported by Baseline.',
  });
export type AssessmentFile = z.infer<typeof assessmentFileSchema>;

export const backupEntrySchema = z.strictObject({ assessment: assessmentSchema, answers: answersList });
export type BackupEntry = z.infer<typeof backupEntrySchema>;

export const backupFileSchema = z
  .strictObject({
    ...header(BACKUP_FORMAT),
    exportedAt,
    assessments: z.array(backupEntrySchema).max(MAX_BACKUP_ASSESSMENTS),
  })
  .meta({
    title: 'Baseline backup, file format v1',
    description: 'Every assessment on a device with all its answers, as backed up by Baseline.',
  });
export type BackupFile = z.infer<typeof backupFileSchema>;

const base64 = (description: string, pattern: RegExp, expectation: string) =>
  z.string().max(40_000_000).regex(pattern, expectation).meta({ description });

/** PBKDF2 rounds: at least OWASP's 2023 figure for PBKDF2-SHA-256, at most what opens in seconds. */
export const MIN_ITERATIONS = 600_000;
export const MAX_ITERATIONS = 10_000_000;

export const encryptedFileSchema = z
  .strictObject({
    ...header(ENCRYPTED_FORMAT),
    contains: z
      .enum([ASSESSMENT_FORMAT, BACKUP_FORMAT])
      .meta({ description: 'The format of the encrypted content' }),
    kdf: z.strictObject({
      name: z.literal('PBKDF2', { error: expected('expected.onlyKdf', { value: '"PBKDF2"' }) }),
      hash: z.literal('SHA-256', { error: expected('expected.onlyHash', { value: '"SHA-256"' }) }),
      iterations: z.number().int().min(MIN_ITERATIONS).max(MAX_ITERATIONS),
      salt: base64(
        'Random salt, 16 bytes',
        /^[A-Za-z0-9+/]{22}==$/,
        expected('expected.base64Bytes', { bytes: 16 }),
      ),
    }),
    cipher: z.strictObject({
      name: z.literal('AES-GCM', { error: expected('expected.onlyCipher', { value: '"AES-GCM"' }) }),
      keyLength: z.literal(256, { error: expected('expected.onlyKeyLength', { value: 256 }) }),
      iv: base64(
        'Random initialisation vector, 12 bytes',
        /^[A-Za-z0-9+/]{16}$/,
        expected('expected.base64Bytes', { bytes: 12 }),
      ),
    }),
    data: base64(
      'The encrypted JSON file (UTF-8) followed by its 16-byte authentication tag',
      /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/,
      expected('expected.base64'),
    ),
  })
  .meta({
    title: 'Baseline encrypted file, format v1',
    description:
      'A Baseline JSON file encrypted with a passphrase: AES-GCM-256, key derived with PBKDF2-SHA-256. ' +
      'The "contains" value is bound to the ciphertext as additional authenticated data.',
  });
export type EncryptedFile = z.infer<typeof encryptedFileSchema>;
