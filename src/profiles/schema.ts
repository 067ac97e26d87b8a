/**
 * Weight profile format v1: how much each pillar and question counts, and which bands a score
 * is read in. Profiles are data (`questionnaires/weights/*.json` for the built-in ones, files
 * that delegations exchange, and profiles saved on the device), so a country can inspect,
 * debate, change and share its weights (R130/invites-ms-sm-am/gci-methodology).
 *
 * This Zod schema is the single source of the format; the TypeScript types are inferred from
 * it and `questionnaires/schema/weight-profile.schema.json` is generated from it. Rules a
 * JSON Schema cannot express (ids that must exist in the questionnaires, bands in order,
 * weights that can give a score) are in `rules.ts`.
 */
import { z } from '../validation/zod.ts';
import { expected } from '../validation/expected.ts';
import {
  GCI_PILLARS,
  identifier,
  localizedTextSchema,
  versionSchema,
  weightSchema,
} from '../questionnaire/schema.ts';
import { GROUPINGS } from '../scoring/groupings.ts';

export const PROFILE_KIND = 'weightProfile';
export const PROFILE_FORMAT = 1;

export const bandSchema = z
  .strictObject({
    id: identifier,
    label: localizedTextSchema,
    from: z.number().min(0).max(100).meta({ description: 'The lowest score, 0 to 100, in this band' }),
  })
  .meta({ id: 'Band' });
export type Band = z.infer<typeof bandSchema>;

const weightsById = z.record(identifier, weightSchema);

export const weightProfileSchema = z
  .strictObject({
    $schema: z.string().optional(),
    kind: z.literal(PROFILE_KIND, {
      error: expected('expected.profileKind', { value: JSON.stringify(PROFILE_KIND) }),
    }),
    format: z.literal(PROFILE_FORMAT),
    id: identifier,
    version: versionSchema,
    title: localizedTextSchema,
    rationale: localizedTextSchema.meta({
      description: 'Why these weights: the argument, citing clause ids of the resolution where they apply',
    }),
    basedOn: identifier.optional().meta({ description: 'Id of the profile this one was made from' }),
    appliesTo: z
      .array(identifier)
      .min(1)
      .meta({ description: 'Ids of the questionnaires whose pillar and question ids this profile uses' }),
    groupBy: z
      .enum(GROUPINGS)
      .optional()
      .meta({
        description:
          'How results are first shown with this profile: by the questionnaire’s pillars ("pillar", the default) ' +
          'or by the five GCI pillars ("gciPillar")',
      }),
    pillars: weightsById.optional().meta({
      description: 'Weight of each questionnaire pillar by id; a pillar not named keeps the questionnaire’s',
    }),
    gciPillars: z
      .partialRecord(z.enum(GCI_PILLARS), weightSchema)
      .optional()
      .meta({ description: 'Weight of each of the five GCI pillars, for the GCI view; 1 when not named' }),
    questions: weightsById.optional().meta({
      description:
        'Weight of a question within its pillar, by id; a question not named keeps the questionnaire’s',
    }),
    bands: z
      .array(bandSchema)
      .min(1)
      .optional()
      .meta({
        description:
          'Bands from the highest to the lowest; a score falls in the first band whose "from" it reaches, and ' +
          'the last band starts at 0. When absent, the GCI 2024 tiers.',
      }),
  })
  .meta({
    title: 'Baseline weight profile, format v1',
    description: 'Pillar and question weights, and score bands, for the Baseline app.',
  });
export type WeightProfile = z.infer<typeof weightProfileSchema>;
