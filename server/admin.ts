/**
 * Administration from the server's own machine (`npm run server -- admin …`): organisations,
 * accounts, roles, link codes, devices, and the audit log. These run as the database's owner,
 * like any tool of the machine's operator, and each change is written to the audit log with the
 * operating-system user who made it.
 */
import { createHash, randomBytes } from 'node:crypto';
import { userInfo } from 'node:os';
import type { PoolClient } from 'pg';
import { formatLinkCode, linkCodeFrom } from '../src/sync/linkCode.ts';
import { ROLES, type Role } from '../src/sync/protocol.ts';
import { asOwner, type Database } from './database.ts';
import { hashPassword, passwordProblem } from './passwords.ts';

export class AdminError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'AdminError';
  }
}

const via = () => {
  let name = 'unknown';
  try {
    name = userInfo().username;
  } catch {
    // No name for this uid.
  }
  return `cli: ${name}`;
};

async function audit(
  client: PoolClient,
  action: string,
  organisation: string | null,
  target: string | null,
  detail: Record<string, unknown> = {},
): Promise<void> {
  await client.query(
    'INSERT INTO audit_log (action, organisation_id, target, detail, via) VALUES ($1, $2, $3, $4, $5)',
    [action, organisation, target, JSON.stringify(detail), via()],
  );
}

/** A generated password: 20 characters, about 120 bits. */
export const generatePassword = () => randomBytes(15).toString('base64url');

async function organisationId(client: PoolClient, reference: string): Promise<string> {
  const byId = /^[0-9a-f-]{36}$/.test(reference)
    ? await client.query<{ id: string }>('SELECT id FROM organisations WHERE id = $1', [reference])
    : { rows: [] };
  if (byId.rows[0]) return byId.rows[0].id;
  const byName = await client.query<{ id: string }>(
    'SELECT id FROM organisations WHERE lower(name) = lower($1)',
    [reference],
  );
  if (byName.rows.length === 1) return byName.rows[0]!.id;
  throw new AdminError(
    byName.rows.length > 1
      ? `Several organisations are called "${reference}": give its id (admin org list).`
      : `There is no organisation "${reference}" (admin org list shows them).`,
  );
}

async function accountId(client: PoolClient, username: string): Promise<string> {
  const found = await client.query<{ id: string }>(
    'SELECT id FROM accounts WHERE lower(username) = lower($1)',
    [username],
  );
  if (!found.rows[0])
    throw new AdminError(`There is no account "${username}" (admin account list shows them).`);
  return found.rows[0].id;
}

function checkRole(role: string): Role {
  if (!(ROLES as readonly string[]).includes(role))
    throw new AdminError(`A role is one of ${ROLES.join(', ')}; not "${role}".`);
  return role as Role;
}

export interface NewOrganisation {
  name: string;
  parent?: string;
  kind?: 'organisation' | 'programme' | 'workshop';
  country?: string;
}

export async function addOrganisation(database: Database, input: NewOrganisation): Promise<string> {
  return asOwner(database, async (client) => {
    const parent = input.parent ? await organisationId(client, input.parent) : null;
    const made = await client.query<{ id: string }>(
      'INSERT INTO organisations (parent_id, name, kind, country) VALUES ($1, $2, $3, $4) RETURNING id',
      [parent, input.name, input.kind ?? 'organisation', input.country ?? null],
    );
    const id = made.rows[0]!.id;
    await audit(client, 'organisation.add', id, id, { name: input.name, parent });
    return id;
  });
}

export interface OrganisationRow {
  id: string;
  name: string;
  kind: string;
  depth: number;
  parentId: string | null;
}

/** Every organisation, as a tree: each after its parent, with its depth. */
export async function listOrganisations(database: Database): Promise<OrganisationRow[]> {
  return asOwner(database, async (client) => {
    const found = await client.query<{
      id: string;
      name: string;
      kind: string;
      depth: number;
      parent_id: string | null;
    }>(
      `WITH RECURSIVE tree AS (
         SELECT id, name, kind, parent_id, 0 AS depth, ARRAY[name] AS path FROM organisations WHERE parent_id IS NULL
         UNION ALL
         SELECT o.id, o.name, o.kind, o.parent_id, t.depth + 1, t.path || o.name
         FROM organisations o JOIN tree t ON o.parent_id = t.id)
       SELECT id, name, kind, parent_id, depth FROM tree ORDER BY path`,
    );
    return found.rows.map((row) => ({
      id: row.id,
      name: row.name,
      kind: row.kind,
      depth: row.depth,
      parentId: row.parent_id,
    }));
  });
}

export interface NewAccount {
  username: string;
  displayName: string;
  /** None: the account links devices only with codes. */
  password?: string;
}

