/**
 * The embedded PostgreSQL: the machine's own PostgreSQL binaries (Debian's `postgresql`, or
 * any PostgreSQL 15+ install) running a cluster kept in the server's data folder. `initdb` makes
 * it on first start, `pg_ctl` starts it on 127.0.0.1 (a free port, no Unix socket, password
 * authentication) and stops it. A cluster left running by a server that was killed is found and
 * reused. The test suites start their clusters through the same code, in temporary folders.
 *
 * PostgreSQL refuses to run as root: when this process is root, its processes run as the user
 * `postgres` (which Debian's package creates) or else `nobody`, owning the cluster's folder.
 */
import { execFileSync, spawn, spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import {
  chmodSync,
  chownSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  writeFileSync,
} from 'node:fs';
import { createServer } from 'node:net';
import { dirname, join } from 'node:path';

export class PostgresSetupError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PostgresSetupError';
  }
}

/** The folder holding `initdb`, `pg_ctl` and `postgres`: `BASELINE_PG_BIN`, `pg_config`, or the newest Debian install. */
export function findPostgresBin(env: NodeJS.ProcessEnv = process.env): string {
  const candidates: string[] = [];
  if (env.BASELINE_PG_BIN) candidates.push(env.BASELINE_PG_BIN);
  try {
    candidates.push(execFileSync('pg_config', ['--bindir'], { encoding: 'utf8' }).trim());
  } catch {
    // No pg_config on the PATH: look where distributions put the binaries.
  }
  for (const root of ['/usr/lib/postgresql', '/usr/pgsql']) {
    if (!existsSync(root)) continue;
    const versions = readdirSync(root)
      .filter((name) => /^\d+$/.test(name))
      .sort((a, b) => Number(b) - Number(a));
    candidates.push(...versions.map((version) => join(root, version, 'bin')));
  }
  const found = candidates.find((dir) => existsSync(join(dir, 'initdb')) && existsSync(join(dir, 'pg_ctl')));
  if (!found)
    throw new PostgresSetupError(
      'PostgreSQL is not installed on this machine (no initdb/pg_ctl found). Install it ' +
        '(Debian/Ubuntu: apt-get install postgresql), set BASELINE_PG_BIN to its bin folder, ' +
        'or give the server an external database with DATABASE_URL.',
    );
  const version = Number(/(\d+)/.exec(run(join(found, 'pg_ctl'), ['--version']).stdout)?.[1]);
  if (!(version >= 15))
    throw new PostgresSetupError(`PostgreSQL 15 or later is needed; ${found} holds version ${version}.`);
  return found;
}

interface RunAs {
  uid: number;
  gid: number;
  name: string;
}

/** Who PostgreSQL runs as: this process, or (as root) `postgres`, else `nobody`. */
function runAs(): RunAs | undefined {
  if (process.getuid?.() !== 0) return undefined;
  for (const name of ['postgres', 'nobody']) {
    try {
      const [, , uid, gid] = execFileSync('getent', ['passwd', name], { encoding: 'utf8' }).trim().split(':');
      if (uid && gid) return { uid: Number(uid), gid: Number(gid), name };
    } catch {
      // No such user: try the next.
    }
  }
  throw new PostgresSetupError(
    'Running as root, and there is no "postgres" or "nobody" user to run PostgreSQL as.',
  );
}

function run(command: string, args: string[], user?: RunAs): SpawnSyncReturns<string> {
  return spawnSync(command, args, {
    encoding: 'utf8',
    ...(user ? { uid: user.uid, gid: user.gid } : {}),
    env: { ...process.env, LC_ALL: 'C.UTF-8', PGTZ: 'UTC' },
  });
}

/** A free TCP port on 127.0.0.1 (asked of the system, then released for PostgreSQL to take). */
export function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() =>
        typeof address === 'object' && address
          ? resolvePort(address.port)
          : reject(new Error('No free port')),
      );
    });
  });
}

export interface ClusterSecrets {
  superuser: string;
  superuserPassword: string;
  ownerPassword: string;
  appPassword: string;
}

