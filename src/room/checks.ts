/**
 * What the room server accepts, decided by pure functions (the server in `scripts/room/` only
 * reads requests, calls these and writes what they allow).
 *
 * Answers go through the very checks the facilitator's importer starts with (`checkEnvelope`:
 * size, format, checksum, workshop, questionnaire version, sealing), after the workshop is found
 * among those collecting on this server and the join code matches. Everything that needs the
 * facilitator's key or the questionnaire is checked again when the facilitator imports.
 */
import type { Result } from '../validation/result.ts';
import { validateQuestionnaire } from '../questionnaire/validate.ts';
import { z } from '../validation/zod.ts';
import { timestampSchema } from '../validation/fields.ts';
import { parseJsonText, parseWithSchema } from '../validation/parse.ts';
import type { LocatedProblem, Problem } from '../validation/problems.ts';
import { fromBase32, toBase32 } from '../workshop/encoding.ts';
import { checkEnvelope, checkGroup, isNewer, type Refusal } from '../workshop/importer.ts';
import { encodeJoinCode } from '../workshop/joinCode.ts';
import { ANSWERS_LIMITS, payloadFileText, payloadSchema, type Payload } from '../workshop/payload.ts';
import type { InputLimits } from '../validation/guard.ts';
import { joinInfoOf, readSetup, workshopSetupSchema, type WorkshopSetup } from '../workshop/setup.ts';
import {
  carriedQuestionnaire,
  MAX_SETUP_WITH_QUESTIONNAIRE_BYTES,
  SETUP_WITH_QUESTIONNAIRE_LIMITS,
} from '../workshop/setupFile.ts';
import { JOIN_NOTICE_LIMITS, joinNoticeSchema, type JoinNotice } from './joinNotice.ts';
import {
  MAX_SETUP_BYTES,
  type ErrorBody,
  type ErrorCode,
  type Receipt,
  type SendStatus,
} from './protocol.ts';

/** A workshop that collects answers on this server, as the server keeps it. */
export const roomWorkshopSchema = z.strictObject({
  setup: workshopSetupSchema,
  /** The join code participants' requests must carry (`encodeJoinCode` of the set-up). */
  joinCode: z.string().min(8).max(400),
  openedAt: timestampSchema,
  /**
   * The questionnaire, when the workshop uses one added on the facilitator's device: served to
   * participants who bring the join code, and validated by each of their devices before use.
   */
  questionnaire: z.record(z.string(), z.unknown()).optional(),
});
export type RoomWorkshop = z.infer<typeof roomWorkshopSchema>;

export interface Failure {
  status: number;
  body: ErrorBody;
}
export type Checked<T> = Result<T, Failure>;

/** What the server stores once a request passed: the checked record, its workshop, and the text to store. */
type ToStore<T> = Checked<T & { workshop: RoomWorkshop; canonical: string }>;

/** How problems are located in answers: the body of the request. */
const BODY = 'request body';

export function failure(
  status: number,
  error: ErrorCode,
  message: string,
  extra: Partial<ErrorBody> = {},
): Failure {
  return { status, body: { error, message, ...extra } };
}

/** The problems without the file name, which is the server's own name for the request body. */
const located = (problems: Problem[]): LocatedProblem[] => problems.map(({ file: _file, ...rest }) => rest);

export function joinCodeOf(setup: WorkshopSetup): string {
  return encodeJoinCode(joinInfoOf(setup));
}

/** Compares join codes as people type them: dashes, spaces, case and look-alike letters (O and 0, I and 1) do not matter. */
export function sameJoinCode(typed: string | undefined, expected: string): boolean {
  if (!typed) return false;
  try {
    return toBase32(fromBase32(typed.replace(/[\s-]/g, ''))) === expected;
  } catch {
    return false;
  }
}

export interface Lookup {
  /** The workshop with this id, when it collects answers on this server. */
  workshop: (workshopId: string) => RoomWorkshop | undefined;
  /** The join code the request carries (header), if any. */
  joinCode: string | undefined;
}

