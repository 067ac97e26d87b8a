/**
 * The registry of clause ids a questionnaire may cite (`questionnaires/reference/clauses.json`),
 * derived from the clause map of Resolution 130 and the documents read beside it. Questions
 * cite these ids in `sources`; the validator refuses ids that are not here, and the app shows
 * the summary next to a citation, under the document the clause comes from.
 */
import { z } from '../validation/zod.ts';
import { localizedTextSchema } from './schema.ts';

export const clauseDocumentSchema = z
  .strictObject({
    id: z
      .string()
      .regex(/^[A-Za-z0-9-]+$/)
      .meta({ description: 'The first part of the ids of its clauses: "R130" for "R130/resolves/…"' }),
    title: localizedTextSchema.meta({ description: 'The document as a citation names it' }),
    publisher: localizedTextSchema.optional(),
    year: z.int().optional(),
    url: z.url({ protocol: /^https?$/ }).optional(),
  })
  .meta({ id: 'ClauseDocument' });
export type ClauseDocument = z.infer<typeof clauseDocumentSchema>;

export const clauseSchema = z.strictObject({
  id: z.string().min(1).meta({ description: '<document id>/<section>/<slug>' }),
  mark: z.string().min(1).meta({ description: 'The mark as printed in the seed document' }),
  section: z
    .string()
    .regex(/^[a-z-]+$/)
    .optional()
    .meta({
      description:
        'The part of the document the clause is in ("instructs-tsb-bdt"), given only where its id, kept stable once cited, names another part',
    }),
  pillar: z
    .string()
    .optional()
    .meta({ description: 'The questionnaire pillar the clause map files it under' }),
  summary: localizedTextSchema,
});
export type Clause = z.infer<typeof clauseSchema>;

export const clauseRegistrySchema = z
  .strictObject({
    source: z.string(),
    documents: z.array(clauseDocumentSchema).min(1),
    clauses: z.array(clauseSchema).min(1),
  })
  .refine((registry) => registry.clauses.every((clause) => documentOf(registry, clause.id) !== undefined), {
    message: 'every clause id must start with the id of one of the "documents" and a "/"',
  });
export type ClauseRegistry = z.infer<typeof clauseRegistrySchema>;

/** The document a clause comes from: the one whose id is the first part of the clause's id. */
export function documentOf(
  registry: { documents: readonly ClauseDocument[] },
  clauseId: string,
): ClauseDocument | undefined {
  const prefix = clauseId.split('/', 1)[0];
  return registry.documents.find((document) => document.id === prefix);
}
