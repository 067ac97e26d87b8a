/**
 * Questionnaire format v1.
 *
 * This Zod schema is the single source of the format: the TypeScript types are inferred
 * from it, and `questionnaires/schema/questionnaire.schema.json` is generated from it
 * (`npm run schema`) for editors and third-party tools. Rules that a JSON Schema cannot
 * express (unique ids, conditions pointing backwards, known clause and reference ids,
 * complete translations, a `scoring` rule on every scored figure) live in `rules.ts`. Authors
 * read every field in `questionnaires/README.md`.
 */
import { z } from '../validation/zod.ts';
import { expected } from '../validation/expected.ts';
import { identifier, versionSchema } from '../validation/fields.ts';
import {
  FORMAT_VERSION,
  GCI_PILLARS,
  MAX_LEVELS,
  MAX_WEIGHT,
  MIN_LEVELS,
  QUESTION_TYPES,
  WHEN_HIDDEN,
  type QuestionType,
} from './constants.ts';

export * from './constants.ts';

export const languageCode = z
  .string()
  .regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, expected('expected.languageCode'));

export { identifier, versionSchema };

/**
 * What a `sources` entry may name: a clause of the registry (`R130/resolves/sme-problems`,
 * always with a slash) or an entry of the questionnaire's own `references` (an identifier,
 * never with a slash), so the two can never be confused.
 */
const sourceId = z
  .string()
  .regex(
    /^(?:[A-Za-z0-9-]+(?:\/[a-z0-9-]+)+|[a-z][a-z0-9]*(?:[-_.][a-z0-9]+)*)$/,
    expected('expected.sourceId'),
  );
const sourcesSchema = z
  .array(sourceId)
  .min(1)
  .meta({ description: 'Clause ids from the clause registry, or ids of the questionnaire’s own references' });

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

const basisSchema = z
  .strictObject({
    text: localizedTextSchema,
    sources: sourcesSchema.optional(),
  })
  .meta({
    id: 'Basis',
    description:
      'Why the thresholds are where they are, shown beside the rule; sources cite clauses or references',
  });

