/**
 * Accounts, sessions and the audit log on a real PostgreSQL: linking by code and by password,
 * codes used once, sessions that expire or are revoked, disabled accounts, limits on tries, and
 * every action logged with who, when and from where. Also the migrations and password hashing.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  addAccount,
  addOrganisation,
  createLinkCode,
  disableAccount,
  grantRole,
  readAudit,
  revokeRole,
} from '../../../server/admin.ts';
import { startRecordServer } from '../../../server/app.ts';
import { migrate, readMigrations } from '../../../server/migrate.ts';
import { hashPassword, verifyPassword } from '../../../server/passwords.ts';
import type { LinkResponse } from '../../../src/sync/protocol.ts';
import { call, linkedDevice, startTestRecord, type TestRecord } from './harness.ts';
import { answerChange, assessmentChange, newRecordId } from './records.ts';

vi.setConfig({ testTimeout: 60_000, hookTimeout: 180_000 });

let test: TestRecord;
let organisation: string;
const PASSWORD = 'a long enough password';

beforeAll(async () => {
  test = await startTestRecord();
  organisation = await addOrganisation(test.record.database, { name: 'Ministry of the Economy' });
});

afterAll(() => test?.close());

const owner = (sql: string, params: unknown[] = []) => test.record.database.owner.query(sql, params);

describe('linking', () => {
  it('links with a code once; the same code again, a wrong one or an expired one is refused', async () => {
    await addAccount(test.record.database, { username: 'lina', displayName: 'Lina' });
    await grantRole(test.record.database, 'lina', organisation, 'editor');
    const { code } = await createLinkCode(test.record.database, 'lina');
    const first = await call<LinkResponse>(test.origin, 'POST', '/api/link', {
      // Typed loosely: lower case, spaces, O for 0.
      body: { code: ` ${code.toLowerCase().replace(/0/g, 'o')} `, deviceName: 'Phone' },
    });
    expect(first.status).toBe(200);
    expect(first.body.account.username).toBe('lina');
    expect(first.body.device.organisationId).toBe(organisation);
    expect(first.body.organisations.map((org) => org.roles)).toEqual([['editor']]);
    const again = await call(test.origin, 'POST', '/api/link', { body: { code, deviceName: 'Other' } });
    expect(again).toMatchObject({ status: 403, body: { error: 'wrongCode' } });

    const late = await createLinkCode(test.record.database, 'lina');
    await owner("UPDATE link_codes SET expires_at = now() - interval '1 second' WHERE used_at IS NULL");
    const expired = await call(test.origin, 'POST', '/api/link', {
      body: { code: late.code, deviceName: 'Late' },
    });
    expect(expired.status).toBe(403);
    const wrong = await call(test.origin, 'POST', '/api/link', {
      body: { code: 'AAAAA-AAAAA', deviceName: 'X' },
    });
    expect(wrong.status).toBe(403);
  });

  it('links by signing in; a wrong password is refused the same way as an unknown name', async () => {
    await addAccount(test.record.database, { username: 'omar', displayName: 'Omar', password: PASSWORD });
    await grantRole(test.record.database, 'omar', organisation, 'viewer');
    const linked = await call<LinkResponse>(test.origin, 'POST', '/api/link', {
      body: { username: 'OMAR', password: PASSWORD, deviceName: 'Laptop' },
    });
    expect(linked.status).toBe(200);
    expect(linked.body.account.displayName).toBe('Omar');
    const wrong = await call(test.origin, 'POST', '/api/link', {
      body: { username: 'omar', password: 'not the password', deviceName: 'Laptop' },
    });
    const unknown = await call(test.origin, 'POST', '/api/link', {
      body: { username: 'nobody-here', password: PASSWORD, deviceName: 'Laptop' },
    });
    expect(wrong).toMatchObject({ status: 403, body: { error: 'wrongPassword' } });
    expect(unknown).toMatchObject({ status: 403, body: { error: 'wrongPassword' } });
    // The password session used to link ends at once: only the device's session remains.
    const sessions = await owner(
      "SELECT kind, revoked_at IS NOT NULL AS revoked FROM sessions s JOIN accounts a ON a.id = s.account_id WHERE a.username = 'omar' ORDER BY kind",
    );
    expect(sessions.rows).toEqual([
      { kind: 'device', revoked: false },
      { kind: 'password', revoked: true },
    ]);
  });

  it('limits link and sign-in attempts per address', async () => {
    const strict = await startRecordServer({
      database: test.record.database,
      port: 0,
      limits: { attempts: 3 },
    });
    try {
      const origin = `http://127.0.0.1:${strict.port}`;
      const statuses: number[] = [];
      for (let i = 0; i < 5; i++)
        statuses.push(
          (await call(origin, 'POST', '/api/link', { body: { code: 'AAAAA-AAAAA', deviceName: 'X' } }))
            .status,
        );
      expect(statuses).toEqual([403, 403, 403, 429, 429]);
    } finally {
      await strict.close();
    }
  });
});

describe('sessions', () => {
  it('a device stops syncing when unlinked, revoked, expired, idle too long, or its account is disabled', async () => {
    const pullStatus = async (token: string) =>
      (await call(test.origin, 'GET', '/api/sync/pull?cursor=', { token })).status;

    const unlinked = await linkedDevice(test, organisation, 'editor');
    expect(await pullStatus(unlinked.token)).toBe(200);
    expect((await call(test.origin, 'DELETE', '/api/device', { token: unlinked.token })).status).toBe(200);
    expect(await pullStatus(unlinked.token)).toBe(401);

    const expired = await linkedDevice(test, organisation, 'editor');
    await owner("UPDATE sessions SET expires_at = now() - interval '1 second' WHERE device_id = $1", [
      expired.info.device.id,
    ]);
    expect(await pullStatus(expired.token)).toBe(401);

    const idle = await linkedDevice(test, organisation, 'editor');
    await owner("UPDATE sessions SET last_used_at = now() - interval '181 days' WHERE device_id = $1", [
      idle.info.device.id,
    ]);
    expect(await pullStatus(idle.token)).toBe(401);

    const disabled = await linkedDevice(test, organisation, 'editor');
    await disableAccount(test.record.database, disabled.username);
    expect(await pullStatus(disabled.token)).toBe(401);
  });

  it('a password session lasts hours, not weeks, and ends after 30 idle minutes', async () => {
    const session = await owner(
      `SELECT expires_at - created_at AS lifetime, idle_timeout FROM sessions WHERE kind = 'password' LIMIT 1`,
    );
    expect(session.rows[0]).toEqual({ lifetime: { hours: 12 }, idle_timeout: { minutes: 30 } });
  });

  it('use renews a device session', async () => {
    const device = await linkedDevice(test, organisation, 'editor');
    await owner("UPDATE sessions SET last_used_at = now() - interval '179 days' WHERE device_id = $1", [
      device.info.device.id,
    ]);
    expect((await device.pull('')).status).toBe(200);
    const renewed = await owner(
      "SELECT now() - last_used_at < interval '1 hour' AS fresh FROM sessions WHERE device_id = $1",
      [device.info.device.id],
    );
    expect(renewed.rows[0]).toEqual({ fresh: true });
  });
});

describe('the audit log', () => {
  it('records every action with who, which device, when and from where', async () => {
    const device = await linkedDevice(test, organisation, 'editor');
    const id = newRecordId();
    await device.push([assessmentChange(id), answerChange(id, 'strategy.exists', 'yes')]);
    await device.pull('');
    await call(test.origin, 'DELETE', '/api/device', { token: device.token });
    const rows = await owner(
      `SELECT action, account_id, device_id, host(address) AS address, detail, at FROM audit_log
       WHERE device_id = $1 OR target = $1::text ORDER BY id`,
      [device.info.device.id],
    );
    expect(rows.rows.map((row: { action: string }) => row.action)).toEqual([
      'device.link',
      'sync.push',
      'sync.pull',
      'device.unlink',
    ]);
    for (const row of rows.rows as { account_id: string; address: string; at: Date }[]) {
      expect(row.account_id).toBe(device.info.account.id);
      expect(row.address).toBe('127.0.0.1');
      expect(row.at).toBeInstanceOf(Date);
    }
    expect((rows.rows[1] as { detail: unknown }).detail).toMatchObject({ applied: 2, conflict: 0 });
    const failed = (await readAudit(test.record.database, 500)).filter(
      (row) => row.action === 'signIn.refused',
    );
    expect(failed.length).toBeGreaterThan(0);
    expect(failed[0]?.address).toBe('127.0.0.1');
  });

  it('the administration commands are logged with the operating-system user', async () => {
    await addAccount(test.record.database, { username: 'pat', displayName: 'Pat' });
    const rows = await readAudit(test.record.database, 5);
    expect(rows.at(-1)).toMatchObject({
      action: 'account.add',
      via: expect.stringMatching(/^cli: /) as unknown,
    });
  });
});

describe('migrations and passwords', () => {
  it('applies nothing twice, and refuses a migration changed after it was applied', async () => {
    expect(await migrate(test.record.database.owner)).toEqual([]);
    const changed = readMigrations().map((migration, index) =>
      index === 0 ? { ...migration, sha256: 'changed' } : migration,
    );
    await expect(migrate(test.record.database.owner, changed)).rejects.toThrow(
      /changed after it was applied/,
    );
  });

  it('hashes with scrypt and a salt, and checks', async () => {
    const one = await hashPassword(PASSWORD);
    const two = await hashPassword(PASSWORD);
    expect(one).toMatch(/^scrypt\$32768\$8\$3\$/);
    expect(one).not.toBe(two);
    expect(await verifyPassword(PASSWORD, one)).toBe(true);
    expect(await verifyPassword(`${PASSWORD}!`, one)).toBe(false);
  });
});

describe('roles', () => {
  it('are granted and revoked with an audit line each; revoking one not held or an unknown role is refused', async () => {
    await addAccount(test.record.database, { username: 'rana', displayName: 'Rana' });
    const roles = async () =>
      (
        await owner(
          'SELECT m.role FROM memberships m JOIN accounts a ON a.id = m.account_id WHERE a.username = $1 ORDER BY m.role',
          ['rana'],
        )
      ).rows;
    await grantRole(test.record.database, 'rana', organisation, 'editor');
    await grantRole(test.record.database, 'rana', organisation, 'editor');
    expect(await roles()).toEqual([{ role: 'editor' }]);

    await revokeRole(test.record.database, 'rana', organisation, 'editor');
    expect(await roles()).toEqual([]);
    await expect(revokeRole(test.record.database, 'rana', organisation, 'editor')).rejects.toThrow(
      'rana is not editor of that organisation.',
    );
    await expect(grantRole(test.record.database, 'rana', organisation, 'owner-of-all')).rejects.toThrow(
      /A role is one of/,
    );
    const actions = (await readAudit(test.record.database, 3)).map((row) => row.action);
    expect(actions).toEqual(['role.grant', 'role.grant', 'role.revoke']);
  });
});
