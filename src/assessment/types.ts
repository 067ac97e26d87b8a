/**
 * What a person records for one question. These are plain, JSON-compatible objects: the same
 * shapes go into IndexedDB, export files and workshop payloads. Each type is inferred from its
 * checked shape in `schema.ts` (where the fields are described), so the two cannot drift apart.
 */
import type { z } from '../validation/zod.ts';
import type {
  answerSchema,
  answerValueSchema,
  assessmentSchema,
  carriedOverSchema,
  evidenceSchema,
  responseSchema,
} from './schema.ts';
import type { questionnaireRefSchema } from '../validation/fields.ts';

/** A yes/no id, an option id, a maturity level, a figure, option ids, or free text. */
export type AnswerValue = z.output<typeof answerValueSchema>;

/**
 * "Not applicable" and "don't know" are answers in their own right, kept apart from
 * "not yet answered" (no response at all): they count differently in scores and coverage.
 */
export type Response = z.output<typeof responseSchema>;

/** A document title, a legal reference, or a link; restricted evidence is left out of sharing exports. */
export type Evidence = z.output<typeof evidenceSchema>;
export type EvidenceAccess = Evidence['access'];

export type Answer = z.output<typeof answerSchema>;

/** Answers of one assessment keyed by question id. */
export type Answers = Readonly<Partial<Record<string, Answer>>>;

/** Identity of a built-in questionnaire an assessment was made against. */
export type QuestionnaireRef = z.output<typeof questionnaireRefSchema>;

export type Assessment = z.output<typeof assessmentSchema>;

/**
 * How the answers were carried over from an earlier version of the questionnaire (see
 * src/questionnaire/carryOver.ts): what was carried, what to check, and every earlier answer
 * that was mapped or could not be carried, kept whole.
 */
export type CarriedOver = z.output<typeof carriedOverSchema>;