const linearRuleSchema = z
  .strictObject({
    kind: z.literal('linear'),
    scoreZeroAt: z.number(),
    scoreFullAt: z.number(),
    basis: basisSchema.optional(),
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
    basis: basisSchema.optional(),
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
    score: unitScore
      .optional()
      .meta({ description: 'Required unless the question has "scored": false, where it is not allowed' }),
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
  | { question: string; notIn: Array<string | number> }
  | { question: string; atLeast: number }
  | { question: string; atMost: number }
  | { question: string; includes: string }
  | { all: Condition[] }
  | { any: Condition[] }
  | { not: Condition };

export const conditionSchema: z.ZodType<Condition> = z.lazy(() =>
  z
    .union(
      [
        z.strictObject({ question: identifier, equals: z.union([z.string(), z.number()]) }),
        z.strictObject({ question: identifier, in: z.array(z.union([z.string(), z.number()])).min(1) }),
        z.strictObject({
          question: identifier,
          notIn: z.array(z.union([z.string(), z.number()])).min(1),
        }),
        z.strictObject({ question: identifier, atLeast: z.number() }),
        z.strictObject({ question: identifier, atMost: z.number() }),
        z.strictObject({ question: identifier, includes: identifier }),
        z.strictObject({ all: z.array(conditionSchema).min(1) }),
        z.strictObject({ any: z.array(conditionSchema).min(1) }),
        z.strictObject({ not: conditionSchema }),
      ],
      { error: expected('expected.condition') },
    )
    .meta({
      id: 'Condition',
      description:
        'Shown only while this holds on earlier answers. A condition on a question that is unanswered, ' +
        'hidden, "not applicable" or "don\'t know" is neither true nor false, and so is its "not"; ' +
        '"all" is true when every part is, "any" when one part is.',
    }),
);

const questionBase = {
  id: identifier,
  text: localizedTextSchema,
  help: localizedTextSchema.optional(),
  sources: sourcesSchema,
  gciPillar: z.enum(GCI_PILLARS),
  weight: weightSchema.optional().meta({ description: 'Default weight within its pillar (1 when absent)' }),
  showIf: conditionSchema.optional(),
  whenHidden: z
    .enum(WHEN_HIDDEN)
    .optional()
    .meta({
      description:
        'How the question counts while "showIf" hides it. "zero" (the default): score 0, the capacity it asks about ' +
        'being absent. "full": score 1, for a question asked only while a capacity is absent, hidden once an answer ' +
        'to its one gate question goes beyond it. "notApplicable": it does not count, allowed only when no scored ' +
        'answer can show or hide it. While a gate question is unanswered the question counts 0 and is still open.',
    }),
  action: localizedTextSchema
    .optional()
    .meta({ description: 'Suggested next step when this question shows a gap' }),
};

const yesNoQuestion = z.strictObject({ ...questionBase, type: z.literal('yesNo') });
const yesPartlyNoQuestion = z.strictObject({ ...questionBase, type: z.literal('yesPartlyNo') });
const levelCount = expected('expected.levels', { minimum: MIN_LEVELS, maximum: MAX_LEVELS });
const maturityQuestion = z.strictObject({
  ...questionBase,
  type: z.literal('maturity'),
  levels: z
    .array(localizedTextSchema, { error: levelCount })
    .min(MIN_LEVELS, levelCount)
    .max(MAX_LEVELS, levelCount)
    .meta({
      description:
        'What each level looks like for this question, from level 0 up: 2 to 11 levels; with L levels, level n scores n/(L−1)',
    }),
  levelNumbering: z
    .strictObject({
      from: z
        .int()
        .min(0)
        .optional()
        .meta({ description: 'The number shown for the first level (0 when absent)' }),
      word: localizedTextSchema
        .optional()
        .meta({ description: 'The word shown before the number, such as "Stage"' }),
    })
    .optional()
    .meta({
      description:
        'How levels are shown ("Stage 1" to "Stage 5"); answers, conditions and scores still use 0 to L−1',
    }),
});
const scored = z.boolean().optional().meta({
  description:
    'false: collected for context and never scored (outside the score and the coverage); true when absent',
});
const definition = localizedTextSchema
  .optional()
  .meta({ description: 'What exactly the figure counts: what is included, which period, which denominator' });
const scoringRule = numericRuleSchema.optional().meta({
  description: 'How the figure becomes a score; required unless "scored" is false, where it is not allowed',
});

const singleChoiceQuestion = z.strictObject({
  ...questionBase,
  type: z.literal('singleChoice'),
  scored,
  options: z.array(optionSchema).min(2),
});
const multipleChoiceQuestion = z.strictObject({
  ...questionBase,
  type: z.literal('multipleChoice'),
  scored,
  options: z
    .array(optionSchema)
    .min(2)
    .meta({ description: 'The score is the sum of the chosen options, capped at 1' }),
});
const numberQuestion = z.strictObject({
  ...questionBase,
  type: z.literal('number'),
  definition,
  unit: localizedTextSchema.optional(),
  min: z.number().optional(),
  max: z.number().optional(),
  integer: z.boolean().optional(),
  scored,
  scoring: scoringRule,
});
const percentageQuestion = z.strictObject({
  ...questionBase,
  type: z.literal('percentage'),
  definition,
  scored,
  scoring: scoringRule,
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
    sources: sourcesSchema,
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

export const referenceSchema = z
  .strictObject({
    id: identifier.meta({ description: 'What `sources` cite: lower case, digits, "-", "_" or ".", no "/"' }),
    title: localizedTextSchema.meta({ description: 'The document, as it is cited: "Law No. 12 on …"' }),
    publisher: localizedTextSchema.optional(),
    year: z.int().min(1000).max(9999).optional(),
    url: z
      .url({ protocol: /^https?$/, error: expected('expected.webAddress') })
      .optional()
      .meta({ description: 'Where to read it (http or https)' }),
    note: localizedTextSchema.optional().meta({ description: 'Which part, or why it is cited' }),
  })
  .meta({ id: 'Reference', description: 'A document the questionnaire cites besides the clause registry' });
export type Reference = z.infer<typeof referenceSchema>;

export const catalogEntrySchema = z
  .strictObject({
    order: z.number().meta({ description: 'Lists show questionnaires by this number, lowest first' }),
    offerFirst: z.boolean().optional().meta({
      description:
        'Chosen in advance when a new assessment is made (the lowest "order" among those that say so)',
    }),
  })
  .meta({
    description:
      'Where the questionnaire stands in lists; a questionnaire without it comes after those with it and is never chosen in advance',
  });

/**
 * How answers given to an earlier version carry over to this one (see `carryOver.ts`). Each
 * question of the earlier version is listed once: carried as it is (`same`, with a `check`
 * note when its wording changed), mapped onto questions of this version (`map`: the rules say
 * which old answer determines which new one), or not carried (`none`), in which case the old
 * answer is kept and shown to the person. `text` is the earlier question's text, shown there.
 */
const answerValueSchema = z.union([z.string(), z.number(), z.array(identifier)]);

const carryWhenSchema = z
  .union([
    z.strictObject({ equals: z.union([z.string(), z.number()]) }),
    z.strictObject({ in: z.array(z.union([z.string(), z.number()])).min(1) }),
    z.strictObject({ includes: identifier }),
  ])
  .meta({ id: 'CarryWhen', description: 'A condition on the answer given to the earlier question' });

const carryRuleSchema = z
  .strictObject({
    when: carryWhenSchema,
    to: identifier.meta({ description: 'The question of this version that receives the value' }),
    value: answerValueSchema.meta({ description: 'The answer it receives, as this version takes it' }),
  })
  .meta({ id: 'CarryRule' });

const carriedQuestionSchema = z
  .discriminatedUnion('carry', [
    z.strictObject({
      id: identifier,
      carry: z.literal('same'),
      check: localizedTextSchema
        .optional()
        .meta({ description: 'What changed in the wording, for the person to check the carried answer' }),
    }),
    z.strictObject({
      id: identifier,
      carry: z.literal('map'),
      text: localizedTextSchema,
      type: z.enum(QUESTION_TYPES).meta({ description: 'The earlier question’s type' }),
      options: z
        .array(z.strictObject({ id: identifier, label: localizedTextSchema }))
        .min(1)
        .optional()
        .meta({
          description: 'The earlier question’s options, to check the rules and show the earlier answer',
        }),
      levels: z
        .number()
        .int()
        .min(2)
        .optional()
        .meta({ description: 'The earlier question’s number of levels' }),
      rules: z.array(carryRuleSchema).min(1),
      note: localizedTextSchema.optional(),
    }),
    z.strictObject({
      id: identifier,
      carry: z.literal('none'),
      text: localizedTextSchema,
      type: z.enum(QUESTION_TYPES).meta({ description: 'The earlier question’s type' }),
      note: localizedTextSchema.optional().meta({ description: 'Why, and where the subject is asked now' }),
    }),
  ])
  .meta({ id: 'CarriedQuestion' });
export type CarriedQuestion = z.infer<typeof carriedQuestionSchema>;
export type CarryRule = z.infer<typeof carryRuleSchema>;

export const carryOverSchema = z
  .strictObject({
    from: versionSchema.meta({
      description:
        'The earliest version these rules read; they apply from it up to, not including, this version',
    }),
    questions: z.array(carriedQuestionSchema).min(1),
  })
  .meta({ id: 'CarryOver' });
export type CarryOver = z.infer<typeof carryOverSchema>;

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
    catalog: catalogEntrySchema.optional(),
    references: z
      .array(referenceSchema)
      .optional()
      .meta({ description: 'Documents that `sources` may cite by id besides the clause registry' }),
    pillars: z.array(pillarSchema).min(1),
    carryOver: z.array(carryOverSchema).min(1).optional().meta({
      description: 'How answers given to earlier versions carry over, one set per range of versions',
    }),
  })
  .meta({
    title: 'Baseline questionnaire, format v1',
    description: 'A self-assessment questionnaire for the Baseline app.',
  });
export type Questionnaire = z.infer<typeof questionnaireSchema>;
