/**
 * What of a device's data travels to the server of record, and how each record is compared.
 *
 * - An assessment and each of its answers travel as the app keeps them. An assessment's
 *   `updatedAt` moves with every answer saved, so it is left out of comparisons (it would make
 *   every answer a change of the assessment too) and the later of two is kept.
 * - A workshop travels without the key that opens sealed answers.
 * - A submission travels as the facilitator received it: the payload (sealed stays sealed) and
 *   when and how it came. Answers opened on the facilitator's device never leave it for a sealed
 *   workshop.
 */
import { sameJson } from '../assessment/merge.ts';
import { responseSchema } from '../assessment/schema.ts';
import type { Answer, Assessment } from '../assessment/types.ts';
import { z } from '../validation/zod.ts';
import { identifier, timestampSchema } from '../validation/fields.ts';
import { answersSchema } from '../workshop/answersSchema.ts';
import type { Submission } from '../workshop/importer.ts';
import { participantKeyFields, payloadSchema, type Payload } from '../workshop/payload.ts';
import { workshopIdSchema, workshopSetupSchema } from '../workshop/setup.ts';
import type { ConsensusDraft } from '../workshop/consensus.ts';
import type { WorkshopSetup } from '../workshop/setup.ts';

const consensusItemSchema = z.strictObject({
  response: responseSchema.optional(),
  rationale: z.string().max(20_000).optional(),
  dissent: z.string().max(20_000).optional(),
  decided: z.boolean().optional(),
});

export const syncedWorkshopSchema = z.strictObject({
  id: workshopIdSchema,
  setup: workshopSetupSchema,
  consensus: z
    .strictObject({ items: z.record(identifier, consensusItemSchema), updatedAt: timestampSchema })
    .optional(),
  consensusAssessmentId: z.string().max(100).optional(),
  createdAt: timestampSchema,
  updatedAt: timestampSchema,
});

export interface SyncedWorkshop {
  id: string;
  setup: WorkshopSetup;
  consensus?: ConsensusDraft;
  consensusAssessmentId?: string;
  createdAt: string;
  updatedAt: string;
}

export const syncedSubmissionSchema = z.strictObject({
  ...participantKeyFields,
  checksum: z.string().max(200),
  updatedAt: timestampSchema,
  createdAt: timestampSchema,
  receivedAt: timestampSchema,
  via: z.enum(['file', 'qr', 'image', 'network']),
  /** The answers file exactly as received (sealed when the workshop seals). */
  payload: payloadSchema.optional(),
  /** Only for a workshop that does not seal, when the payload was not kept (received by an older version). */
  group: identifier.optional(),
  name: z.string().max(200).optional(),
  answers: answersSchema.optional(),
});
export type SyncedSubmission = z.infer<typeof syncedSubmissionSchema>;

/** The workshop as it goes to the record: everything but the key. */
export function syncedWorkshop(workshop: SyncedWorkshop & { secretKey?: string }): SyncedWorkshop {
  const { id, setup, consensus, consensusAssessmentId, createdAt, updatedAt } = workshop;
  return {
    id,
    setup,
    ...(consensus ? { consensus } : {}),
    ...(consensusAssessmentId ? { consensusAssessmentId } : {}),
    createdAt,
    updatedAt,
  };
}

/**
 * The submission as it goes to the record. With its payload: the payload and when and how it came.
 * Without (received before payloads were kept): the opened answers, but only when the workshop
 * does not seal them; for a sealed one, only that it came.
 */
export function syncedSubmission(
  submission: Submission & { payload?: Payload },
  sealed: boolean,
): SyncedSubmission {
  const { workshopId, participantId, checksum, updatedAt, createdAt, receivedAt, via, payload } = submission;
  const synced: SyncedSubmission = {
    workshopId,
    participantId,
    checksum,
    updatedAt,
    createdAt,
    receivedAt,
    via,
  };
  if (payload) synced.payload = payload;
  else if (!sealed) {
    synced.group = submission.group;
    synced.answers = Object.fromEntries(
      Object.entries(submission.answers).flatMap(([id, answer]) => (answer ? [[id, answer]] : [])),
    );
    if (submission.name) synced.name = submission.name;
  }
  return synced;
}

/** An assessment without the time of its last change (see the comment at the top). */
function assessmentContent(assessment: Assessment): Omit<Assessment, 'updatedAt'> {
  const { updatedAt: _, ...rest } = assessment;
  return rest;
}

/** Whether two versions of a record say the same thing. */
export function sameRecord(kind: string, a: unknown, b: unknown): boolean {
  if (a === undefined || b === undefined || a === null || b === null) return a == b;
  if (kind === 'assessment')
    return sameJson(assessmentContent(a as Assessment), assessmentContent(b as Assessment));
  if (kind === 'answer') {
    const { updatedAt: _a, ...restA } = a as Answer;
    const { updatedAt: _b, ...restB } = b as Answer;
    return sameJson(restA, restB);
  }
  return sameJson(a, b);
}
