/**
 * The device's side of the server of record's API (`protocol.ts`), over `fetch`. The app loads
 * this only on a linked device, or on the link screen of a page the server served; the tests and
 * the bench use it as it is. Every answer is checked against its schema.
 */
import type { z } from '../validation/zod.ts';
import type { SyncTransport } from './engine.ts';
import {
  statisticsOptionsSchema,
  statisticsQueryString,
  statisticsReportSchema,
  type StatisticsQuery,
  type StatisticsSettings,
} from '../statistics/report.ts';
import {
  assessmentAssignmentsSchema,
  COORDINATION_PATHS,
  myAssignmentsSchema,
  stepResponseSchema,
  type AssignRequest,
  type StepRequest,
} from '../coordination/api.ts';
import {
  accountsResponseSchema,
  deviceInfoSchema,
  linkCodeResponseSchema,
  linkResponseSchema,
  pullResponseSchema,
  pushResponseSchema,
  serverErrorSchema,
  SERVER_ERROR_CODES,
  SERVER_PATHS,
  isRefusalReason,
  unlinkResponseSchema,
  type Change,
  type LinkRequest,
  type ServerErrorCode,
  type ServerRefusalReason,
} from './protocol.ts';

/** `unreachable`: no answer at all (offline, server down); `unexpected`: an answer the app cannot read. */
export type SyncErrorCode = ServerErrorCode | 'unreachable' | 'unexpected';

export class SyncError extends Error {
  constructor(
    readonly code: SyncErrorCode,
    message: string,
    readonly status?: number,
    readonly retryAfter?: number,
    /** Which refusal of its code it was, where the server says and this app knows it. */
    readonly reason?: ServerRefusalReason,
  ) {
    super(message);
    this.name = 'SyncError';
  }
}

export interface ServerClient {
  /** The app's address on the server (the page's own address, up to its `#`). */
  base: string;
  token?: string;
  fetch?: typeof fetch;
}

async function request<T>(
  client: ServerClient,
  path: string,
  schema: z.ZodType<T>,
  init: { method?: string; body?: unknown } = {},
): Promise<T> {
  const headers: Record<string, string> = {};
  if (client.token) headers.Authorization = `Bearer ${client.token}`;
  if (init.body !== undefined) headers['Content-Type'] = 'application/json';
  let response: Response;
  try {
    response = await (client.fetch ?? fetch)(new URL(path, client.base), {
      method: init.method ?? 'GET',
      headers,
      cache: 'no-store',
      credentials: 'omit',
      ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
    });
  } catch (failure) {
    throw new SyncError('unreachable', failure instanceof Error ? failure.message : String(failure));
  }
  let body: unknown;
  try {
    body = await response.json();
  } catch {
    throw new SyncError(
      'unexpected',
      `The server gave an answer this app cannot read (${response.status}).`,
      response.status,
    );
  }
  if (response.ok) {
    const parsed = schema.safeParse(body);
    if (parsed.success) return parsed.data;
    throw new SyncError(
      'unexpected',
      `The server gave an answer this app cannot read (${response.status}).`,
      response.status,
    );
  }
  const refused = serverErrorSchema.safeParse(body);
  if (!refused.success)
    throw new SyncError(
      'unexpected',
      `The server gave an answer this app cannot read (${response.status}).`,
      response.status,
    );
  const known = (SERVER_ERROR_CODES as readonly string[]).includes(refused.data.error);
  const reason = isRefusalReason(refused.data.reason) ? refused.data.reason : undefined;
  throw new SyncError(
    known ? (refused.data.error as ServerErrorCode) : 'unexpected',
    refused.data.message,
    response.status,
    refused.data.retryAfter,
    reason,
  );
}

export const link = (client: ServerClient, body: LinkRequest) =>
  request(client, SERVER_PATHS.link, linkResponseSchema, { method: 'POST', body });

export const deviceInfo = (client: ServerClient) => request(client, SERVER_PATHS.device, deviceInfoSchema);

export const chooseOrganisation = (client: ServerClient, organisationId: string) =>
  request(client, SERVER_PATHS.device, deviceInfoSchema, { method: 'PUT', body: { organisationId } });

export const unlink = (client: ServerClient) =>
  request(client, SERVER_PATHS.device, unlinkResponseSchema, { method: 'DELETE' });

export const listAccounts = (client: ServerClient) =>
  request(client, SERVER_PATHS.accounts, accountsResponseSchema);

export const makeLinkCode = (client: ServerClient, accountId: string, organisationId: string) =>
  request(client, SERVER_PATHS.linkCodes, linkCodeResponseSchema, {
    method: 'POST',
    body: { accountId, organisationId },
  });

export const statistics = (client: ServerClient, query: StatisticsQuery) =>
  request(client, `${SERVER_PATHS.statistics}?${statisticsQueryString(query)}`, statisticsReportSchema);

export const statisticsOptions = (client: ServerClient) =>
  request(client, SERVER_PATHS.statisticsOptions, statisticsOptionsSchema);

export const setStatisticsThreshold = (client: ServerClient, settings: StatisticsSettings) =>
  request(client, SERVER_PATHS.statisticsSettings, statisticsOptionsSchema, {
    method: 'PUT',
    body: settings,
  });

export const myAssignments = (client: ServerClient) =>
  request(client, COORDINATION_PATHS.mine, myAssignmentsSchema);

export const assessmentAssignments = (client: ServerClient, assessmentId: string) =>
  request(client, COORDINATION_PATHS.ofAssessment(assessmentId), assessmentAssignmentsSchema);

export const assign = (client: ServerClient, assessmentId: string, body: AssignRequest) =>
  request(client, COORDINATION_PATHS.ofAssessment(assessmentId), assessmentAssignmentsSchema, {
    method: 'POST',
    body,
  });

export const stepAssignment = (client: ServerClient, assignmentId: string, body: StepRequest) =>
  request(client, COORDINATION_PATHS.steps(assignmentId), stepResponseSchema, { method: 'POST', body });

/** Push and pull for the sync engine. */
export function httpTransport(client: ServerClient): SyncTransport {
  return {
    push: async (changes: Change[]) =>
      (await request(client, SERVER_PATHS.push, pushResponseSchema, { method: 'POST', body: { changes } }))
        .results,
    pull: (cursor: string) =>
      request(client, `${SERVER_PATHS.pull}?cursor=${encodeURIComponent(cursor)}`, pullResponseSchema),
  };
}
