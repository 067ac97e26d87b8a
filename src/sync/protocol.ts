/**
 * The server of record's HTTP API (`npm run server`, code in `server/`), shared by the server
 * and the app: paths, limits, and the shapes of every request and answer. The server checks what
 * devices send against these schemas; the app checks what the server answers.
 *
 * Four kinds of record travel. Assessments and their answers go both ways; a facilitator's
 * workshops and the submissions they received go to the record only (a sealed workshop's key
 * never leaves the facilitator's device, so other devices could not open them anyway).
 */
import { answerSchema, assessmentSchema } from '../assessment/schema.ts';
import { z } from '../validation/zod.ts';
import { timestampSchema } from '../validation/fields.ts';
import { syncedSubmissionSchema, syncedWorkshopSchema } from './records.ts';

export const SERVER_SERVICE = 'baseline-server';
export const SERVER_API_VERSION = 1;

/** The server adds `<meta name="baseline-server">` to the page it serves: the app offers linking only there. */
export { SERVER_META_NAME } from './presence.ts';

/** Paths relative to the app's own address (the server serves the app). */
export const SERVER_PATHS = {
  server: 'api/server',
  link: 'api/link',
  device: 'api/device',
  push: 'api/sync/push',
  pull: 'api/sync/pull',
  linkCodes: 'api/link-codes',
  accounts: 'api/accounts',
  statistics: 'api/statistics',
  statisticsOptions: 'api/statistics/options',
  statisticsSettings: 'api/statistics/settings',
} as const;

export const MAX_CHANGES_PER_PUSH = 500;
export const MAX_RECORDS_PER_PULL = 1000;
export const MAX_PUSH_BYTES = 8_000_000;

import { RECORD_KINDS, type RecordKind } from './kinds.ts';

export { RECORD_KINDS, type RecordKind };

/** Kinds with a part: an answer is (assessment id, question id), a submission (workshop id, participant id). */
export const PART_KINDS: ReadonlySet<RecordKind> = new Set(['answer', 'submission']);
/** Kinds a device pulls back; workshops and submissions only go to the record. */
export const PULLED_KINDS: ReadonlySet<RecordKind> = new Set(['assessment', 'answer']);

const uuid = z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
const recordId = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_-]{0,99}$/);
const version = z.number().int().min(1).max(Number.MAX_SAFE_INTEGER);

const VALUE_SCHEMAS = {
  assessment: assessmentSchema,
  answer: answerSchema,
  workshop: syncedWorkshopSchema,
  submission: syncedSubmissionSchema,
} as const;

/** The checked value of a record of `kind`. */
export function parseValue(kind: RecordKind, value: unknown) {
  return VALUE_SCHEMAS[kind].safeParse(value);
}

/** One change a device sends: the record as it is now (or its deletion) and the version it started from. */
export const changeSchema = z.strictObject({
  /** Made by the device; the same change sent twice is applied once. */
  changeId: uuid,
  kind: z.enum(RECORD_KINDS),
  id: recordId,
  part: z.string().min(1).max(100).optional(),
  /** The server's version this change was made from; null for a record the device never had from the server. */
  baseVersion: version.nullable(),
  deleted: z.boolean(),
  /** The record (checked per kind by the server); absent for a deletion. */
  value: z.unknown().optional(),
});
export type Change = z.infer<typeof changeSchema>;

export const pushRequestSchema = z.strictObject({ changes: z.array(changeSchema).max(MAX_CHANGES_PER_PUSH) });
export type PushRequest = z.infer<typeof pushRequestSchema>;

/** A record as the server holds it. */
export const serverRecordSchema = z.strictObject({
  kind: z.enum(RECORD_KINDS),
  id: recordId,
  part: z.string().max(100).optional(),
  organisationId: uuid,
  version,
  deleted: z.boolean(),
  value: z.unknown().nullable(),
  changedAt: timestampSchema,
  /** The account whose change this version is: an answer keeps its author. */
  changedBy: uuid,
});
export type ServerRecord = z.infer<typeof serverRecordSchema>;

export const PUSH_STATUSES = ['applied', 'conflict', 'denied', 'idTaken', 'invalid'] as const;
export type PushStatus = (typeof PUSH_STATUSES)[number];

/**
 * What became of one change. `applied`: stored as `version`. `conflict`: the record changed on
 * the server since `baseVersion` (its `current` version comes along; the change was kept on the
 * server as the version that lost, and the device merges or asks a person). `denied`: the
 * account may not write there. `idTaken`: a new record whose id another organisation uses (the
 * device gives its record a new id). `invalid`: the record is not one the app could have made.
 */
export const pushResultSchema = z.discriminatedUnion('status', [
  z.strictObject({ changeId: uuid, status: z.literal('applied'), version, organisationId: uuid }),
  z.strictObject({ changeId: uuid, status: z.literal('conflict'), current: serverRecordSchema }),
  z.strictObject({ changeId: uuid, status: z.literal('denied') }),
  z.strictObject({ changeId: uuid, status: z.literal('idTaken') }),
  z.strictObject({ changeId: uuid, status: z.literal('invalid'), message: z.string().max(2000) }),
]);
export type PushResult = z.infer<typeof pushResultSchema>;

