/**
 * Who may do what, on a real PostgreSQL: every role (coordinator, editor, viewer, facilitator)
 * × every operation, in its own organisation and across to another, checked twice: over HTTP
 * (what a device gets) and at the SQL level, as the request role with the device's session set,
 * so the database itself refuses what the web layer should never ask.
 */
import type { PoolClient } from 'pg';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { asCaller } from '../../../server/database.ts';
import type { Role } from '../../../src/sync/protocol.ts';
import { newWorkshopId } from '../../../src/workshop/setup.ts';
import {
  call,
  linkedDevice,
  ministry,
  startTestRecord,
  type TestDevice,
  type TestRecord,
} from './harness.ts';
import { answerChange, assessmentChange, assessmentValue, newRecordId } from './records.ts';

vi.setConfig({ testTimeout: 60_000, hookTimeout: 180_000 });

let test: TestRecord;
let orgs: Awaited<ReturnType<typeof ministry>>;
/** A device per role, all on the CIRT; and an editor of the regulator who made the regulator's records. */
const devices = {} as Record<Role, TestDevice>;
let regulatorEditor: TestDevice;
const regulatorAssessment = newRecordId();
const cirtAssessment = newRecordId();

beforeAll(async () => {
  test = await startTestRecord();
  orgs = await ministry(test);
  for (const role of ['coordinator', 'editor', 'viewer', 'facilitator'] as const)
    devices[role] = await linkedDevice(test, orgs.cirt, role);
  regulatorEditor = await linkedDevice(test, orgs.regulator, 'editor');
  const made = await regulatorEditor.push([
    assessmentChange(regulatorAssessment),
    answerChange(regulatorAssessment, 'strategy.exists', 'yes'),
  ]);
  expect(made.body.results.map((r) => r.status)).toEqual(['applied', 'applied']);
  const own = await devices.editor.push([
    assessmentChange(cirtAssessment),
    answerChange(cirtAssessment, 'strategy.exists', 'no'),
  ]);
  expect(own.body.results.map((r) => r.status)).toEqual(['applied', 'applied']);
});

afterAll(() => test?.close());

/** Runs SQL exactly as a request of this device would: role baseline_app, its session set. */
const asDevice = <T>(device: TestDevice, work: (client: PoolClient) => Promise<T>) =>
  asCaller(test.record.database, device.token, work);

/** Whether a statement is refused by the database (row-level security or a missing grant). */
async function refused(device: TestDevice, sql: string, params: unknown[] = []): Promise<boolean> {
  try {
    const result = await asDevice(device, (client) => client.query(sql, params));
    // An UPDATE of rows the policy hides changes nothing: that is a refusal too.
    return result.command !== 'SELECT' && result.rowCount === 0;
  } catch (error) {
    expect((error as { code?: string }).code).toMatch(/^(42501|P0001)$/);
    return true;
  }
}

const ROLES = ['coordinator', 'editor', 'viewer', 'facilitator'] as const;

/** Expected outcome per role: may it… */
const MAY = {
  readOwn: { coordinator: true, editor: true, viewer: true, facilitator: true },
  writeAssessment: { coordinator: true, editor: true, viewer: false, facilitator: false },
  runWorkshop: { coordinator: true, editor: false, viewer: false, facilitator: true },
  administer: { coordinator: true, editor: false, viewer: false, facilitator: false },
} as const;

describe('every role × operation, over HTTP', () => {
  it.each(ROLES)('%s: reads its organisation’s records, never another’s', async (role) => {
    const pulled = await devices[role].pull('');
    expect(pulled.status).toBe(200);
    const ids = new Set(pulled.body.records.map((record) => record.id));
    expect(ids.has(cirtAssessment)).toBe(MAY.readOwn[role]);
    expect(ids.has(regulatorAssessment)).toBe(false);
  });

  it.each(ROLES)('%s: creates and changes assessments only with the right to write', async (role) => {
    const id = newRecordId();
    const made = await devices[role].push([assessmentChange(id), answerChange(id, 'strategy.exists', 'yes')]);
    expect(made.status).toBe(200);
    const expected = MAY.writeAssessment[role] ? 'applied' : 'denied';
    expect(made.body.results.map((result) => result.status)).toEqual([expected, expected]);
    const change = await devices[role].push([answerChange(cirtAssessment, `q.${role}`, 'yes')]);
    expect(change.body.results[0]?.status).toBe(expected);
  });

  it.each(ROLES)('%s: cannot write into another organisation’s assessment', async (role) => {
    const change = await devices[role].push([answerChange(regulatorAssessment, 'strategy.exists', 'no', 2)]);
    expect(change.body.results[0]?.status).toBe('denied');
    const pulled = await regulatorEditor.pull('');
    const answer = pulled.body.records.find(
      (record) => record.kind === 'answer' && record.id === regulatorAssessment,
    );
    expect((answer?.value as { response: { value: string } }).response.value).toBe('yes');
  });

  it.each(ROLES)('%s: runs a workshop only as coordinator or facilitator', async (role) => {
    const id = newWorkshopId();
    const change = {
      changeId: crypto.randomUUID(),
      kind: 'workshop' as const,
      id,
      baseVersion: null,
      deleted: false,
      value: {
        id,
        setup: {
          format: 'baseline-workshop',
          formatVersion: 1,
          id,
          name: 'Workshop',
          questionnaire: { id: 'sample', version: '1.0.0' },
          groups: [{ id: 'government' }],
          anonymous: true,
          createdAt: assessmentValue('x').createdAt,
        },
        createdAt: assessmentValue('x').createdAt,
        updatedAt: assessmentValue('x').createdAt,
      },
    };
    const pushed = await devices[role].push([change]);
    expect(pushed.body.results[0]?.status).toBe(MAY.runWorkshop[role] ? 'applied' : 'denied');
  });

  it.each(ROLES)('%s: makes link codes for others only as coordinator', async (role) => {
    const target = devices.viewer.info.account.id;
    const made = await call(test.origin, 'POST', '/api/link-codes', {
      token: devices[role].token,
      body: { accountId: target, organisationId: orgs.cirt },
    });
    const may = MAY.administer[role] || role === 'viewer';
    expect(made.status).toBe(may ? 200 : 403);
    // Refused, the app says why in the reader's language: the reason names this refusal.
    if (!may) expect(made.body).toMatchObject({ error: 'forbidden', reason: 'linkCodeNotYours' });
    const accounts = await call<{ accounts: unknown[] }>(test.origin, 'GET', '/api/accounts', {
      token: devices[role].token,
    });
    expect(accounts.body.accounts.length > 0).toBe(MAY.administer[role]);
  });

  it('a request without a valid session is refused', async () => {
    expect((await call(test.origin, 'GET', '/api/sync/pull?cursor=')).status).toBe(401);
    expect((await call(test.origin, 'GET', '/api/sync/pull?cursor=', { token: 'x'.repeat(43) })).status).toBe(
      401,
    );
  });
});