function byteLength(text: string): number {
  return new TextEncoder().encode(text).length;
}

export function tooLarge(limit: number): Failure {
  return failure(413, 'tooLarge', `The request body is larger than ${limit} bytes; nothing was stored.`);
}

/** Size, JSON, format, then the workshop (collecting here?) and its join code: common to answers and join notices. */
function admit<T extends { workshopId: string }>(
  text: string,
  schema: z.ZodType<T>,
  limits: InputLimits,
  what: string,
  lookup: Lookup,
): Checked<{ value: T; workshop: RoomWorkshop }> {
  if (byteLength(text) > limits.bytes) return { ok: false, error: tooLarge(limits.bytes) };
  const json = parseJsonText(text, BODY, limits);
  const parsed = json.ok ? parseWithSchema(schema, json.value, BODY) : json;
  if (!parsed.ok) {
    const message = `The request body is not ${what}; nothing was stored.`;
    return { ok: false, error: failure(400, 'malformed', message, { problems: located(parsed.error) }) };
  }
  const workshop = lookup.workshop(parsed.value.workshopId);
  if (!workshop) {
    const message = `No workshop with id ${parsed.value.workshopId} collects answers on this server: ask the facilitator to start collecting over the room’s network.`;
    return { ok: false, error: failure(404, 'unknownWorkshop', message) };
  }
  if (!sameJoinCode(lookup.joinCode, workshop.joinCode)) {
    const message = 'The workshop code is missing or is not this workshop’s code; nothing was stored.';
    return { ok: false, error: failure(403, 'wrongCode', message) };
  }
  return { ok: true, value: { value: parsed.value, workshop } };
}

const REFUSALS: Readonly<Record<Refusal['reason'], readonly [number, ErrorCode]>> = {
  tooLarge: [413, 'tooLarge'],
  invalid: [400, 'malformed'],
  damaged: [422, 'damaged'],
  otherWorkshop: [404, 'unknownWorkshop'],
  otherQuestionnaire: [422, 'otherQuestionnaire'],
  notSealed: [422, 'notSealed'],
  cannotOpen: [422, 'damaged'],
};

function refused(refusal: Refusal): Failure {
  const [status, code] = REFUSALS[refusal.reason];
  const first = refusal.problems[0]?.message ?? 'the answers were refused';
  const message = `The answers were refused: ${first}. Nothing was stored.`;
  return failure(status, code, message, { problems: located(refusal.problems) });
}

/** Plain content must name one of the workshop's groups (sealed content is checked when the facilitator opens it). */
function groupCheck(content: { kind: string; group?: string }, setup: WorkshopSetup): Failure | undefined {
  if (content.kind !== 'plain' || content.group === undefined) return undefined;
  const problems = checkGroup(content.group, setup, BODY);
  if (problems.length === 0) return undefined;
  const message = `The answers were refused: ${problems[0]!.message}. Nothing was stored.`;
  return failure(422, 'unknownGroup', message, { problems: located(problems) });
}

/** Checks a participant's answers sent over the network, before anything is stored. */
export function checkSubmission(text: string, lookup: Lookup): ToStore<{ payload: Payload }> {
  const admitted = admit(text, payloadSchema, ANSWERS_LIMITS, 'a Baseline answers payload', lookup);
  if (!admitted.ok) return admitted;
  const { workshop } = admitted.value;
  const envelope = checkEnvelope(text, BODY, workshop.setup);
  if (!envelope.ok) return { ok: false, error: refused(envelope.error) };
  const wrongGroup = groupCheck(envelope.value.content, workshop.setup);
  if (wrongGroup) return { ok: false, error: wrongGroup };
  // What is stored is what was checked, written anew: never a member the schema did not read.
  return {
    ok: true,
    value: { payload: envelope.value, workshop, canonical: payloadFileText(envelope.value) },
  };
}

