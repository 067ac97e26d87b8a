/** Weight profiles as small JSON files that delegations can exchange. */
import { problem, type Problem } from '../validation/problems.ts';
import { slug } from '../transfer/slug.ts';
import type { WeightProfile } from './schema.ts';

/** Far above any real profile (a few kilobytes), low enough that a wrong file is refused at once. */
export const MAX_PROFILE_FILE_BYTES = 256 * 1024;

/** The text of a profile file: the profile alone, indented, without a local `$schema` path. */
export function profileFileText({ $schema: _, ...profile }: WeightProfile): string {
  return `${JSON.stringify(profile, null, 2)}\n`;
}

/**
 * A file name the receiving delegation can tell apart: the profile's title as the person sees it
 * (its id, when the title has no letter or digit) and its version, which each save raises.
 */
export function profileFileName(profile: WeightProfile, title: string): string {
  return `weights-${slug(title) || profile.id}-${profile.version}.json`;
}

/** A problem for a file too large to be a weight profile, or `undefined`. */
export function fileSizeProblem(file: string, bytes: number): Problem | undefined {
  if (bytes <= MAX_PROFILE_FILE_BYTES) return undefined;
  const size = Math.ceil(bytes / 1024);
  return problem(file, '$', 'profile.tooLarge', { size, limit: MAX_PROFILE_FILE_BYTES / 1024 });
}

/** Same weights, bands, texts and ids: compared as canonical JSON, whatever the key order. */
export function sameProfile(a: WeightProfile, b: WeightProfile): boolean {
  return canonical(a) === canonical(b);
}

function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([key, entry]) => key !== '$schema' && entry !== undefined)
      .sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0));
    return `{${entries.map(([key, entry]) => `${JSON.stringify(key)}:${canonical(entry)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** "1.2.3" → "1.2.4". */
export function nextVersion(version: string): string {
  const [major = 1, minor = 0, patch = 0] = version.split('.').map(Number);
  return `${major}.${minor}.${patch + 1}`;
}
