/**
 * The server of record's HTTP side (Fastify): the API devices link and sync through, and the
 * production build of the app (with sirv, as the room server serves it). Each request runs in
 * its own transaction as the caller (`asCaller`); this file reads requests, checks their shape
 * against `src/sync/protocol.ts`, and answers. The README documents the API.
 */
import { createHash, randomBytes } from 'node:crypto';
import { readFileSync, realpathSync } from 'node:fs';
import { join, resolve } from 'node:path';
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import type { PoolClient } from 'pg';
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import sirv from 'sirv';
import { formatLinkCode, linkCodeFrom, normaliseLinkCode } from '../src/sync/linkCode.ts';
import {
  deviceChangeSchema,
  linkCodeRequestSchema,
  linkRequestSchema,
  MAX_PUSH_BYTES,
  pushRequestSchema,
  SERVER_API_VERSION,
  SERVER_META_NAME,
  SERVER_SERVICE,
  type DeviceInfo,
  type Organisation,
  type ServerErrorCode,
  SERVER_REFUSALS,
  type ServerRefusalReason,
} from '../src/sync/protocol.ts';
import {
  statisticsQueryFrom,
  statisticsQuerySchema,
  statisticsSettingsSchema,
} from '../src/statistics/report.ts';
import { assignRequestSchema, stepRequestSchema } from '../src/coordination/api.ts';
import { asCaller, type Database } from './database.ts';
import { assessmentAssignments, assign, CoordinationError, myAssignments, step } from './coordination.ts';
import { decoyHash, verifyPassword } from './passwords.ts';
import { statisticsOptions, statisticsFor, StatisticsError, setThreshold } from './statistics.ts';
import { pull, push, type Caller } from './sync.ts';

export interface ServerLimits {
  /** Requests one address may make per minute. */
  requests: number;
  /** Link and sign-in attempts one address may make per 15 minutes. */
  attempts: number;
}

export const DEFAULT_LIMITS: ServerLimits = { requests: 1200, attempts: 10 };

/** How long a link code made in the app lives. */
const LINK_CODE_MINUTES = 30;

export interface RecordServerOptions {
  database: Database;
  /** The production build to serve; none: the API only. */
  dist?: string;
  host?: string;
  /** 0 picks a free port. */
  port?: number;
  limits?: Partial<ServerLimits>;
  /** Behind a reverse proxy: take the client's address from X-Forwarded-For. */
  trustProxy?: boolean;
  log?: (line: string) => void;
}

export interface RunningRecordServer {
  port: number;
  host: string;
  close: () => Promise<void>;
}

const COMMON_HEADERS: Readonly<Record<string, string>> = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Content-Security-Policy': "frame-ancestors 'none'",
};

class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: ServerErrorCode,
    message: string,
    readonly retryAfter?: number,
    readonly reason?: ServerRefusalReason,
  ) {
    super(message);
  }
}

const STATUS: Partial<Record<ServerErrorCode, number>> = { malformed: 400, forbidden: 403, notFound: 404 };

/** A refusal the app words itself from its reason, under the code the reason refines. */
const refusal = (reason: ServerRefusalReason, message: string) => {
  const code = SERVER_REFUSALS[reason];
  return new HttpError(STATUS[code] ?? 400, code, message, undefined, reason);
};

const unauthenticated = () =>
  new HttpError(401, 'unauthenticated', 'This device is not linked, or its link was revoked or has expired.');

/** The build's index.html with the mark by which the app knows it may offer linking. */
function markedIndex(dist: string): string {
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  const charset = /<meta charset="[^"]*"\s*\/?>/i;
  if (!charset.test(html)) throw new Error(`${dist}/index.html has no <meta charset>; rebuild the app.`);
  return html.replace(
    charset,
    (tag) => `${tag}\n    <meta name="${SERVER_META_NAME}" content="${SERVER_API_VERSION}" />`,
  );
}

const newToken = () => randomBytes(32).toString('base64url');
const sha256 = (text: string) => createHash('sha256').update(text).digest();
const tokenBytes = (token: string) => sha256(token);

function bearer(request: FastifyRequest): string | undefined {
  const header = request.headers.authorization ?? '';
  const match = /^Bearer ([A-Za-z0-9_-]{32,200})$/.exec(header);
  return match?.[1];
}