export async function addAccount(database: Database, input: NewAccount): Promise<string> {
  if (input.password !== undefined) {
    const problem = passwordProblem(input.password);
    if (problem) throw new AdminError(problem);
  }
  const hash = input.password === undefined ? null : await hashPassword(input.password);
  return asOwner(database, async (client) => {
    const taken = await client.query('SELECT 1 FROM accounts WHERE lower(username) = lower($1)', [
      input.username,
    ]);
    if (taken.rowCount) throw new AdminError(`The user name "${input.username}" is taken.`);
    const made = await client.query<{ id: string }>(
      'INSERT INTO accounts (username, display_name, password_hash) VALUES ($1, $2, $3) RETURNING id',
      [input.username, input.displayName, hash],
    );
    const id = made.rows[0]!.id;
    await audit(client, 'account.add', null, id, { username: input.username });
    return id;
  });
}

export async function setPassword(database: Database, username: string, password: string): Promise<void> {
  const problem = passwordProblem(password);
  if (problem) throw new AdminError(problem);
  const hash = await hashPassword(password);
  await asOwner(database, async (client) => {
    const id = await accountId(client, username);
    await client.query('UPDATE accounts SET password_hash = $2 WHERE id = $1', [id, hash]);
    // Signed-in sessions end with the old password.
    await client.query(
      "UPDATE sessions SET revoked_at = now() WHERE account_id = $1 AND kind = 'password' AND revoked_at IS NULL",
      [id],
    );
    await audit(client, 'account.password', null, id);
  });
}

/** Disables an account: it can no longer sign in, and its devices stop syncing. */
export async function disableAccount(database: Database, username: string): Promise<void> {
  await asOwner(database, async (client) => {
    const id = await accountId(client, username);
    await client.query('UPDATE accounts SET disabled_at = now() WHERE id = $1 AND disabled_at IS NULL', [id]);
    await client.query(
      'UPDATE sessions SET revoked_at = now() WHERE account_id = $1 AND revoked_at IS NULL',
      [id],
    );
    await audit(client, 'account.disable', null, id);
  });
}

export interface AccountRow {
  id: string;
  username: string;
  displayName: string;
  disabled: boolean;
  roles: string[];
}

export async function listAccounts(database: Database): Promise<AccountRow[]> {
  return asOwner(database, async (client) => {
    const found = await client.query<{
      id: string;
      username: string;
      display_name: string;
      disabled: boolean;
      roles: string[];
    }>(
      `SELECT a.id, a.username, a.display_name, a.disabled_at IS NOT NULL AS disabled,
              coalesce(array_agg(m.role || ' of ' || o.name ORDER BY o.name) FILTER (WHERE m.role IS NOT NULL), '{}') AS roles
       FROM accounts a LEFT JOIN memberships m ON m.account_id = a.id LEFT JOIN organisations o ON o.id = m.organisation_id
       GROUP BY a.id ORDER BY lower(a.username)`,
    );
    return found.rows.map((row) => ({
      id: row.id,
      username: row.username,
      displayName: row.display_name,
      disabled: row.disabled,
      roles: row.roles,
    }));
  });
}

export function grantRole(
  database: Database,
  username: string,
  organisation: string,
  role: string,
): Promise<void> {
  return changeMembership(
    database,
    { username, organisation, role },
    async (client, { account, org, role }) => {
      await client.query(
        'INSERT INTO memberships (account_id, organisation_id, role) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING',
        [account, org, role],
      );
      await audit(client, 'role.grant', org, account, { role });
    },
  );
}

export function revokeRole(
  database: Database,
  username: string,
  organisation: string,
  role: string,
): Promise<void> {
  return changeMembership(
    database,
    { username, organisation, role },
    async (client, { account, org, role }) => {
      const removed = await client.query(
        'DELETE FROM memberships WHERE account_id = $1 AND organisation_id = $2 AND role = $3',
        [account, org, role],
      );
      if (!removed.rowCount) throw new AdminError(`${username} is not ${role} of that organisation.`);
      await audit(client, 'role.revoke', org, account, { role });
    },
  );
}

/** Changes one membership as the owner: the role checked, the account and organisation found (or refused). */
async function changeMembership(
  database: Database,
  named: { username: string; organisation: string; role: string },
  change: (client: PoolClient, ids: { account: string; org: string; role: Role }) => Promise<void>,
): Promise<void> {
  const role = checkRole(named.role);
  await asOwner(database, async (client) => {
    const account = await accountId(client, named.username);
    const org = await organisationId(client, named.organisation);
    await change(client, { account, org, role });
  });
}

/**
 * A link code for an account: the device that redeems it syncs as that account, its new
 * assessments going to `organisation` (the account's first organisation when not given).
 */
export async function createLinkCode(
  database: Database,
  username: string,
  options: { organisation?: string; minutes?: number } = {},
): Promise<{ code: string; expiresAt: Date }> {
  const minutes = options.minutes ?? 60 * 24;
  if (!(minutes > 0 && minutes <= 7 * 24 * 60))
    throw new AdminError('A link code lives from 1 minute to 7 days.');
  return asOwner(database, async (client) => {
    const account = await accountId(client, username);
    let org: string | undefined;
    if (options.organisation) org = await organisationId(client, options.organisation);
    else {
      const first = await client.query<{ organisation_id: string }>(
        `SELECT organisation_id FROM memberships WHERE account_id = $1
         ORDER BY array_position(ARRAY['coordinator','editor','facilitator','viewer'], role), created_at LIMIT 1`,
        [account],
      );
      org = first.rows[0]?.organisation_id;
    }
    if (!org) throw new AdminError(`${username} has no role in any organisation yet (admin role grant).`);
    const code = linkCodeFrom(randomBytes(16));
    const expiresAt = new Date(Date.now() + minutes * 60_000);
    await client.query(
      'INSERT INTO link_codes (code_hash, account_id, organisation_id, expires_at) VALUES ($1, $2, $3, $4)',
      [createHash('sha256').update(code).digest(), account, org, expiresAt],
    );
    await audit(client, 'linkCode.create', org, account, { minutes });
    return { code: formatLinkCode(code), expiresAt };
  });
}

