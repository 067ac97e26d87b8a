/**
 * Questionnaire format v1.
 *
 * This Zod schema is the single source of the format: the TypeScript types are inferred
 * from it, and `questionnaires/schema/questionnaire.schema.json` is generated from it
 * (`npm run schema`) for editors and third-party tools. Rules that a JSON Schema cannot
 * express (unique ids, conditions pointing backwards, known clause ids, complete
 * translations) live in `rules.ts`.
 */
import { z } from '../validation/zod.ts';
import { expected } from '../validation/expected.ts';
import { identifier, versionSchema } from '../validation/fields.ts';
import { FORMAT_VERSION, GCI_PILLARS, MATURITY_LEVELS, MAX_WEIGHT, type QuestionType } from './constants.ts';

export * from './constants.ts';

export const languageCode = z
  .string()
  .regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, expected('expected.languageCode'));

export { identifier, versionSchema };

const clauseId = z.string().regex(/^[A-Za-z0-9-]+(?:\/[a-z0-9-]+)+$/, expected('expected.clauseId'));

/** Text in several languages, keyed by language code: `{ "en": "…", "ru": "…" }`. */
export const localizedTextSchema = z
  .record(languageCode, z.string().trim().min(1))
  .refine((text) => Object.keys(text).length > 0, expected('expected.someLanguage'))
  .meta({ id: 'LocalizedText', description: 'Text keyed by language code, e.g. {"en": "…", "ru": "…"}' });
export type LocalizedText = z.infer<typeof localizedTextSchema>;

const unitScore = z.number().min(0).max(1);
export const weightSchema = z
  .number()
  .min(0, expected('expected.weight', { maximum: MAX_WEIGHT }))
  .max(MAX_WEIGHT, expected('expected.weight', { maximum: MAX_WEIGHT }))
  .meta({ description: `Relative weight from 0 to ${MAX_WEIGHT}; 0 leaves the item out` });

const linearRuleSchema = z
  .strictObject({
    kind: z.literal('linear'),
    scoreZeroAt: z.number(),
    scoreFullAt: z.number(),
  })
  .meta({
    description:
      'Score 0 at scoreZeroAt, 1 at scoreFullAt, straight line between, clamped to [0, 1]. ' +
      'scoreZeroAt may be above scoreFullAt when less is better.',
  });

const stepsRuleSchema = z
  .strictObject({
    kind: z.literal('steps'),
    steps: z.array(z.strictObject({ from: z.number(), score: unitScore })).min(1),
  })
  .meta({
    description:
      'Steps in ascending order of "from": a value earns the score of the last step whose "from" it reaches; ' +
      'a value below the first step scores 0.',
  });

export const numericRuleSchema = z
  .discriminatedUnion('kind', [linearRuleSchema, stepsRuleSchema])
  .meta({ id: 'NumericRule', description: 'How a figure is turned into a score in [0, 1]' });
export type NumericRule = z.infer<typeof numericRuleSchema>;

const optionSchema = z
  .strictObject({
    id: identifier,
    label: localizedTextSchema,
    score: unitScore,
    exclusive: z.boolean().optional().meta({
      description: 'Multiple choice only: choosing this option clears the others ("none of these")',
    }),
  })
  .meta({ id: 'Option' });
export type ChoiceOption = z.infer<typeof optionSchema>;

/** A condition on an earlier answer; a question with `showIf` is shown only while it holds. */
export type Condition =
  | { question: string; equals: string | number }
  | { question: string; in: Array<string | number> }
  | { question: string; atLeast: number }
  | { question: string; includes: string }
  | { all: Condition[] }
  | { any: Condition[] };

export const conditionSchema: z.ZodType<Condition> = z.lazy(() =>
  z
    .union(
      [
        z.strictObject({ question: identifier, equals: z.union([z.string(), z.number()]) }),
        z.strictObject({ question: identifier, in: z.array(z.union([z.string(), z.number()])).min(1) }),
        z.strictObject({ question: identifier, atLeast: z.number() }),
        z.strictObject({ question: identifier, includes: identifier }),
        z.strictObject({ all: z.array(conditionSchema).min(1) }),
        z.strictObject({ any: z.array(conditionSchema).min(1) }),
      ],
      { error: expected('expected.condition') },
    )
    .meta({ id: 'Condition', description: 'Shown only while this holds on an earlier answer' }),
);

