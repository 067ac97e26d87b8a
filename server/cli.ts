/**
 * `npm run server [-- --host 0.0.0.0] [--port 8443] [--data server-data] [--no-build] [--trust-proxy]`
 * `npm run server -- admin <command> …` (see `USAGE`)
 *
 * The server of record: serves the app and the sync API on its PostgreSQL (the embedded one in
 * `--data`, or DATABASE_URL's). The README explains running it, behind HTTPS, and backups.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { ensureBuild } from '../scripts/lib/appBuild.ts';
import { ROOT } from '../scripts/lib/questionnaires.ts';
import { linkAddress } from '../src/sync/linkCode.ts';
import {
  addAccount,
  addOrganisation,
  AdminError,
  bootstrap,
  createLinkCode,
  disableAccount,
  generatePassword,
  grantRole,
  listAccounts,
  listDevices,
  listOrganisations,
  readAudit,
  revokeDevice,
  revokeRole,
  setPassword,
} from './admin.ts';
import { startRecordServer } from './app.ts';
import { stats } from './statisticsCli.ts';
import { PostgresSetupError } from './postgres.ts';
import { openRecord, type OpenRecord } from './record.ts';

const USAGE = `Usage: npm run server [-- --host 0.0.0.0] [--port 8443] [--data server-data] [--no-build] [--trust-proxy]

  --host         address to listen on (default 127.0.0.1: this machine only)
  --port         port to listen on (default 8443)
  --data         folder of the embedded PostgreSQL (default server-data); not used with DATABASE_URL
  --no-build     serve dist/ as it is, without rebuilding it when the sources are newer
  --trust-proxy  behind a reverse proxy: take the client's address from X-Forwarded-For

Environment: DATABASE_URL (an external PostgreSQL 15+: the schema owner's connection),
DATABASE_APP_URL (optional: requests connect as this user, a member of baseline_app).

Administration (on this machine; same --data or DATABASE_URL):
  npm run server -- admin bootstrap --organisation NAME --username NAME --name "FULL NAME" [--country XX] [--password-stdin]
  npm run server -- admin org add --name NAME [--parent ORG] [--kind organisation|programme|workshop] [--country XX]
  npm run server -- admin org list
  npm run server -- admin account add --username NAME --name "FULL NAME" [--password-stdin | --no-password]
  npm run server -- admin account list
  npm run server -- admin account password --username NAME [--password-stdin]
  npm run server -- admin account disable --username NAME
  npm run server -- admin role grant|revoke --username NAME --organisation ORG --role coordinator|editor|viewer|facilitator|statistician
  npm run server -- admin link-code --username NAME [--organisation ORG] [--minutes 1440] [--url https://…/]
  npm run server -- admin device list [--username NAME]
  npm run server -- admin device revoke --id DEVICE
  npm run server -- admin audit [--limit 50]

Statistics across organisations and years (aggregates over at least the threshold of organisations):
  npm run server -- stats --questionnaire ID --from 2024 --to 2026 [--version V] [--organisation ORG]
      [--include-provisional] [--threshold N (only raises it)] [--per-organisation] [--csv FILE|-] [--semicolons] [--json]
  npm run server -- stats threshold --organisation ORG --threshold N   (3 or more; default 5)

--semicolons writes the CSV for spreadsheets set for a decimal comma (French, Spanish, Russian…):
semicolons between columns and 1,5. ORG is an organisation's id or its exact name. Without --password-stdin a password is generated and printed once.`;

const OPTIONS = {
  host: { type: 'string', default: '127.0.0.1' },
  port: { type: 'string', default: '8443' },
  data: { type: 'string', default: 'server-data' },
  'no-build': { type: 'boolean', default: false },
  'trust-proxy': { type: 'boolean', default: false },
  help: { type: 'boolean', short: 'h', default: false },
  organisation: { type: 'string' },
  parent: { type: 'string' },
  kind: { type: 'string' },
  country: { type: 'string' },
  username: { type: 'string' },
  name: { type: 'string' },
  role: { type: 'string' },
  minutes: { type: 'string' },
  url: { type: 'string' },
  id: { type: 'string' },
  limit: { type: 'string' },
  'password-stdin': { type: 'boolean', default: false },
  'no-password': { type: 'boolean', default: false },
  questionnaire: { type: 'string' },
  version: { type: 'string' },
  from: { type: 'string' },
  to: { type: 'string' },
  threshold: { type: 'string' },
  'include-provisional': { type: 'boolean', default: false },
  'per-organisation': { type: 'boolean', default: false },
  csv: { type: 'string' },
  semicolons: { type: 'boolean', default: false },
  json: { type: 'boolean', default: false },
} as const;

type Values = ReturnType<typeof parseArgs<{ options: typeof OPTIONS; allowPositionals: true }>>['values'];

const log = (line: string) => console.log(`${new Date().toLocaleTimeString()}  ${line}`);

function open(values: Values, quiet = false): Promise<OpenRecord> {
  return openRecord({
    data: resolve(values.data),
    databaseUrl: process.env.DATABASE_URL,
    appDatabaseUrl: process.env.DATABASE_APP_URL,
    log: quiet ? () => undefined : log,
  });
}

function need(values: Values, name: keyof Values): string {
  const value = values[name];
  if (typeof value !== 'string' || value.trim() === '')
    throw new AdminError(`--${name} is needed.\n\n${USAGE}`);
  return value.trim();
}

/** A password from standard input (first line), or a generated one to print. */
function password(values: Values): { password: string; generated: boolean } {
  if (values['password-stdin']) {
    const line = readFileSync(0, 'utf8').split(/\r?\n/)[0] ?? '';
    return { password: line, generated: false };
  }
  return { password: generatePassword(), generated: true };
}

