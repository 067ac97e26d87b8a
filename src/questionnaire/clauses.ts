/**
 * The registry of clause ids a questionnaire may cite (`questionnaires/reference/clauses.json`),
 * derived from the clause map of Resolution 130. Questions cite these ids in `sources`; the
 * validator refuses ids that are not here, and the app shows the summary next to a citation.
 */
import { z } from '../validation/zod.ts';
import { localizedTextSchema } from './schema.ts';

export const clauseSchema = z.strictObject({
  id: z.string().min(1),
  mark: z.string().min(1).meta({ description: 'The mark as printed in the seed document' }),
  pillar: z
    .string()
    .optional()
    .meta({ description: 'The questionnaire pillar the clause map files it under' }),
  summary: localizedTextSchema,
});
export type Clause = z.infer<typeof clauseSchema>;

export const clauseRegistrySchema = z.strictObject({
  source: z.string(),
  clauses: z.array(clauseSchema).min(1),
});
export type ClauseRegistry = z.infer<typeof clauseRegistrySchema>;
