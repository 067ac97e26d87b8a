/**
 * The shape of answers as they travel in workshop payloads (see `src/assessment/types.ts` for
 * the types). Limits keep a hostile or broken file from filling the device.
 */
import { z } from '../validation/zod.ts';
import { expected } from '../validation/expected.ts';
import { identifier, timestampSchema } from '../validation/fields.ts';

export const MAX_ANSWERS = 1000;
const MAX_TEXT = 20_000;

// Question ids follow the questionnaire format, which also keeps out keys such as `__proto__`.
const questionId = identifier.max(200);

const answerValue = z.union([
  z.string().max(MAX_TEXT),
  z.number().finite(),
  z.array(z.string().max(200)).max(100),
]);

export const responseSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('value'), value: answerValue }),
  z.strictObject({ kind: z.literal('notApplicable') }),
  z.strictObject({ kind: z.literal('dontKnow') }),
]);

const evidenceSchema = z.strictObject({
  id: z.string().min(1).max(100),
  reference: z.string().max(2000),
  access: z.enum(['public', 'restricted']),
});

export const answerSchema = z.strictObject({
  questionId,
  response: responseSchema.optional(),
  comment: z.string().max(MAX_TEXT).optional(),
  evidence: z.array(evidenceSchema).max(50).optional(),
  updatedAt: timestampSchema,
});

export const answersSchema = z
  .record(questionId, answerSchema)
  .refine(
    (answers) => Object.keys(answers).length <= MAX_ANSWERS,
    expected('expected.answerCount', { maximum: MAX_ANSWERS }),
  )
  .refine((answers) => Object.entries(answers).every(([id, answer]) => answer.questionId === id), {
    message: expected('expected.answerUnderId'),
  });
