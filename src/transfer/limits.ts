/**
 * Limits on assessment and backup files, checked by the structural guard
 * (`src/validation/guard.ts`) before any schema runs, so a hostile or broken file is refused
 * quickly and with a message, never by freezing or crashing the page.
 */
import type { InputLimits } from '../validation/guard.ts';

export const MAX_FILE_BYTES = 25 * 1024 * 1024;

/**
 * A backup of a hundred assessments with every answer, comment and evidence link is a few
 * megabytes and a few hundred thousand values; these limits leave room for ten times that,
 * and bound what a file at the limit costs to read (measured by `npm run bench -- guard`).
 */
export const IMPORT_LIMITS: InputLimits = {
  bytes: MAX_FILE_BYTES,
  depth: 32,
  members: 10_000,
  items: 100_000,
  values: 2_000_000,
  text: 100_000,
};