export interface RunningCluster {
  host: string;
  port: number;
  /** The cluster's folder (PGDATA). */
  dir: string;
  secrets: ClusterSecrets;
  /** The connection string of a role in a database. */
  url: (role: 'superuser' | 'owner' | 'app', database?: string) => string;
  /** Whether this call started it (false: it was running already, for another process). */
  startedHere: boolean;
  /** Stops the cluster (fast shutdown: open transactions are rolled back). */
  stop: () => Promise<void>;
}

export const OWNER_ROLE = 'baseline';
/** The login the embedded server's requests use: a member of baseline_app, owner of nothing. */
export const WEB_ROLE = 'baseline_web';
export const DATABASE = 'baseline';

const secret = () => randomBytes(24).toString('base64url');

function readSecrets(file: string): ClusterSecrets | undefined {
  if (!existsSync(file)) return undefined;
  return JSON.parse(readFileSync(file, 'utf8')) as ClusterSecrets;
}

/** The port of a running cluster, from its postmaster.pid (line 4), if it is running. */
function runningPort(bin: string, dir: string, user: RunAs | undefined): number | undefined {
  if (!existsSync(join(dir, 'postmaster.pid'))) return undefined;
  if (run(join(bin, 'pg_ctl'), ['status', '-D', dir], user).status !== 0) return undefined;
  const port = Number(readFileSync(join(dir, 'postmaster.pid'), 'utf8').split('\n')[3]);
  return Number.isInteger(port) && port > 0 ? port : undefined;
}

function initialise(bin: string, dir: string, secrets: ClusterSecrets, user: RunAs | undefined): void {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const pwfile = join(dirname(dir), `.pw-${process.pid}`);
  writeFileSync(pwfile, `${secrets.superuserPassword}\n`, { mode: 0o600 });
  try {
    if (user) {
      // PostgreSQL's user must get through the folder that holds the cluster (not list it).
      chmodSync(dirname(dir), 0o711);
      chownSync(dir, user.uid, user.gid);
      chownSync(pwfile, user.uid, user.gid);
    }
    const result = run(
      join(bin, 'initdb'),
      [
        '-D',
        dir,
        '-U',
        secrets.superuser,
        `--pwfile=${pwfile}`,
        '--auth-host=scram-sha-256',
        '--auth-local=scram-sha-256',
        '--encoding=UTF8',
        '--locale=C.UTF-8',
        '--data-checksums',
      ],
      user,
    );
    if (result.status !== 0) {
      const hint = user
        ? ` PostgreSQL runs as the user "${user.name}" here (this process is root): that user must be able to reach ${dir}.`
        : '';
      throw new PostgresSetupError(
        `initdb could not create the database in ${dir}.${hint}\n${result.stderr}`,
      );
    }
  } finally {
    spawnSync('rm', ['-f', pwfile]);
  }
}

export interface ClusterOptions {
  /** The cluster's folder; made (with initdb) when it does not exist. */
  dir: string;
  /** Where the passwords are kept (mode 600); beside the cluster by default. */
  secretsFile?: string;
  /** 0 or absent: a free port. */
  port?: number;
  bin?: string;
  log?: (line: string) => void;
}

/**
 * Starts (making it first if need be) the cluster in `dir`, or finds it already running, with a
 * database `baseline` owned by the role `baseline`, the NOLOGIN role `baseline_app` the
 * migrations grant to, and the login `baseline_web` in it.
 */