async function audit(
  client: PoolClient,
  request: FastifyRequest,
  action: string,
  organisation: string | null,
  target: string | null,
  detail: Record<string, unknown> = {},
): Promise<void> {
  await client.query('SELECT app_audit($1, $2, $3, $4, $5)', [
    action,
    organisation,
    target,
    JSON.stringify(detail),
    request.ip,
  ]);
}

async function organisations(client: PoolClient): Promise<Organisation[]> {
  const found = await client.query<{
    id: string;
    name: string;
    kind: Organisation['kind'];
    parent_id: string | null;
    roles: Organisation['roles'];
  }>(
    `SELECT o.id, o.name, o.kind, o.parent_id,
            coalesce(array_agg(DISTINCT m.role) FILTER (WHERE m.role IS NOT NULL), '{}') AS roles
     FROM organisations o
     JOIN organisation_tree t ON t.descendant = o.id
     LEFT JOIN memberships m ON m.organisation_id = t.ancestor AND m.account_id = app_account()
     GROUP BY o.id ORDER BY o.name`,
  );
  return found.rows.map((row) => ({
    id: row.id,
    name: row.name,
    kind: row.kind,
    parentId: row.parent_id,
    roles: row.roles,
  }));
}

/** The linked device making the request, or a 401. */
async function deviceOf(
  client: PoolClient,
): Promise<Caller & { name: string; linkedAt: Date; lastSyncAt: Date | null }> {
  const found = await client.query<{
    id: string;
    account_id: string;
    organisation_id: string;
    name: string;
    linked_at: Date;
    last_sync_at: Date | null;
  }>(
    'SELECT id, account_id, organisation_id, name, linked_at, last_sync_at FROM devices WHERE id = app_device()',
  );
  const row = found.rows[0];
  if (!row) throw unauthenticated();
  await client.query('SELECT app_touch_session()');
  return {
    deviceId: row.id,
    accountId: row.account_id,
    organisationId: row.organisation_id,
    name: row.name,
    linkedAt: row.linked_at,
    lastSyncAt: row.last_sync_at,
  };
}

async function deviceInfo(client: PoolClient): Promise<DeviceInfo> {
  const device = await deviceOf(client);
  const account = await client.query<{ id: string; username: string; display_name: string }>(
    'SELECT id, username, display_name FROM accounts WHERE id = app_account()',
  );
  const row = account.rows[0]!;
  return {
    device: {
      id: device.deviceId,
      name: device.name,
      organisationId: device.organisationId,
      linkedAt: device.linkedAt.toISOString(),
      lastSyncAt: device.lastSyncAt?.toISOString() ?? null,
    },
    account: { id: row.id, username: row.username, displayName: row.display_name },
    organisations: await organisations(client),
  };
}

function parse<T>(
  schema: { safeParse: (value: unknown) => { success: true; data: T } | { success: false } },
  body: unknown,
): T {
  const parsed = schema.safeParse(body);
  if (!parsed.success)
    throw new HttpError(400, 'malformed', 'The request is not one this server understands.');
  return parsed.data;
}