const kindOf = (values: Values) => values.kind as 'organisation' | 'programme' | 'workshop' | undefined;

async function admin(positionals: string[], values: Values): Promise<void> {
  const [command, sub] = positionals.slice(1);
  const record = await open(values, true);
  const { database } = record;
  try {
    const key =
      sub && ['org', 'account', 'role', 'device'].includes(command ?? '') ? `${command} ${sub}` : command;
    switch (key) {
      case 'bootstrap': {
        const chosen = password(values);
        const made = await bootstrap(database, {
          organisation: need(values, 'organisation'),
          ...(values.kind ? { kind: kindOf(values) } : {}),
          ...(values.country ? { country: values.country } : {}),
          username: need(values, 'username'),
          displayName: need(values, 'name'),
          password: chosen.password,
        });
        console.log(
          `Organisation ${values.organisation} (${made.organisationId}) and its coordinator ${values.username} are ready.`,
        );
        if (chosen.generated)
          console.log(`Password (shown once; change it with admin account password): ${chosen.password}`);
        return;
      }
      case 'org add': {
        const id = await addOrganisation(database, {
          name: need(values, 'name'),
          ...(values.parent ? { parent: values.parent } : {}),
          ...(values.kind ? { kind: kindOf(values) } : {}),
          ...(values.country ? { country: values.country } : {}),
        });
        console.log(`Organisation ${values.name}: ${id}`);
        return;
      }
      case 'org list':
        for (const org of await listOrganisations(database))
          console.log(`${'  '.repeat(org.depth)}${org.name}  [${org.kind}]  ${org.id}`);
        return;
      case 'account add': {
        const chosen = values['no-password'] ? undefined : password(values);
        const id = await addAccount(database, {
          username: need(values, 'username'),
          displayName: need(values, 'name'),
          ...(chosen ? { password: chosen.password } : {}),
        });
        console.log(`Account ${values.username}: ${id}`);
        if (chosen?.generated) console.log(`Password (shown once): ${chosen.password}`);
        return;
      }
      case 'account list':
        for (const account of await listAccounts(database))
          console.log(
            `${account.username}  (${account.displayName})${account.disabled ? '  DISABLED' : ''}  ${account.roles.join(', ') || 'no role'}`,
          );
        return;
      case 'account password': {
        const chosen = password(values);
        await setPassword(database, need(values, 'username'), chosen.password);
        console.log(chosen.generated ? `New password (shown once): ${chosen.password}` : 'Password changed.');
        return;
      }
      case 'account disable':
        await disableAccount(database, need(values, 'username'));
        console.log(`${values.username} is disabled; their devices no longer sync.`);
        return;
      case 'role grant':
        await grantRole(
          database,
          need(values, 'username'),
          need(values, 'organisation'),
          need(values, 'role'),
        );
        console.log(`${values.username} is now ${values.role} of ${values.organisation}.`);
        return;
      case 'role revoke':
        await revokeRole(
          database,
          need(values, 'username'),
          need(values, 'organisation'),
          need(values, 'role'),
        );
        console.log(`${values.username} is no longer ${values.role} of ${values.organisation}.`);
        return;
      case 'link-code': {
        const made = await createLinkCode(database, need(values, 'username'), {
          ...(values.organisation ? { organisation: values.organisation } : {}),
          ...(values.minutes ? { minutes: Number(values.minutes) } : {}),
        });
        console.log(
          `Link code for ${values.username}: ${made.code}  (until ${made.expiresAt.toLocaleString()})`,
        );
        if (values.url) console.log(`Or open: ${linkAddress(values.url, made.code.replace('-', ''))}`);
        return;
      }
      case 'device list':
        for (const device of await listDevices(database, values.username))
          console.log(
            `${device.id}  ${device.username}  "${device.name}"  linked ${device.linkedAt.toLocaleString()}  ` +
              `last sync ${device.lastSyncAt?.toLocaleString() ?? 'never'}${device.revoked ? '  REVOKED' : ''}`,
          );
        return;
      case 'device revoke':
        await revokeDevice(database, need(values, 'id'));
        console.log('The device is unlinked; it can no longer sync.');
        return;
      case 'audit':
        for (const row of await readAudit(database, values.limit ? Number(values.limit) : 50))
          console.log(
            `${row.at.toISOString()}  ${row.who}  ${row.action}  ${row.organisation ?? ''}  ${row.target ?? ''}  ` +
              `${JSON.stringify(row.detail)}  ${row.via}${row.address ? ` ${row.address}` : ''}`,
          );
        return;
      default:
        throw new AdminError(`Unknown admin command "${positionals.slice(1).join(' ')}".\n\n${USAGE}`);
    }
  } finally {
    // The embedded PostgreSQL keeps running if a server was using it; otherwise it stops with us.
    await record.close({ stopCluster: record.cluster?.startedHere ?? false });
  }
}