describe('every role × operation, at the SQL level', () => {
  it.each(ROLES)('%s: sees only its own organisation’s rows, whatever the query', async (role) => {
    const seen = await asDevice(devices[role], async (client) => {
      const assessments = await client.query<{ id: string }>('SELECT id FROM assessments');
      const answers = await client.query<{ assessment_id: string }>('SELECT assessment_id FROM answers');
      const organisations = await client.query<{ id: string }>('SELECT id FROM organisations');
      return {
        assessments: assessments.rows.map((row) => row.id),
        answers: answers.rows.map((row) => row.assessment_id),
        organisations: organisations.rows.map((row) => row.id),
      };
    });
    expect(seen.assessments).toContain(cirtAssessment);
    expect(seen.assessments).not.toContain(regulatorAssessment);
    expect(seen.answers).not.toContain(regulatorAssessment);
    expect(seen.organisations).toContain(orgs.cirt);
    expect(seen.organisations).not.toContain(orgs.regulator);
    expect(seen.organisations).not.toContain(orgs.ministry);
  });

  it.each(ROLES)('%s: inserts an assessment only where it may write', async (role) => {
    const device = devices[role];
    const insert = (organisation: string) =>
      refused(
        device,
        `INSERT INTO assessments (id, organisation_id, questionnaire_id, questionnaire_version, data, version, created_by, changed_by, changed_device)
         VALUES ($1, $2, 'sample', '1.0.0', '{}', 999999, $3, $3, $4)`,
        [newRecordId(), organisation, device.info.account.id, device.info.device.id],
      );
    expect(await insert(orgs.cirt)).toBe(!MAY.writeAssessment[role]);
    expect(await insert(orgs.regulator)).toBe(true);
  });

  it.each(ROLES)('%s: updates answers only where it may write, and only under its own name', async (role) => {
    const device = devices[role];
    const update = (assessment: string, author: string) =>
      refused(
        device,
        `UPDATE answers SET data = data, changed_by = $2, changed_device = $3 WHERE assessment_id = $1`,
        [assessment, author, device.info.device.id],
      );
    expect(await update(cirtAssessment, device.info.account.id)).toBe(!MAY.writeAssessment[role]);
    expect(await update(cirtAssessment, regulatorEditor.info.account.id)).toBe(true);
    expect(await update(regulatorAssessment, device.info.account.id)).toBe(true);
  });

  it.each(ROLES)('%s: deletes nothing, and reads no secrets', async (role) => {
    const device = devices[role];
    expect(await refused(device, 'DELETE FROM answers WHERE assessment_id = $1', [cirtAssessment])).toBe(
      true,
    );
    expect(await refused(device, 'DELETE FROM assessments WHERE id = $1', [cirtAssessment])).toBe(true);
    expect(await refused(device, 'SELECT password_hash FROM accounts')).toBe(true);
    expect(await refused(device, 'SELECT * FROM sessions')).toBe(true);
    expect(await refused(device, 'SELECT * FROM link_codes')).toBe(true);
    expect(await refused(device, "UPDATE organisations SET name = 'x' WHERE id = $1", [orgs.cirt])).toBe(
      true,
    );
    expect(
      await refused(
        device,
        'INSERT INTO memberships (account_id, organisation_id, role) VALUES ($1, $2, $3)',
        [device.info.account.id, orgs.regulator, 'coordinator'],
      ),
    ).toBe(true);
  });

  it.each(ROLES)('%s: reads the audit log of what it administers only', async (role) => {
    const seen = await asDevice(devices[role], (client) =>
      client.query<{ account_id: string | null }>('SELECT account_id FROM audit_log'),
    );
    const others = seen.rows.filter((row) => row.account_id !== devices[role].info.account.id);
    expect(others.length > 0).toBe(MAY.administer[role]);
    expect(seen.rows.some((row) => row.account_id === regulatorEditor.info.account.id)).toBe(false);
  });

  it('with no session, the request role sees nothing at all', async () => {
    const counts = await asCaller(test.record.database, undefined, async (client) => {
      const tables = [
        'organisations',
        'assessments',
        'answers',
        'devices',
        'memberships',
        'audit_log',
        'record_versions',
      ];
      const found: Record<string, number> = {};
      for (const table of tables) found[table] = (await client.query(`SELECT 1 FROM ${table}`)).rowCount ?? 0;
      return found;
    });
    expect(Object.values(counts).every((count) => count === 0)).toBe(true);
  });
});