export async function startRecordServer(options: RecordServerOptions): Promise<RunningRecordServer> {
  const { database } = options;
  const log = options.log ?? (() => undefined);
  const limits = { ...DEFAULT_LIMITS, ...options.limits };
  const requests = new RateLimiterMemory({ points: limits.requests, duration: 60 });
  const attempts = new RateLimiterMemory({ points: limits.attempts, duration: 15 * 60 });

  const app = Fastify({
    logger: false,
    bodyLimit: MAX_PUSH_BYTES,
    trustProxy: options.trustProxy ?? false,
    connectionTimeout: 120_000,
    requestTimeout: 120_000,
  });

  const limit = async (limiter: RateLimiterMemory, request: FastifyRequest) => {
    try {
      await limiter.consume(request.ip);
    } catch (refusal) {
      if (!(refusal instanceof RateLimiterRes)) throw refusal;
      const retryAfter = Math.ceil(refusal.msBeforeNext / 1000);
      throw new HttpError(
        429,
        'tooManyRequests',
        `Too many requests; try again in ${retryAfter} s.`,
        retryAfter,
      );
    }
  };

  app.addHook('onRequest', async (request, reply) => {
    for (const [name, value] of Object.entries(COMMON_HEADERS)) void reply.header(name, value);
    if (request.url.startsWith('/api/')) {
      void reply.header('Cache-Control', 'no-store');
      await limit(requests, request);
    }
  });

  app.setErrorHandler((error: Error & { statusCode?: number }, request, reply) => {
    if (error instanceof HttpError) {
      if (error.retryAfter) void reply.header('Retry-After', String(error.retryAfter));
      return reply.status(error.status).send({
        error: error.code,
        ...(error.reason ? { reason: error.reason } : {}),
        message: error.message,
        ...(error.retryAfter ? { retryAfter: error.retryAfter } : {}),
      });
    }
    if (error.statusCode === 413)
      return reply.status(413).send({ error: 'tooLarge', message: 'The request is too large.' });
    if (error.statusCode && error.statusCode < 500)
      return reply.status(error.statusCode).send({ error: 'malformed', message: error.message });
    log(`Could not answer ${request.method} ${request.url}: ${error.message}`);
    return reply.status(503).send({
      error: 'unavailable',
      message: 'The server could not do this now; nothing was changed. Try again.',
    });
  });

  app.get('/api/server', () => ({ service: SERVER_SERVICE, version: SERVER_API_VERSION }));

  app.post('/api/link', async (request) => {
    await limit(attempts, request);
    const body = parse(linkRequestSchema, request.body);
    const token = newToken();
    if ('code' in body) {
      const code = normaliseLinkCode(body.code);
      const device = code
        ? await asCaller(database, undefined, async (client) => {
            const redeemed = await client.query<{ device: string | null }>(
              'SELECT app_redeem_link_code($1, $2, $3) AS device',
              [sha256(code), body.deviceName, tokenBytes(token)],
            );
            return redeemed.rows[0]?.device ?? undefined;
          })
        : undefined;
      if (!device) {
        await asCaller(database, undefined, (client) =>
          client.query('SELECT app_audit_anonymous($1, NULL, $2, $3)', [
            'link.refused',
            '{"by":"code"}',
            request.ip,
          ]),
        );
        throw new HttpError(
          403,
          'wrongCode',
          'This link code is not valid: it may be mistyped, used or expired.',
        );
      }
    } else {
      const session = newToken();
      const account = await asCaller(database, undefined, async (client) => {
        const found = await client.query<{ account_id: string; password_hash: string }>(
          'SELECT * FROM app_sign_in_lookup($1)',
          [body.username],
        );
        const row = found.rows[0];
        const valid = await verifyPassword(body.password, row?.password_hash ?? (await decoyHash()));
        if (!row || !valid) {
          await client.query('SELECT app_audit_anonymous($1, $2, $3, $4)', [
            'signIn.refused',
            body.username,
            '{}',
            request.ip,
          ]);
          return undefined;
        }
        await client.query('SELECT app_open_password_session($1, $2)', [row.account_id, tokenBytes(session)]);
        return row.account_id;
      });
      if (!account) throw new HttpError(403, 'wrongPassword', 'The user name or the password is wrong.');
      const linked = await asCaller(database, session, async (client) => {
        const readable = await organisations(client);
        const writable =
          readable.find((org) => org.roles.some((role) => role !== 'viewer' && role !== 'statistician')) ??
          readable[0];
        const organisation = body.organisationId ?? writable?.id;
        if (!organisation) return undefined;
        const made = await client.query<{ device: string | null }>(
          'SELECT app_link_signed_in($1, $2, $3) AS device',
          [body.deviceName, organisation, tokenBytes(token)],
        );
        await client.query('SELECT app_end_session()');
        return made.rows[0]?.device ?? undefined;
      });
      if (!linked)
        throw refusal(
          'noOrganisation',
          'This account belongs to no organisation (or not to the one chosen).',
        );
    }
    return asCaller(database, token, async (client) => {
      const info = await deviceInfo(client);
      await audit(client, request, 'device.link', info.device.organisationId, info.device.id, {
        by: 'code' in body ? 'code' : 'password',
        name: info.device.name,
      });
      return { ...info, token };
    });
  });

  /** Runs a request as the linked device that sent it. */
  const asDevice = <T>(request: FastifyRequest, work: (client: PoolClient) => Promise<T>) => {
    const token = bearer(request);
    if (!token) throw unauthenticated();
    return asCaller(database, token, work);
  };

  app.get('/api/device', (request) => asDevice(request, deviceInfo));

  app.put('/api/device', (request) =>
    asDevice(request, async (client) => {
      const device = await deviceOf(client);
      const { organisationId } = parse(deviceChangeSchema, request.body);
      const readable = await client.query<{ ok: boolean }>("SELECT $1::uuid = ANY (app_orgs('read')) AS ok", [
        organisationId,
      ]);
      if (!readable.rows[0]?.ok)
        throw refusal('organisationNotVisible', 'This account cannot see that organisation.');
      await client.query('UPDATE devices SET organisation_id = $1 WHERE id = $2', [
        organisationId,
        device.deviceId,
      ]);
      await audit(client, request, 'device.organisation', organisationId, device.deviceId);
      return deviceInfo(client);
    }),
  );

  app.delete('/api/device', (request) =>
    asDevice(request, async (client) => {
      const device = await deviceOf(client);
      await audit(client, request, 'device.unlink', device.organisationId, device.deviceId);
      await client.query('SELECT app_revoke_device($1)', [device.deviceId]);
      return { unlinked: true };
    }),
  );

  app.post('/api/sync/push', (request) =>
    asDevice(request, async (client) => {
      const device = await deviceOf(client);
      const { changes } = parse(pushRequestSchema, request.body);
      const summary = await push(client, device, changes);
      await client.query('UPDATE devices SET last_sync_at = now() WHERE id = $1', [device.deviceId]);
      if (changes.length > 0)
        await audit(
          client,
          request,
          'sync.push',
          summary.organisations[0] ?? device.organisationId,
          device.deviceId,
          {
            ...summary.counts,
            organisations: summary.organisations,
          },
        );
      return { results: summary.results };
    }),
  );

  app.get('/api/sync/pull', (request) =>
    asDevice(request, async (client) => {
      const device = await deviceOf(client);
      const query = request.query as { cursor?: unknown };
      const cursor = typeof query.cursor === 'string' && query.cursor.length <= 100_000 ? query.cursor : '';
      const page = await pull(client, cursor);
      await client.query('UPDATE devices SET last_sync_at = now() WHERE id = $1', [device.deviceId]);
      if (page.records.length > 0)
        await audit(client, request, 'sync.pull', device.organisationId, device.deviceId, {
          records: page.records.length,
        });
      return page;
    }),
  );

  app.get('/api/accounts', (request) =>
    asDevice(request, async (client) => {
      await deviceOf(client);
      const found = await client.query<{
        id: string;
        username: string;
        display_name: string;
        organisation_ids: string[];
      }>(
        `SELECT a.id, a.username, a.display_name,
                array_agg(DISTINCT m.organisation_id) AS organisation_ids
         FROM accounts a JOIN memberships m ON m.account_id = a.id
         WHERE a.disabled_at IS NULL AND m.organisation_id = ANY (app_orgs('administer'))
         GROUP BY a.id ORDER BY a.display_name`,
      );
      return {
        accounts: found.rows.map((row) => ({
          id: row.id,
          username: row.username,
          displayName: row.display_name,
          organisationIds: row.organisation_ids,
        })),
      };
    }),
  );

  app.post('/api/link-codes', (request) =>
    asDevice(request, async (client) => {
      await deviceOf(client);
      const { accountId, organisationId } = parse(linkCodeRequestSchema, request.body);
      const code = linkCodeFrom(randomBytes(16));
      const made = await client.query<{ made: boolean }>(
        `SELECT app_create_link_code($1, $2, $3, make_interval(mins => ${LINK_CODE_MINUTES})) AS made`,
        [accountId, organisationId, sha256(code)],
      );
      if (!made.rows[0]?.made)
        throw refusal(
          'linkCodeNotYours',
          'You may make link codes only for accounts of organisations you coordinate.',
        );
      await audit(client, request, 'linkCode.create', organisationId, accountId);
      return {
        code: formatLinkCode(code),
        expiresAt: new Date(Date.now() + LINK_CODE_MINUTES * 60_000).toISOString(),
      };
    }),
  );

  /** Statistics across organisations and years: aggregates only, for coordinators and statisticians. */
  const statistics = <T>(request: FastifyRequest, work: (token: string) => Promise<T>) => {
    const token = bearer(request);
    if (!token) throw unauthenticated();
    return work(token).catch((error: unknown) => {
      if (error instanceof StatisticsError) throw new HttpError(403, 'forbidden', error.message);
      throw error;
    });
  };

  app.get('/api/statistics', (request) =>
    statistics(request, async (token) => {
      const query = parse(statisticsQuerySchema, statisticsQueryFrom(request.query));
      const report = await statisticsFor(database, token, query);
      await asCaller(database, token, (client) =>
        audit(client, request, 'statistics.read', report.scope?.organisationId ?? null, query.questionnaire, {
          ...query,
          organisations: report.population.organisations,
        }),
      );
      return report;
    }),
  );

  app.get('/api/statistics/options', (request) =>
    statistics(request, (token) => statisticsOptions(database, token)),
  );

  app.put('/api/statistics/settings', (request) =>
    statistics(request, async (token) => {
      const settings = parse(statisticsSettingsSchema, request.body);
      await asCaller(database, token, async (client) => {
        await setThreshold(client, settings);
        await audit(client, request, 'statistics.threshold', settings.organisationId, null, {
          threshold: settings.threshold,
        });
      });
      return statisticsOptions(database, token);
    }),
  );

  /** One assessment, many contributors: as a linked device, a refusal of the database's said plainly. */
  const coordination = <T>(request: FastifyRequest, work: (client: PoolClient) => Promise<T>) =>
    asDevice(request, async (client) => {
      await deviceOf(client);
      try {
        return await work(client);
      } catch (error) {
        if (!(error instanceof CoordinationError)) throw error;
        throw refusal(error.reason, error.message);
      }
    });
  const assessmentParam = (request: FastifyRequest) => {
    const { id } = request.params as { id: string };
    if (!/^[A-Za-z0-9][A-Za-z0-9_-]{0,99}$/.test(id))
      throw refusal('noSuchAssessment', 'No such assessment.');
    return id;
  };

  app.get('/api/assignments/mine', (request) =>
    coordination(request, async (client) => ({ assignments: await myAssignments(client) })),
  );

  app.get('/api/assessments/:id/assignments', (request) =>
    coordination(request, (client) => assessmentAssignments(client, assessmentParam(request))),
  );

  app.post('/api/assessments/:id/assignments', (request) =>
    coordination(request, async (client) => {
      const assessmentId = assessmentParam(request);
      const body = parse(assignRequestSchema, request.body);
      const id = await assign(client, assessmentId, body);
      await audit(client, request, 'assignment.assign', null, id, { assessmentId, ...body });
      return assessmentAssignments(client, assessmentId);
    }),
  );

  app.post('/api/assignments/:id/steps', (request) =>
    coordination(request, async (client) => {
      const { id } = request.params as { id: string };
      if (!/^[0-9a-f-]{36}$/.test(id)) throw refusal('noSuchPart', 'No such part.');
      const body = parse(stepRequestSchema, request.body);
      const assessmentId = await step(client, id, body);
      await audit(client, request, `assignment.${body.action}`, null, id, { assessmentId });
      return {
        assignments: await myAssignments(client),
        assessment: await assessmentAssignments(client, assessmentId),
      };
    }),
  );

  app.all('/api/*', () => {
    throw new HttpError(404, 'notFound', 'There is no such address in this server’s API.');
  });

  if (options.dist) serveApp(app, options.dist, log);

  await app.listen({ host: options.host ?? '127.0.0.1', port: options.port ?? 8443 });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : (options.port ?? 0);
  return {
    port,
    host: options.host ?? '127.0.0.1',
    close: async () => {
      app.server.closeAllConnections();
      await app.close();
    },
  };
}

