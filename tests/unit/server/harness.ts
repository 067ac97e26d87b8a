/**
 * A real server of record for tests: PostgreSQL started with initdb/pg_ctl in a temporary folder
 * on 127.0.0.1 (a free port), migrated, with the server's HTTP API on another free port; and
 * stopped, folder removed, at the end. Helpers make organisations, accounts and linked devices.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { afterAll } from 'vitest';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { addAccount, addOrganisation, createLinkCode, grantRole } from '../../../server/admin.ts';
import { startRecordServer, type RunningRecordServer } from '../../../server/app.ts';
import { openRecord, type OpenRecord } from '../../../server/record.ts';
import type {
  Change,
  DeviceInfo,
  LinkResponse,
  PullResponse,
  PushResult,
  Role,
} from '../../../src/sync/protocol.ts';

export interface TestRecord {
  record: OpenRecord;
  server: RunningRecordServer;
  origin: string;
  data: string;
  close: () => Promise<void>;
}

/**
 * Every record a test file started or is starting, stopped after its tests: a `beforeAll` that
 * times out under load hands no record to the file's own `afterAll`, and its cluster would
 * otherwise keep running after the run.
 */
const starting = new Set<Promise<TestRecord | undefined>>();
afterAll(async () => {
  const records = (await Promise.all([...starting])).filter((test) => test !== undefined);
  starting.clear();
  await Promise.all(records.map((test) => test.close()));
});

/** A record with an API server (and the app, when `dist` is given). */
export function startTestRecord(options: { dist?: string } = {}): Promise<TestRecord> {
  const start = openTestRecord(options);
  starting.add(start.catch(() => undefined));
  return start;
}

async function openTestRecord(options: { dist?: string }): Promise<TestRecord> {
  const data = await mkdtemp(join(tmpdir(), 'baseline-record-'));
  const record = await openRecord({ data, poolSize: 30 }).catch(async (error: unknown) => {
    await rm(data, { recursive: true, force: true });
    throw error;
  });
  const server = await startRecordServer({
    database: record.database,
    port: 0,
    limits: { requests: 1_000_000, attempts: 1_000_000 },
    ...(options.dist ? { dist: options.dist } : {}),
  }).catch(async (error: unknown) => {
    await record.close();
    await rm(data, { recursive: true, force: true });
    throw error;
  });
  let closing: Promise<void> | undefined;
  const close = async () => {
    await server.close();
    await record.close();
    await rm(data, { recursive: true, force: true });
  };
  return {
    record,
    server,
    origin: `http://127.0.0.1:${server.port}`,
    data,
    // Once: the file's own afterAll and the one above both close it.
    close: () => (closing ??= close()),
  };
}

export interface Reply<T = unknown> {
  status: number;
  body: T;
}

export async function call<T = unknown>(
  origin: string,
  method: string,
  path: string,
  { token, body }: { token?: string; body?: unknown } = {},
): Promise<Reply<T>> {
  const headers: Record<string, string> = {};
  if (token) headers.Authorization = `Bearer ${token}`;
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  const response = await fetch(`${origin}${path}`, {
    method,
    headers,
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { status: response.status, body: (await response.json()) as T };
}

let counter = 0;
const unique = (prefix: string) => `${prefix}${++counter}${Math.random().toString(36).slice(2, 6)}`;

export interface TestDevice {
  token: string;
  info: DeviceInfo;
  push: (changes: Change[]) => Promise<Reply<{ results: PushResult[] }>>;
  pull: (cursor: string) => Promise<Reply<PullResponse>>;
}

export function deviceClient(origin: string, token: string, info: DeviceInfo): TestDevice {
  return {
    token,
    info,
    push: (changes) => call(origin, 'POST', '/api/sync/push', { token, body: { changes } }),
    pull: (cursor) => call(origin, 'GET', `/api/sync/pull?cursor=${encodeURIComponent(cursor)}`, { token }),
  };
}

/** An account with one role, and a device linked to it by a link code. */
export async function linkedDevice(
  test: TestRecord,
  organisation: string,
  role: Role,
  { username = unique('user'), password }: { username?: string; password?: string } = {},
): Promise<TestDevice & { username: string }> {
  await addAccount(test.record.database, {
    username,
    displayName: `Person ${username}`,
    ...(password ? { password } : {}),
  });
  await grantRole(test.record.database, username, organisation, role);
  const { code } = await createLinkCode(test.record.database, username, { organisation });
  const linked = await call<LinkResponse>(test.origin, 'POST', '/api/link', {
    body: { code, deviceName: `Device of ${username}` },
  });
  if (linked.status !== 200) throw new Error(`Linking failed: ${JSON.stringify(linked.body)}`);
  const { token, ...info } = linked.body;
  return { ...deviceClient(test.origin, token, info), username };
}

/** A tree: a ministry with two agencies. */
export async function ministry(test: TestRecord) {
  const db = test.record.database;
  const ministryId = await addOrganisation(db, { name: unique('Ministry ') });
  const cirt = await addOrganisation(db, { name: unique('CIRT '), parent: ministryId });
  const regulator = await addOrganisation(db, { name: unique('Regulator '), parent: ministryId });
  return { ministry: ministryId, cirt, regulator };
}
