/**
 * The app's side of the room server's API (`protocol.ts`). The app calls it only on a page the
 * room server served (`servedByRoom`): anywhere else (a static host, the installed app, the
 * portable file) it makes no request at all. Every answer is checked against its schema.
 */
import type { Result } from '../validation/result.ts';
import { knownExplanation } from '../validation/messages.ts';
import type { LocatedProblem } from '../validation/problems.ts';
import { z } from '../validation/zod.ts';
import type { JoinNotice } from './joinNotice.ts';
import type { Payload } from '../workshop/payload.ts';
import type { WorkshopSetup } from '../workshop/setup.ts';
import {
  ERROR_CODES,
  errorBodySchema,
  JOIN_CODE_HEADER,
  joinResponseSchema,
  openWorkshopResponseSchema,
  receivedFilesSchema,
  roomInfoSchema,
  ROOM_META_NAME,
  ROOM_PATHS,
  sendResponseSchema,
  workshopStatusSchema,
  type ErrorCode,
  type Receipt,
} from './protocol.ts';

/** Whether the room server served this page (it marks the page it serves). */
export function servedByRoom(
  doc: Pick<Document, 'querySelector'> | undefined = globalThis.document,
): boolean {
  return Boolean(doc?.querySelector(`meta[name="${ROOM_META_NAME}"]`));
}

export interface RoomError {
  /** `unreachable`: no answer at all (network, server stopped); `unexpected`: an answer the app cannot read. */
  code: ErrorCode | 'unreachable' | 'unexpected';
  message: string;
  status?: number;
  retryAfter?: number;
  receipt?: Receipt;
  /** What was wrong with the answers sent, and where, when the server refused them. */
  problems?: LocatedProblem[];
}

export type RoomResult<T> = Result<T, RoomError>;

const unexpected = (status: number): RoomResult<never> => ({
  ok: false,
  error: {
    code: 'unexpected',
    status,
    message: `The room server gave an answer this app cannot read (${status}).`,
  },
});

async function request<T>(
  path: string,
  schema: z.ZodType<T>,
  init: RequestInit = {},
): Promise<RoomResult<T>> {
  let response: Response;
  try {
    response = await fetch(path, { ...init, cache: 'no-store', credentials: 'same-origin' });
  } catch (failure) {
    const message = failure instanceof Error ? failure.message : String(failure);
    return { ok: false, error: { code: 'unreachable', message } };
  }
  let body: unknown;
  try {
    body = await response.json();
  } catch {
    return unexpected(response.status);
  }
  if (response.ok) {
    const parsed = schema.safeParse(body);
    return parsed.success ? { ok: true, value: parsed.data } : unexpected(response.status);
  }
  const refused = errorBodySchema.safeParse(body);
  if (!refused.success) return unexpected(response.status);
  const { error, message, retryAfter, receipt, problems } = refused.data;
  const known = (ERROR_CODES as readonly string[]).includes(error);
  const result: RoomError = {
    code: known ? (error as ErrorCode) : 'unexpected',
    message,
    status: response.status,
  };
  if (retryAfter !== undefined) result.retryAfter = retryAfter;
  if (receipt) result.receipt = receipt;
  if (problems) result.problems = problems.map((found) => ({ path: found.path, ...knownExplanation(found) }));
  return { ok: false, error: result };
}

function post(body: unknown, joinCode?: string): RequestInit {
  const headers: Record<string, string> = { 'Content-Type': 'application/json' };
  if (joinCode) headers[JOIN_CODE_HEADER] = joinCode;
  return { method: 'POST', headers, body: JSON.stringify(body) };
}

const workshopPath = (id: string) => `${ROOM_PATHS.workshops}/${encodeURIComponent(id)}`;

export const getRoomInfo = () => request(ROOM_PATHS.room, roomInfoSchema);

/** Facilitator: start collecting a workshop's answers on this server. */
export const openWorkshop = (setup: WorkshopSetup) =>
  request(ROOM_PATHS.workshops, openWorkshopResponseSchema, post(setup));

/** Facilitator: the questionnaire participants fetch, when the workshop uses one added on this device. */
export const putWorkshopQuestionnaire = (id: string, questionnaire: object) =>
  request(`${workshopPath(id)}/questionnaire`, z.object({ status: z.literal('stored') }), {
    ...post(questionnaire),
    method: 'PUT',
  });

/** Participant: the questionnaire of the workshop this join code opens; validated before any use. */
export const getWorkshopQuestionnaire = (joinCode: string) =>
  request(ROOM_PATHS.questionnaire, z.record(z.string(), z.unknown()), {
    headers: { [JOIN_CODE_HEADER]: joinCode },
  });

/** Facilitator: who joined and which answers the server holds. */
export const getWorkshopStatus = (id: string) => request(workshopPath(id), workshopStatusSchema);

/** Facilitator: every answer the server holds for a workshop, as received. */
export const getReceivedFiles = (id: string) =>
  request(`${workshopPath(id)}/submissions`, receivedFilesSchema);

/** Participant: "I joined, in this group". */
export const sendJoinNotice = (notice: JoinNotice, joinCode: string) =>
  request(ROOM_PATHS.joins, joinResponseSchema, post(notice, joinCode));

/** Participant: the answers, as the payload a file or QR codes carry. */
export const sendAnswers = (payload: Payload, joinCode: string) =>
  request(ROOM_PATHS.submissions, sendResponseSchema, post(payload, joinCode));