export interface DeviceRow {
  id: string;
  name: string;
  username: string;
  linkedAt: Date;
  lastSyncAt: Date | null;
  revoked: boolean;
}

export async function listDevices(database: Database, username?: string): Promise<DeviceRow[]> {
  return asOwner(database, async (client) => {
    const found = await client.query<{
      id: string;
      name: string;
      username: string;
      linked_at: Date;
      last_sync_at: Date | null;
      revoked: boolean;
    }>(
      `SELECT d.id, d.name, a.username, d.linked_at, d.last_sync_at, d.revoked_at IS NOT NULL AS revoked
       FROM devices d JOIN accounts a ON a.id = d.account_id
       WHERE $1::text IS NULL OR lower(a.username) = lower($1)
       ORDER BY d.linked_at`,
      [username ?? null],
    );
    return found.rows.map((row) => ({
      id: row.id,
      name: row.name,
      username: row.username,
      linkedAt: row.linked_at,
      lastSyncAt: row.last_sync_at,
      revoked: row.revoked,
    }));
  });
}

export async function revokeDevice(database: Database, id: string): Promise<void> {
  await asOwner(database, async (client) => {
    const found = await client.query(
      'UPDATE devices SET revoked_at = now() WHERE id = $1 AND revoked_at IS NULL',
      [id],
    );
    if (!found.rowCount) throw new AdminError(`There is no linked device ${id} (admin device list).`);
    await client.query('UPDATE sessions SET revoked_at = now() WHERE device_id = $1 AND revoked_at IS NULL', [
      id,
    ]);
    await audit(client, 'device.revoke', null, id);
  });
}

export interface AuditRow {
  at: Date;
  who: string;
  action: string;
  organisation: string | null;
  target: string | null;
  detail: unknown;
  via: string;
  address: string | null;
}

export async function readAudit(database: Database, limit = 50): Promise<AuditRow[]> {
  return asOwner(database, async (client) => {
    const found = await client.query<AuditRow>(
      `SELECT l.at, coalesce(a.username, '-') AS who, l.action, o.name AS organisation, l.target, l.detail, l.via,
              host(l.address) AS address
       FROM audit_log l LEFT JOIN accounts a ON a.id = l.account_id LEFT JOIN organisations o ON o.id = l.organisation_id
       ORDER BY l.id DESC LIMIT $1`,
      [limit],
    );
    return found.rows.reverse();
  });
}

/** The first organisation and its first coordinator, on an empty record. */
export async function bootstrap(
  database: Database,
  input: {
    organisation: string;
    kind?: NewOrganisation['kind'];
    country?: string;
    username: string;
    displayName: string;
    password: string;
  },
): Promise<{ organisationId: string; accountId: string }> {
  const existing = await asOwner(database, (client) => client.query('SELECT 1 FROM accounts LIMIT 1'));
  if (existing.rowCount)
    throw new AdminError('This record has accounts already; use admin account add and admin role grant.');
  const organisationId = await addOrganisation(database, {
    name: input.organisation,
    ...(input.kind ? { kind: input.kind } : {}),
    ...(input.country ? { country: input.country } : {}),
  });
  const accountId = await addAccount(database, {
    username: input.username,
    displayName: input.displayName,
    password: input.password,
  });
  await grantRole(database, input.username, organisationId, 'coordinator');
  return { organisationId, accountId };
}

/** An organisation's id from its id or exact name. */
export async function findOrganisation(database: Database, reference: string): Promise<string> {
  return asOwner(database, (client) => organisationId(client, reference));
}

/** Sets the fewest organisations a statistic over this organisation (and below) may rest on. */
export async function setStatisticsThreshold(
  database: Database,
  organisation: string,
  threshold: number,
): Promise<void> {
  if (!Number.isInteger(threshold) || threshold < 3 || threshold > 1000)
    throw new AdminError('A threshold is a whole number of organisations from 3 to 1000.');
  await asOwner(database, async (client) => {
    const id = await organisationId(client, organisation);
    await client.query(
      `INSERT INTO statistics_settings (organisation_id, min_organisations, changed_by) VALUES ($1, $2, NULL)
       ON CONFLICT (organisation_id) DO UPDATE
         SET min_organisations = EXCLUDED.min_organisations, changed_at = now(), changed_by = NULL`,
      [id, threshold],
    );
    await audit(client, 'statistics.threshold', id, null, { threshold });
  });
}
