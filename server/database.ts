/**
 * The server's two ways into PostgreSQL. The owner's pool runs the migrations, loads the
 * built-in questionnaires and serves the administration commands. Every request runs on the
 * app pool inside `asCaller`: one transaction, as the role `baseline_app` (no BYPASSRLS, owner of
 * nothing), with the caller's session token set for that transaction only, so row-level
 * security decides what it may read and write whatever the code above asks.
 */
import { createHash } from 'node:crypto';
import pg from 'pg';

export const APP_ROLE = 'baseline_app';

export interface Database {
  owner: pg.Pool;
  app: pg.Pool;
  close: () => Promise<void>;
}

export interface DatabaseUrls {
  /** The schema's owner: migrations, catalogue, administration. */
  owner: string;
  /** Requests: a role that is baseline_app or a member of it; the owner's URL when absent. */
  app?: string;
}

export function openDatabase(urls: DatabaseUrls, poolSize = 20): Database {
  const owner = new pg.Pool({ connectionString: urls.owner, max: 4, application_name: 'baseline-owner' });
  const app = new pg.Pool({
    connectionString: urls.app ?? urls.owner,
    max: poolSize,
    application_name: 'baseline-server',
  });
  // A connection dropped by the database (restart, failover) is replaced; the error is not fatal.
  owner.on('error', () => undefined);
  app.on('error', () => undefined);
  return {
    owner,
    app,
    close: async () => {
      await Promise.all([owner.end(), app.end()]);
    },
  };
}

/** The SHA-256 (hex) under which a session token is stored and looked up; the token itself never is. */
export const tokenHash = (token: string) => createHash('sha256').update(token).digest('hex');

/** PostgreSQL's codes for "try the transaction again": serialization failure, deadlock. */
const RETRY_CODES = new Set(['40001', '40P01']);

/**
 * Runs `work` in one transaction as baseline_app with the caller's session (a bearer token, or
 * none for an anonymous request). Commits what it did, or rolls everything back if it throws;
 * a transaction PostgreSQL asks to retry is run again, up to three times.
 */
export async function asCaller<T>(
  database: Database,
  token: string | undefined,
  work: (client: pg.PoolClient) => Promise<T>,
): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    const client = await database.app.connect();
    try {
      await client.query('BEGIN');
      await client.query(`SET LOCAL ROLE ${APP_ROLE}`);
      await client.query("SELECT set_config('app.session', $1, true)", [token ? tokenHash(token) : '']);
      const result = await work(client);
      await client.query('COMMIT');
      client.release();
      return result;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      client.release();
      if (attempt < 3 && RETRY_CODES.has((error as { code?: string }).code ?? '')) continue;
      throw error;
    }
  }
}

/** Runs `work` in one transaction as the owner (administration; row-level security does not apply). */
export async function asOwner<T>(
  database: Database,
  work: (client: pg.PoolClient) => Promise<T>,
): Promise<T> {
  const client = await database.owner.connect();
  try {
    await client.query('BEGIN');
    const result = await work(client);
    await client.query('COMMIT');
    return result;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

/**
 * Refuses to serve if requests would not be held by row-level security: the request role must
 * be baseline_app, neither superuser nor BYPASSRLS, and own no table.
 */
export async function checkRequestRole(database: Database): Promise<void> {
  const found = await asCaller(database, undefined, async (client) => {
    const role = await client.query<{
      name: string;
      rolsuper: boolean;
      rolbypassrls: boolean;
      owned: string;
    }>(
      `SELECT current_user AS name, r.rolsuper, r.rolbypassrls,
              (SELECT count(*) FROM pg_tables WHERE tableowner = current_user) AS owned
       FROM pg_roles r WHERE r.rolname = current_user`,
    );
    return role.rows[0];
  }).catch((error: Error) => {
    throw new Error(
      `Requests cannot run as ${APP_ROLE} (${error.message}). The database user of the app's connection ` +
        `must be a member of ${APP_ROLE}: as a superuser, GRANT ${APP_ROLE} TO <that user>;`,
      { cause: error },
    );
  });
  if (!found || found.name !== APP_ROLE || found.rolsuper || found.rolbypassrls || Number(found.owned) > 0)
    throw new Error(
      `Requests would not be held by row-level security (role ${found?.name}, superuser ${found?.rolsuper}, ` +
        `bypassrls ${found?.rolbypassrls}); the server does not start like this.`,
    );
}
