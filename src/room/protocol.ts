/**
 * The room server's HTTP API (`npm run room`, code in `scripts/room/`), shared by the server and
 * the app: paths, the header that carries the join code, limits, and the shapes of the answers
 * the server gives. The app checks every answer against these schemas before it uses it.
 *
 * Participants' answers travel as the very payload a file or QR codes carry (`src/workshop/payload.ts`).
 */
import { z } from '../validation/zod.ts';
import type { LocatedProblem } from '../validation/problems.ts';
import { questionnaireRefSchema, timestampSchema } from '../validation/fields.ts';
import { participantIdSchema, participantKeyFields } from '../workshop/payload.ts';
import { workshopIdSchema } from '../workshop/setup.ts';
import { joinNoticeSchema } from './joinNotice.ts';

export const ROOM_SERVICE = 'baseline-room';
export const ROOM_API_VERSION = 1;

/** Paths relative to the app's own address, so they work under whatever folder the app is served from. */
export const ROOM_PATHS = {
  room: 'api/room',
  workshops: 'api/workshops',
  joins: 'api/joins',
  submissions: 'api/submissions',
  /** The questionnaire of the workshop whose join code the request carries (an added one). */
  questionnaire: 'api/questionnaire',
} as const;

/** A participant's requests carry the workshop's join code (as typed: dashes, spaces and case do not matter). */
export const JOIN_CODE_HEADER = 'Baseline-Join-Code';

/** The room server adds `<meta name="baseline-room">` to the page it serves, so the app asks it nothing elsewhere. */
export const ROOM_META_NAME = 'baseline-room';

/** A join notice is a few hundred bytes; a workshop's set-up a few kilobytes. */
export { MAX_JOIN_NOTICE_BYTES } from './joinNotice.ts';
export const MAX_SETUP_BYTES = 100_000;

const timestamp = timestampSchema;

export const roomInfoSchema = z.object({
  service: z.literal(ROOM_SERVICE),
  version: z.literal(ROOM_API_VERSION),
  /** Where participants open the app: one address per network the laptop is on. */
  addresses: z.array(z.string().max(200)).max(32),
  /** True when the server listens on this laptop only (no `--host`): nobody else can reach it. */
  localOnly: z.boolean(),
  /** True when the request came from the laptop running the server, which alone may collect. */
  facilitator: z.boolean(),
});
export type RoomInfo = z.infer<typeof roomInfoSchema>;

/** What the server gives back for answers it has: the participant can compare the checksum with their own. */
export const receiptSchema = z.object({
  ...participantKeyFields,
  checksum: z.string().max(100),
  updatedAt: timestamp,
  receivedAt: timestamp,
});
export type Receipt = z.infer<typeof receiptSchema>;

export const SEND_STATUSES = ['received', 'replaced', 'alreadyReceived'] as const;
export type SendStatus = (typeof SEND_STATUSES)[number];

export const sendResponseSchema = z.object({ status: z.enum(SEND_STATUSES), receipt: receiptSchema });
export type SendResponse = z.infer<typeof sendResponseSchema>;

/** Why a request was refused; `message` is for people, `error` for programs. */
export const ERROR_CODES = [
  'malformed',
  'tooLarge',
  'unsupportedMediaType',
  'unknownWorkshop',
  'wrongCode',
  'damaged',
  'otherQuestionnaire',
  'notSealed',
  'unknownGroup',
  'keptNewer',
  'tooManyRequests',
  'facilitatorOnly',
  'otherSite',
  'notFound',
  'methodNotAllowed',
  'storageFailed',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export interface ErrorBody {
  error: ErrorCode;
  message: string;
  /** Where in the request body, for malformed or refused answers. */
  problems?: LocatedProblem[];
  /** With `keptNewer`: the newer answers the facilitator already has. */
  receipt?: Receipt;
  /** With `tooManyRequests`: seconds to wait (also in the `Retry-After` header). */
  retryAfter?: number;
}

/** Read leniently: a newer server may add codes, which the app then reports as a plain failure. */
export const errorBodySchema = z.object({
  error: z.string().max(100),
  message: z.string().max(10_000),
  problems: z
    .array(
      z.object({
        path: z.string(),
        message: z.string(),
        // An older app may not know a code a newer server sends: it then shows the English message.
        code: z.string().optional(),
        params: z
          .record(z.string(), z.union([z.string(), z.number(), z.object({ term: z.string() })]))
          .optional(),
        within: z.string().optional(),
      }),
    )
    .optional(),
  receipt: receiptSchema.optional(),
  retryAfter: z.number().optional(),
});

export const openWorkshopResponseSchema = z.object({
  workshopId: workshopIdSchema,
  joinCode: z.string().max(400),
  openedAt: timestamp,
});
export type OpenWorkshopResponse = z.infer<typeof openWorkshopResponseSchema>;

/** What the server holds for one participant's answers, without the answers. */
export const submissionSummarySchema = z.object({
  participantId: participantIdSchema,
  checksum: z.string().max(100),
  updatedAt: timestamp,
  createdAt: timestamp,
  receivedAt: timestamp,
});
export type SubmissionSummary = z.infer<typeof submissionSummarySchema>;

/**
 * A workshop as the facilitator's app sees it on the server. Asking about a workshop that does
 * not collect here is not an error (the answer says so), so the browser logs no failed request.
 */
export const workshopStatusSchema = z.discriminatedUnion('collecting', [
  z.object({ workshopId: workshopIdSchema, collecting: z.literal(false) }),
  z.object({
    workshopId: workshopIdSchema,
    collecting: z.literal(true),
    questionnaire: questionnaireRefSchema,
    openedAt: timestamp,
    joins: z.array(joinNoticeSchema),
    submissions: z.array(submissionSummarySchema),
  }),
]);
export type WorkshopStatus = z.infer<typeof workshopStatusSchema>;

export const joinResponseSchema = z.object({ status: z.literal('joined') });

/** The answers the server received for a workshop, each as the text it received. */
export const receivedFilesSchema = z.object({
  files: z.array(z.object({ name: z.string().max(200), receivedAt: timestamp, text: z.string() })),
});
export type ReceivedFiles = z.infer<typeof receivedFilesSchema>;
