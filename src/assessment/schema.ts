/**
 * The checked shapes of an assessment and its answers: what an imported file must hold before
 * any of it reaches IndexedDB. The TypeScript types in `types.ts` are inferred from them, so a
 * field added here is the app's at once (and flows through export and import with no other
 * change).
 *
 * Every string and list has a limit, so a hostile file cannot fill the device or freeze the
 * page; ids are restricted to plain characters, so none can be `__proto__`.
 */
import { z } from '../validation/zod.ts';
import { expected } from '../validation/expected.ts';
import { identifier, questionnaireRefSchema, timestampSchema, versionSchema } from '../validation/fields.ts';
import { weightProfileSchema } from '../profiles/schema.ts';
import { participationSchema, provenanceSchema } from '../workshop/records.ts';

export const LIMITS = {
  name: 200,
  preparedBy: 2000,
  comment: 20_000,
  text: 20_000,
  reference: 2000,
  evidencePerAnswer: 100,
  optionsChosen: 100,
  answersPerAssessment: 5000,
} as const;

const recordId = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_-]{0,99}$/, expected('expected.recordId'));

/** A question, pillar or option id, as the questionnaire format allows them. */
const itemId = identifier.max(100);

const timestamp = timestampSchema;
const calendarDate = z.iso.date({ error: expected('expected.date') });
const target = z.number().min(0, expected('expected.target')).max(100, expected('expected.target'));

const access = z.enum(['public', 'restricted']);

const limitedText = (max: number) => z.string().max(max);

export const evidenceSchema = z
  .strictObject({
    id: recordId,
    reference: limitedText(LIMITS.reference),
    access,
  })
  .meta({
    id: 'Evidence',
    description: 'A document, decree, report or link; restricted evidence is left out of sharing exports',
  });

export const answerValueSchema = z.union(
  [
    z.string().max(LIMITS.text),
    z.number().refine(Number.isFinite, expected('expected.finiteNumber')),
    z.array(itemId).max(LIMITS.optionsChosen),
  ],
  { error: expected('expected.answerValue') },
);

export const responseSchema = z
  .discriminatedUnion(
    'kind',
    [
      z.strictObject({ kind: z.literal('value'), value: answerValueSchema }),
      z.strictObject({ kind: z.literal('notApplicable') }),
      z.strictObject({ kind: z.literal('dontKnow') }),
    ],
    { error: expected('expected.responseKind') },
  )
  .meta({ id: 'Response' });

export const answerSchema = z
  .strictObject({
    questionId: itemId,
    response: responseSchema.optional(),
    comment: limitedText(LIMITS.comment).optional(),
    commentAccess: access
      .optional()
      .meta({ description: 'Restricted comments are left out of sharing exports' }),
    evidence: z.array(evidenceSchema).max(LIMITS.evidencePerAnswer).optional(),
    updatedAt: timestamp,
  })
  .meta({ id: 'Answer' });

const questionIds = z.array(itemId).max(LIMITS.answersPerAssessment);

export const carriedOverSchema = z
  .strictObject({
    from: versionSchema,
    to: versionSchema,
    at: timestamp,
    carried: questionIds,
    check: questionIds,
    mapped: z
      .array(z.strictObject({ answer: answerSchema, to: z.array(itemId).min(1).max(100) }))
      .max(LIMITS.answersPerAssessment),
    listed: z.array(answerSchema).max(LIMITS.answersPerAssessment),
    dismissed: z.boolean().optional(),
  })
  .meta({
    id: 'CarriedOver',
    description:
      'How the answers were carried over from an earlier questionnaire version; earlier answers mapped or not carried are kept whole',
  });

export const assessmentSchema = z
  .strictObject({
    id: recordId,
    name: z.string().trim().min(1).max(LIMITS.name),
    questionnaire: questionnaireRefSchema,
    preparedBy: limitedText(LIMITS.preparedBy)
      .optional()
      .meta({ description: 'Names of the people who prepared it; left out of sharing exports' }),
    organisation: limitedText(LIMITS.name)
      .optional()
      .meta({ description: 'The country or organisation assessed, as the report’s cover names it' }),
    createdAt: timestamp,
    updatedAt: timestamp,
    assessedOn: calendarDate
      .optional()
      .meta({ description: 'The date the assessment describes, set by the person; comparisons order by it' }),
    targets: z.partialRecord(itemId, target).optional().meta({
      description: 'Targets (0 to 100) by pillar id; a pillar not named keeps the questionnaire’s target',
    }),
    weightProfile: weightProfileSchema
      .optional()
      .meta({ description: 'The weight profile the results are computed with, as a full copy' }),
    workshop: participationSchema.optional(),
    provenance: provenanceSchema.optional(),
    carriedOver: carriedOverSchema.optional(),
  })
  .meta({ id: 'Assessment' });

/**
 * Fields of an assessment that name people. A sharing export leaves them out; a field added
 * later that holds names belongs in this list.
 */
export const PERSONAL_FIELDS = ['preparedBy'] as const satisfies readonly AssessmentField[];

type AssessmentField = keyof z.output<typeof assessmentSchema>;
