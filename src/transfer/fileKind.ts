/**
 * What a JSON file is, told by its format marks alone (nothing else is checked): so that a file
 * brought to the wrong place is refused with what it is and where it belongs, instead of the
 * schema's complaints about a file it was never meant to match.
 */
import { PROFILE_KIND } from '../profiles/schema.ts';
import { PAYLOAD_FORMAT } from '../workshop/payload.ts';
import { SETUP_FORMAT } from '../workshop/setup.ts';
import { ASSESSMENT_FORMAT, BACKUP_FORMAT, ENCRYPTED_FORMAT } from './formats.ts';

export const FILE_KINDS = [
  'assessment',
  'backup',
  'encrypted',
  'workshopSetup',
  'workshopAnswers',
  'weightProfile',
  'questionnaire',
] as const;
export type FileKind = (typeof FILE_KINDS)[number];

const BY_FORMAT: Record<string, FileKind> = {
  [ASSESSMENT_FORMAT]: 'assessment',
  [BACKUP_FORMAT]: 'backup',
  [ENCRYPTED_FORMAT]: 'encrypted',
  [SETUP_FORMAT]: 'workshopSetup',
  [PAYLOAD_FORMAT]: 'workshopAnswers',
};

/** The kind of a parsed JSON value, or `undefined` when it carries no mark Baseline knows. */
export function fileKind(data: unknown): FileKind | undefined {
  if (data === null || typeof data !== 'object' || Array.isArray(data)) return undefined;
  const record = data as Record<string, unknown>;
  if (typeof record.format === 'string' && Object.hasOwn(BY_FORMAT, record.format))
    return BY_FORMAT[record.format];
  if (record.kind === PROFILE_KIND) return 'weightProfile';
  if (typeof record.format === 'number' && Array.isArray(record.pillars)) return 'questionnaire';
  return undefined;
}

/**
 * A file brought where it does not belong: its kind, when it is one of Baseline's other files.
 * `undefined` when it is one of the kinds accepted here or not recognised (then the place's
 * own checks say what is wrong with it). Given the value the file reader
 * (`src/validation/readFile.ts`) parsed, so the file is parsed once and through the guard.
 */
export function misplacedKind(data: unknown, accepted: readonly FileKind[]): FileKind | undefined {
  const kind = fileKind(data);
  return kind && !accepted.includes(kind) ? kind : undefined;
}