export const pushResponseSchema = z.object({ results: z.array(pushResultSchema) });
export type PushResponse = z.infer<typeof pushResponseSchema>;

export const pullResponseSchema = z.object({
  records: z.array(serverRecordSchema).max(MAX_RECORDS_PER_PULL),
  /** Where the next pull starts (opaque to the device). */
  cursor: z.string().max(100_000),
  /** More records are waiting: pull again from `cursor`. */
  more: z.boolean(),
});
export type PullResponse = z.infer<typeof pullResponseSchema>;

export const ROLES = ['coordinator', 'editor', 'viewer', 'facilitator', 'statistician'] as const;
export type Role = (typeof ROLES)[number];

export const organisationSchema = z.object({
  id: uuid,
  name: z.string().max(200),
  kind: z.enum(['organisation', 'programme', 'workshop']),
  parentId: uuid.nullable(),
  /** The caller's roles here (held here or above). */
  roles: z.array(z.enum(ROLES)),
});
export type Organisation = z.infer<typeof organisationSchema>;

export const deviceInfoSchema = z.object({
  device: z.object({
    id: uuid,
    name: z.string().max(200),
    organisationId: uuid,
    linkedAt: timestampSchema,
    lastSyncAt: timestampSchema.nullable(),
  }),
  account: z.object({ id: uuid, username: z.string().max(100), displayName: z.string().max(200) }),
  /** The organisations the account can see, with its roles in each. */
  organisations: z.array(organisationSchema),
});
export type DeviceInfo = z.infer<typeof deviceInfoSchema>;

/** Linking: with a code a coordinator gave, or by signing in. */
export const linkRequestSchema = z.union([
  z.strictObject({ code: z.string().min(1).max(40), deviceName: z.string().trim().min(1).max(200) }),
  z.strictObject({
    username: z.string().min(1).max(100),
    password: z.string().min(1).max(1000),
    deviceName: z.string().trim().min(1).max(200),
    organisationId: uuid.optional(),
  }),
]);
export type LinkRequest = z.infer<typeof linkRequestSchema>;

export const linkResponseSchema = deviceInfoSchema.extend({ token: z.string().min(32).max(200) });
export type LinkResponse = z.infer<typeof linkResponseSchema>;

export const unlinkResponseSchema = z.object({ unlinked: z.literal(true) });

export const deviceChangeSchema = z.strictObject({ organisationId: uuid });

export const linkCodeRequestSchema = z.strictObject({ accountId: uuid, organisationId: uuid });
export const linkCodeResponseSchema = z.object({ code: z.string(), expiresAt: timestampSchema });
export type LinkCodeResponse = z.infer<typeof linkCodeResponseSchema>;

export const accountsResponseSchema = z.object({
  accounts: z.array(
    z.object({ id: uuid, username: z.string(), displayName: z.string(), organisationIds: z.array(uuid) }),
  ),
});
export type AccountsResponse = z.infer<typeof accountsResponseSchema>;

export const serverInfoSchema = z.object({
  service: z.literal(SERVER_SERVICE),
  version: z.literal(SERVER_API_VERSION),
});

export const SERVER_ERROR_CODES = [
  'malformed',
  'unauthenticated',
  'forbidden',
  'wrongCode',
  'wrongPassword',
  'notFound',
  'tooLarge',
  'tooManyRequests',
  'unavailable',
] as const;
export type ServerErrorCode = (typeof SERVER_ERROR_CODES)[number];

/**
 * Which refusal it was, where a code stands for several (`forbidden`, `notFound`, `malformed`),
 * each with the code it refines: the app words each in the reader's language. `message` is the
 * server's English, for logs, the command line and a reason an older app does not know.
 */
export const SERVER_REFUSALS = {
  noOrganisation: 'forbidden',
  organisationNotVisible: 'forbidden',
  linkCodeNotYours: 'forbidden',
  notCoordinator: 'forbidden',
  cannotAssign: 'forbidden',
  revisionNeedsComment: 'forbidden',
  stepNotOpen: 'forbidden',
  noSuchAssessment: 'notFound',
  noSuchPart: 'notFound',
  questionnaireNotOnServer: 'malformed',
  partNotInQuestionnaire: 'malformed',
} as const satisfies Record<string, ServerErrorCode>;
export type ServerRefusalReason = keyof typeof SERVER_REFUSALS;
export const isRefusalReason = (reason: string | undefined): reason is ServerRefusalReason =>
  reason !== undefined && Object.hasOwn(SERVER_REFUSALS, reason);

export const serverErrorSchema = z.object({
  error: z.string().max(100),
  reason: z.string().max(100).optional(),
  message: z.string().max(2000),
  retryAfter: z.number().optional(),
});
