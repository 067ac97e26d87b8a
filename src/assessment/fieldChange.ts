import type { Assessment } from './types.ts';
import { sameJson } from './merge.ts';
import { laterOf } from '../validation/time.ts';

/**
 * What a change did to an assessment's own top-level fields, as plain JSON: the fields it set
 * (with their new values) and the ones it removed. Unlike the function that made the change, it
 * can be written down and applied again after a reload (see `storage/assessmentChanges.ts`).
 */
export interface FieldChange {
  set: Record<string, unknown>;
  removed: string[];
}

/** The fields `after` sets or removes compared with `before`, or undefined when it changes none. */
export function fieldChange(before: Assessment, after: Assessment): FieldChange | undefined {
  const was = asFields(before);
  const now = asFields(after);
  const set = Object.fromEntries(
    Object.entries(now).filter(([field, value]) => !sameJson(value, was[field])),
  );
  const removed = Object.keys(was).filter((field) => !(field in now));
  return Object.keys(set).length > 0 || removed.length > 0 ? { set, removed } : undefined;
}

/**
 * The assessment with a change's fields set and removed; every other field is kept as it is, so
 * a field another window changed meanwhile survives. `updatedAt` never goes back: an answer
 * saved since the change was made moved it on.
 */
export function withFieldChange(assessment: Assessment, change: FieldChange): Assessment {
  const next: Record<string, unknown> = { ...assessment, ...change.set, id: assessment.id };
  for (const field of change.removed) delete next[field];
  const updatedAt = change.set.updatedAt;
  if (typeof updatedAt === 'string') next.updatedAt = laterOf(assessment.updatedAt, updatedAt);
  return next as unknown as Assessment;
}

/** A plain copy (the assessment shown may be a reactive proxy, which JSON reads through). */
function asFields(assessment: Assessment): Record<string, unknown> {
  return JSON.parse(JSON.stringify(assessment)) as Record<string, unknown>;
}
