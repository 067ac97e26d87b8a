export * from './schema.ts';
export { bandFor, GCI_2024_BANDS } from './bands.ts';
export * from './resolve.ts';
export type { ProfileContext } from './rules.ts';
export {
  isProfileData,
  PROFILE_LIMITS,
  profileGuard,
  validateProfile,
  validateProfileText,
} from './validate.ts';
export {
  fileSizeProblem,
  MAX_PROFILE_FILE_BYTES,
  nextVersion,
  profileFileName,
  profileFileText,
  sameProfile,
} from './file.ts';
