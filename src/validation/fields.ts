/**
 * The small formats every Baseline file shares, defined once so that an id, a version or a
 * time is checked, and explained when refused, the same way in all of them.
 */
import { z } from './zod.ts';
import { expected } from './expected.ts';

/** A questionnaire, pillar, question, option, group or profile id: `strategy`, `cirt.national-team`. */
export const identifier = z
  .string()
  .regex(/^[a-z][a-z0-9]*(?:[-_.][a-z0-9]+)*$/, expected('expected.itemId'));

export const versionSchema = z.string().regex(/^\d+\.\d+\.\d+$/, expected('expected.version'));

/** Which questionnaire, in which version, an assessment, a workshop or a payload answers. */
export const questionnaireRefSchema = z.strictObject({
  id: identifier.max(100),
  version: versionSchema,
});

export const timestampSchema = z.iso.datetime({ offset: true, error: expected('expected.dateTime') });