async function serve(values: Values): Promise<void> {
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`--port must be a number from 0 to 65535, not "${values.port}".\n\n${USAGE}`);
    process.exit(2);
  }
  const dist = join(ROOT, 'dist');
  ensureBuild(dist, values['no-build'], 'server', 'devices');
  const record = await open(values);
  const server = await startRecordServer({
    database: record.database,
    dist,
    host: values.host,
    port,
    trustProxy: values['trust-proxy'],
    log,
  });
  const shown = values.host === '0.0.0.0' || values.host === '::' ? 'localhost' : values.host;
  console.log(
    [
      '',
      'Baseline server of record',
      '',
      `  App and sync API:  http://${shown}:${server.port}/`,
      `  Database:          ${record.where}`,
      values.host === '127.0.0.1'
        ? '  Only this machine can reach it; put an HTTPS reverse proxy in front (README) or use --host.'
        : '  Serve it to devices through HTTPS (a reverse proxy, README): linking sends passwords and codes.',
      '  Administration:    npm run server -- admin --help',
      '  Stop with Ctrl+C.',
      '',
    ].join('\n'),
  );
  const stop = () => {
    console.log('\nStopping the server of record.');
    void server
      .close()
      .then(() => record.close())
      .then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({ options: OPTIONS, allowPositionals: true });
  if (values.help) {
    console.log(USAGE);
    return;
  }
  if (positionals[0] === 'admin') return admin(positionals, values);
  if (positionals[0] === 'stats') return stats(positionals, values, () => open(values, true), USAGE);
  if (positionals.length > 0) throw new AdminError(`Unknown command "${positionals.join(' ')}".\n\n${USAGE}`);
  return serve(values);
}

main().catch((error: unknown) => {
  if (error instanceof AdminError || error instanceof PostgresSetupError) console.error(error.message);
  else if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE')
    console.error('That port is taken (is a server already running?). Choose another with --port.');
  else console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
