/**
 * The server of record's API for one assessment answered by many contributors: the shapes of
 * every request and answer, shared by the server (which checks what devices send) and the app
 * (which checks what the server answers). Paths are relative to the app's address.
 */
import { z } from '../validation/zod.ts';
import { timestampSchema } from '../validation/fields.ts';
import { ASSIGNMENT_STATUSES } from './status.ts';
import { PART_KINDS } from './parts.ts';

const uuid = z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
const recordId = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_-]{0,99}$/);
const itemId = z.string().min(1).max(100);

export const COORDINATION_PATHS = {
  /** GET: the caller's own parts, across assessments. */
  mine: 'api/assignments/mine',
  /** GET: an assessment's parts, progress facts and authors; POST: give a part. */
  ofAssessment: (assessmentId: string) => `api/assessments/${encodeURIComponent(assessmentId)}/assignments`,
  /** POST: a step (submit, requestRevision, accept, withdraw). */
  steps: (assignmentId: string) => `api/assignments/${assignmentId}/steps`,
} as const;

export const partRefSchema = z.strictObject({ kind: z.enum(PART_KINDS), id: itemId });

export const assigneeRefSchema = z.strictObject({
  kind: z.enum(['organisation', 'account']),
  id: uuid,
});
export type AssigneeRef = z.infer<typeof assigneeRefSchema>;

export const assignRequestSchema = z.strictObject({ part: partRefSchema, assignee: assigneeRefSchema });
export type AssignRequest = z.infer<typeof assignRequestSchema>;

export const STEP_ACTIONS = ['submit', 'requestRevision', 'accept', 'withdraw'] as const;
export type StepAction = (typeof STEP_ACTIONS)[number];

export const stepRequestSchema = z.strictObject({
  action: z.enum(STEP_ACTIONS),
  comment: z.string().trim().max(5000).optional(),
});
export type StepRequest = z.infer<typeof stepRequestSchema>;

export const assignmentEventSchema = z.object({
  action: z.enum(['assigned', 'submitted', 'revisionRequested', 'accepted', 'withdrawn']),
  comment: z.string().nullable(),
  at: timestampSchema,
  by: z.string(),
});
export type AssignmentEvent = z.infer<typeof assignmentEventSchema>;

export const assignmentSchema = z.object({
  id: uuid,
  assessmentId: recordId,
  assessmentName: z.string(),
  questionnaire: z.object({ id: itemId, version: z.string() }),
  /** The organisation that holds the assessment. */
  organisation: z.object({ id: uuid, name: z.string() }),
  part: partRefSchema,
  questions: z.array(itemId),
  gates: z.array(itemId),
  assignee: assigneeRefSchema.extend({ name: z.string() }),
  status: z.enum(ASSIGNMENT_STATUSES),
  /** The coordinator's latest request for a revision. */
  comment: z.string().nullable(),
  changedAt: timestampSchema,
  /** When it was last accepted, while it stays accepted. */
  acceptedAt: timestampSchema.nullable(),
  events: z.array(assignmentEventSchema),
});
export type Assignment = z.infer<typeof assignmentSchema>;

export const authorshipSchema = z.object({
  questionId: itemId,
  by: z.string(),
  organisations: z.array(z.string()),
  at: timestampSchema,
});

export const assessmentAssignmentsSchema = z.object({
  assignments: z.array(assignmentSchema),
  /** Per answered question: who changed the answer last, and when. */
  authors: z.array(authorshipSchema),
  /** Whom the caller may give parts to. */
  assignees: z.object({
    organisations: z.array(z.object({ id: uuid, name: z.string(), parentId: uuid.nullable() })),
    accounts: z.array(z.object({ id: uuid, name: z.string() })),
  }),
  /** Whether the caller manages this assessment's assignments. */
  manages: z.boolean(),
});
export type AssessmentAssignments = z.infer<typeof assessmentAssignmentsSchema>;

export const myAssignmentsSchema = z.object({ assignments: z.array(assignmentSchema) });
export type MyAssignments = z.infer<typeof myAssignmentsSchema>;

export const stepResponseSchema = z.object({
  /** The caller's own parts, after the step. */
  assignments: z.array(assignmentSchema),
  /** The assessment's parts, after the step. */
  assessment: assessmentAssignmentsSchema,
});
export type StepResponse = z.infer<typeof stepResponseSchema>;