const questionBase = {
  id: identifier,
  text: localizedTextSchema,
  help: localizedTextSchema.optional(),
  sources: z.array(clauseId).min(1).meta({ description: 'Clause ids from the clause registry' }),
  gciPillar: z.enum(GCI_PILLARS),
  weight: weightSchema.optional().meta({ description: 'Default weight within its pillar (1 when absent)' }),
  showIf: conditionSchema.optional(),
  action: localizedTextSchema
    .optional()
    .meta({ description: 'Suggested next step when this question shows a gap' }),
};

const yesNoQuestion = z.strictObject({ ...questionBase, type: z.literal('yesNo') });
const yesPartlyNoQuestion = z.strictObject({ ...questionBase, type: z.literal('yesPartlyNo') });
const maturityQuestion = z.strictObject({
  ...questionBase,
  type: z.literal('maturity'),
  levels: z
    .array(localizedTextSchema)
    .length(MATURITY_LEVELS, expected('expected.sixLevels'))
    .meta({ description: 'What levels 0 to 5 look like for this question; level n scores n/5' }),
});
const singleChoiceQuestion = z.strictObject({
  ...questionBase,
  type: z.literal('singleChoice'),
  options: z.array(optionSchema).min(2),
});
const multipleChoiceQuestion = z.strictObject({
  ...questionBase,
  type: z.literal('multipleChoice'),
  options: z
    .array(optionSchema)
    .min(2)
    .meta({ description: 'The score is the sum of the chosen options, capped at 1' }),
});
const numberQuestion = z.strictObject({
  ...questionBase,
  type: z.literal('number'),
  unit: localizedTextSchema.optional(),
  min: z.number().optional(),
  max: z.number().optional(),
  integer: z.boolean().optional(),
  scoring: numericRuleSchema,
});
const percentageQuestion = z.strictObject({
  ...questionBase,
  type: z.literal('percentage'),
  scoring: numericRuleSchema,
});
const textQuestion = z.strictObject({ ...questionBase, type: z.literal('text') });

export const questionSchema = z
  .discriminatedUnion('type', [
    yesNoQuestion,
    yesPartlyNoQuestion,
    maturityQuestion,
    singleChoiceQuestion,
    multipleChoiceQuestion,
    numberQuestion,
    percentageQuestion,
    textQuestion,
  ])
  .meta({ id: 'Question' });
export type Question = z.infer<typeof questionSchema>;
export type QuestionOf<T extends QuestionType> = Extract<Question, { type: T }>;

export const pillarSchema = z
  .strictObject({
    id: identifier,
    title: localizedTextSchema,
    description: localizedTextSchema.optional(),
    sources: z.array(clauseId).min(1),
    weight: weightSchema.optional().meta({ description: 'Default pillar weight (1 when absent)' }),
    target: z
      .number()
      .min(0)
      .max(100)
      .optional()
      .meta({ description: 'Default target score, 0 to 100, that a country aims for' }),
    rationale: localizedTextSchema
      .optional()
      .meta({ description: 'Why the resolution makes this pillar a priority' }),
    questions: z.array(questionSchema).min(1),
  })
  .meta({ id: 'Pillar' });
export type Pillar = z.infer<typeof pillarSchema>;

export const questionnaireSchema = z
  .strictObject({
    $schema: z.string().optional(),
    format: z.literal(FORMAT_VERSION),
    id: identifier,
    version: versionSchema,
    basedOn: identifier
      .optional()
      .meta({ description: 'Id of the questionnaire whose question ids this one reuses' }),
    languages: z.array(languageCode).min(1).meta({ description: 'Languages every text is written in' }),
    defaultLanguage: languageCode.meta({
      description: 'Shown when the reader’s language is not among `languages`',
    }),
    title: localizedTextSchema,
    description: localizedTextSchema.optional(),
    pillars: z.array(pillarSchema).min(1),
  })
  .meta({
    title: 'Baseline questionnaire, format v1',
    description: 'A self-assessment questionnaire for the Baseline app.',
  });
export type Questionnaire = z.infer<typeof questionnaireSchema>;