/** Checks a join notice, before anything is stored. */
export function checkJoinNotice(text: string, lookup: Lookup): ToStore<{ notice: JoinNotice }> {
  const admitted = admit(text, joinNoticeSchema, JOIN_NOTICE_LIMITS, 'a Baseline join notice', lookup);
  if (!admitted.ok) return admitted;
  const { value: notice, workshop } = admitted.value;
  if (workshop.setup.sealTo && notice.content.kind !== 'sealed') {
    const message =
      'This workshop seals what participants send, and this notice is not sealed; nothing was stored.';
    return { ok: false, error: failure(422, 'notSealed', message) };
  }
  const wrongGroup = groupCheck(notice.content, workshop.setup);
  if (wrongGroup) return { ok: false, error: wrongGroup };
  return { ok: true, value: { notice, workshop, canonical: `${JSON.stringify(notice, null, 2)}\n` } };
}

/** Checks a workshop's set-up sent by the facilitator's app to start collecting. */
export function checkSetup(text: string): Checked<WorkshopSetup> {
  if (byteLength(text) > MAX_SETUP_BYTES) return { ok: false, error: tooLarge(MAX_SETUP_BYTES) };
  const parsed = readSetup(text, BODY);
  if (parsed.ok) return { ok: true, value: parsed.value };
  const message = 'The request body is not a Baseline workshop set-up; nothing was stored.';
  return { ok: false, error: failure(400, 'malformed', message, { problems: located(parsed.error) }) };
}

/** Checks the questionnaire the facilitator's app sends for a workshop that collects here: the one its set-up names. */
export function checkWorkshopQuestionnaire(
  text: string,
  workshop: RoomWorkshop,
  knownClauses: ReadonlySet<string>,
): Checked<Record<string, unknown>> {
  if (byteLength(text) > MAX_SETUP_WITH_QUESTIONNAIRE_BYTES)
    return { ok: false, error: tooLarge(MAX_SETUP_WITH_QUESTIONNAIRE_BYTES) };
  const json = parseJsonText(text, BODY, SETUP_WITH_QUESTIONNAIRE_LIMITS);
  const carried = json.ok ? carriedQuestionnaire(json.value, workshop.setup, BODY) : json;
  if (!carried.ok) {
    const message = 'The request body is not the questionnaire this workshop uses; nothing was stored.';
    return {
      ok: false,
      error: failure(400, 'malformed', message, { problems: located(carried.error) }),
    };
  }
  // Checked with the validator the devices use, so the server never serves one they would refuse.
  const valid = validateQuestionnaire(carried.value, { file: BODY, knownClauses });
  if (valid.ok) return carried;
  const message = 'The questionnaire does not pass the checks of npm run validate; nothing was stored.';
  return { ok: false, error: failure(400, 'malformed', message, { problems: located(valid.error) }) };
}

/** The workshop a participant's join code opens, among those collecting here. */
export function workshopOfCode(
  workshops: Iterable<RoomWorkshop>,
  joinCode: string | undefined,
): RoomWorkshop | undefined {
  // The typed code, or the code of the link and QR code (which add the key and the name).
  for (const workshop of workshops) {
    const linkCode = encodeJoinCode(joinInfoOf(workshop.setup), { full: true });
    if (sameJoinCode(joinCode, workshop.joinCode) || sameJoinCode(joinCode, linkCode)) return workshop;
  }
  return undefined;
}

/**
 * The duplicate rule on the server, the same as the importer's: one participant's answers are
 * kept once, the ones changed last.
 */
export function decideStored(incoming: Payload, existing: Payload | undefined): SendStatus | 'keptNewer' {
  if (!existing) return 'received';
  if (existing.checksum === incoming.checksum) return 'alreadyReceived';
  return isNewer(incoming, existing) ? 'replaced' : 'keptNewer';
}

export function receiptOf(payload: Payload, receivedAt: string): Receipt {
  return {
    workshopId: payload.workshopId,
    participantId: payload.participantId,
    checksum: payload.checksum,
    updatedAt: payload.updatedAt,
    receivedAt,
  };
}