/** The production build, as the room server serves it: only its files, the index marked. */
function serveApp(app: FastifyInstance, distFolder: string, log: (line: string) => void): void {
  const dist = realpathSync(resolve(distFolder));
  const index = markedIndex(dist);
  const files = sirv(dist, {
    dev: false,
    etag: true,
    dotfiles: false,
    extensions: [],
    setHeaders(res, pathname) {
      res.setHeader(
        'Cache-Control',
        pathname.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache',
      );
    },
  });
  const sendIndex = (_request: FastifyRequest, reply: FastifyReply) =>
    reply.header('Cache-Control', 'no-cache').type('text/html; charset=utf-8').send(index);
  app.get('/', sendIndex);
  app.get('/index.html', sendIndex);
  app.get('/*', (request, reply) => {
    reply.hijack();
    const res = reply.raw;
    for (const [name, value] of Object.entries(COMMON_HEADERS)) res.setHeader(name, value);
    res.once('pipe', (source: NodeJS.ReadableStream) => {
      source.once('error', (error: Error) => {
        log(`Could not read ${request.url}: ${error.message} (was dist/ rebuilt? restart the server)`);
        res.destroy();
      });
    });
    files(request.raw, res, () => {
      res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' });
      res.end('Not found\n');
    });
  });
}