export async function startCluster(options: ClusterOptions): Promise<RunningCluster> {
  const bin = options.bin ?? findPostgresBin();
  const user = runAs();
  const { dir } = options;
  const secretsFile = options.secretsFile ?? join(dirname(dir), 'secrets.json');
  let secrets = readSecrets(secretsFile);
  const fresh = !existsSync(join(dir, 'PG_VERSION'));
  if (fresh) {
    secrets = {
      superuser: 'baseline_admin',
      superuserPassword: secret(),
      ownerPassword: secret(),
      appPassword: secret(),
    };
    writeFileSync(secretsFile, `${JSON.stringify(secrets, null, 2)}\n`, { mode: 0o600 });
    chmodSync(secretsFile, 0o600);
    options.log?.(`Creating the PostgreSQL cluster in ${dir}`);
    initialise(bin, dir, secrets, user);
  } else if (!secrets) {
    throw new PostgresSetupError(
      `${secretsFile} is missing: the cluster in ${dir} cannot be opened without it.`,
    );
  }
  const known = secrets;
  let port = runningPort(bin, dir, user);
  const startedHere = !port;
  if (port) options.log?.(`PostgreSQL is already running on 127.0.0.1:${port}; using it`);
  else {
    port = options.port || (await freePort());
    const logFile = join(dir, 'server.log');
    const settings = [
      `-p ${port}`,
      "-c listen_addresses='127.0.0.1'",
      "-c unix_socket_directories=''",
      '-c max_connections=200',
      "-c timezone='UTC'",
    ].join(' ');
    const result = run(
      join(bin, 'pg_ctl'),
      ['start', '-D', dir, '-l', logFile, '-w', '-t', '60', '-o', settings],
      user,
    );
    if (result.status !== 0) {
      const tail = existsSync(logFile) ? readFileSync(logFile, 'utf8').split('\n').slice(-15).join('\n') : '';
      throw new PostgresSetupError(`PostgreSQL did not start from ${dir}:\n${result.stderr}${tail}`);
    }
    options.log?.(`PostgreSQL started on 127.0.0.1:${port}`);
  }
  const host = '127.0.0.1';
  const credentials = {
    superuser: [known.superuser, known.superuserPassword],
    owner: [OWNER_ROLE, known.ownerPassword],
    app: [WEB_ROLE, known.appPassword],
  } as const;
  const url = (role: keyof typeof credentials, database = DATABASE) => {
    const [name, password] = credentials[role];
    return `postgres://${name}:${encodeURIComponent(password)}@${host}:${port}/${database}`;
  };
  const cluster: RunningCluster = {
    host,
    port,
    dir,
    secrets: known,
    url,
    startedHere,
    stop: () =>
      new Promise((resolveStop) => {
        const child = spawn(join(bin, 'pg_ctl'), ['stop', '-D', dir, '-m', 'fast', '-w'], {
          stdio: 'ignore',
          ...(user ? { uid: user.uid, gid: user.gid } : {}),
        });
        child.once('exit', () => resolveStop());
        child.once('error', () => resolveStop());
      }),
  };
  await prepareRoles(cluster);
  return cluster;
}

/** The owner, the app role and its login, and the database: made once, checked on every start. */
async function prepareRoles(cluster: RunningCluster): Promise<void> {
  const { default: pg } = await import('pg');
  const client = new pg.Client({ connectionString: cluster.url('superuser', 'postgres') });
  await client.connect();
  try {
    const roles = await client.query<{ rolname: string }>('SELECT rolname FROM pg_roles');
    const has = new Set(roles.rows.map((row) => row.rolname));
    const literal = (text: string) => `'${text.replace(/'/g, "''")}'`;
    if (!has.has(OWNER_ROLE))
      await client.query(
        `CREATE ROLE ${OWNER_ROLE} LOGIN PASSWORD ${literal(cluster.secrets.ownerPassword)}`,
      );
    if (!has.has('baseline_app')) await client.query('CREATE ROLE baseline_app NOLOGIN NOBYPASSRLS');
    if (!has.has(WEB_ROLE))
      await client.query(
        `CREATE ROLE ${WEB_ROLE} LOGIN NOBYPASSRLS IN ROLE baseline_app PASSWORD ${literal(cluster.secrets.appPassword)}`,
      );
    const databases = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [DATABASE]);
    if (databases.rowCount === 0) await client.query(`CREATE DATABASE ${DATABASE} OWNER ${OWNER_ROLE}`);
  } finally {
    await client.end();
  }
}
