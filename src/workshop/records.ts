/**
 * The checked shapes of what a workshop leaves on an assessment: a participant's `workshop`
 * (which workshop it answers, and who answers) and a consensus assessment's `provenance`.
 * They travel inside exported assessment files, so an import checks them like everything else
 * (`src/assessment/schema.ts`). Their types are inferred here, so the checked shapes and the app's
 * view of them cannot drift apart.
 */
import { z } from '../validation/zod.ts';
import { expected } from '../validation/expected.ts';
import { identifier, questionnaireRefSchema, timestampSchema } from '../validation/fields.ts';
import { joinInfoSchema, workshopIdSchema } from './setup.ts';

const SHORT_TEXT = 200;
const LONG_TEXT = 20_000;
const MAX_ENTRIES = 5000;

const timestamp = timestampSchema;
const key = identifier;
const text = (max: number) => z.string().max(max);
const share = z.number().min(0).max(1).nullable();
const count = z.number().int().min(0);

export const participationSchema = z
  .strictObject({
    join: joinInfoSchema,
    participantId: z.string().regex(/^[A-Za-z0-9_-]{1,100}$/, expected('expected.participantId')),
    group: key,
    name: text(SHORT_TEXT).optional(),
    joinedAt: timestamp,
    handedBack: z.strictObject({ at: timestamp, checksum: text(200), updatedAt: timestamp }).optional(),
    delivered: z.strictObject({ at: timestamp, checksum: text(200), updatedAt: timestamp }).optional(),
  })
  .meta({
    id: 'Participation',
    description: 'The workshop a participant’s assessment answers, and who answers it',
  });

export const provenanceSchema = z
  .strictObject({
    kind: z.literal('workshopConsensus'),
    workshopId: workshopIdSchema,
    workshopName: text(SHORT_TEXT),
    questionnaire: questionnaireRefSchema,
    participants: z.strictObject({ total: count, byGroup: z.record(key, count) }),
    groupLabels: z.record(key, text(SHORT_TEXT)),
    agreement: share,
    agreementByPillar: z.record(key, share),
    dissent: z.record(key, text(LONG_TEXT)).refine((d) => Object.keys(d).length <= MAX_ENTRIES),
    decidedAt: timestamp,
  })
  .meta({ id: 'ConsensusProvenance', description: 'Where a consensus assessment came from' });

/** Kept on a participant's assessment: the workshop it answers and who is answering. */
export type Participation = z.output<typeof participationSchema>;

/** Where a consensus assessment came from; kept on the assessment itself. */
export type ConsensusProvenance = z.output<typeof provenanceSchema>;
