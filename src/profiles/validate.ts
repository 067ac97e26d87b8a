import { parseJsonText, parseWithSchema, type Parsed } from '../validation/parse.ts';
import type { GuardOptions, InputLimits } from '../validation/guard.ts';
import { fileSizeProblem, MAX_PROFILE_FILE_BYTES } from './file.ts';
import { checkProfileRules, type ProfileContext } from './rules.ts';
import { PROFILE_KIND, weightProfileSchema, type WeightProfile } from './schema.ts';

/** What the structural guard (`src/validation/guard.ts`) holds a profile file to: a few kilobytes. */
export const PROFILE_LIMITS: InputLimits = {
  bytes: MAX_PROFILE_FILE_BYTES,
  depth: 8,
  members: 2_000,
  items: 1_000,
  values: 50_000,
  text: 20_000,
};

/** Checks parsed JSON against weight profile format v1: the schema, then the rules. */
export function validateProfile(data: unknown, context: ProfileContext): Parsed<WeightProfile> {
  const parsed = parseWithSchema(weightProfileSchema, data, context.file);
  if (!parsed.ok) return parsed;
  const problems = checkProfileRules(parsed.value, context);
  return problems.length > 0 ? { ok: false, error: problems } : parsed;
}

/** A profile file's own words for a file too large to be one (in kilobytes). */
export const profileGuard = (file: string): GuardOptions => ({
  tooLarge: (bytes) => fileSizeProblem(file, bytes)!,
});

/** The same, starting from the text of a file. */
export function validateProfileText(text: string, context: ProfileContext): Parsed<WeightProfile> {
  const json = parseJsonText(text, context.file, PROFILE_LIMITS, profileGuard(context.file));
  return json.ok ? validateProfile(json.value, context) : json;
}

/** Whether parsed JSON says it is a weight profile (rather than a questionnaire or anything else). */
export function isProfileData(data: unknown): boolean {
  return typeof data === 'object' && data !== null && (data as { kind?: unknown }).kind === PROFILE_KIND;
}
