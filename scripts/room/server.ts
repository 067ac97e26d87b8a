/**
 * The room server: serves the production build (`dist/`) to the room's network with sirv, and
 * collects participants' answers (`POST /api/submissions`, documented in the README). What it
 * accepts is decided by the pure checks in `src/room/checks.ts`; this file only reads requests,
 * calls them, stores what they allow (`data.ts`) and answers.
 *
 * - Only files of the build are served, never the data folder (which must lie outside the build).
 * - The facilitator's endpoints (start collecting, read what arrived) answer only requests made
 *   on this laptop, to `localhost`, `127.0.0.1` or `[::1]`.
 * - Every client is rate-limited by its address (`429` with `Retry-After`); the others carry on.
 * - Every request gets a deliberate status (tested with hostile requests in
 *   `tests/unit/room/server.test.ts`); the last-resort 500 below is for faults of this laptop
 *   (a disk that fails), never for what a client sends.
 */
import { existsSync, readFileSync, realpathSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { isAbsolute, join, relative, resolve } from 'node:path';
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import sirv from 'sirv';
import {
  checkJoinNotice,
  checkSetup,
  checkSubmission,
  checkWorkshopQuestionnaire,
  decideStored,
  failure,
  joinCodeOf,
  receiptOf,
  tooLarge,
  workshopOfCode,
  type Failure,
  type RoomWorkshop,
} from '../../src/room/checks.ts';
import {
  JOIN_CODE_HEADER,
  MAX_JOIN_NOTICE_BYTES,
  MAX_SETUP_BYTES,
  ROOM_API_VERSION,
  ROOM_META_NAME,
  ROOM_SERVICE,
  type RoomInfo,
  type SubmissionSummary,
} from '../../src/room/protocol.ts';
import { MAX_PAYLOAD_BYTES } from '../../src/workshop/payload.ts';
import { MAX_SETUP_WITH_QUESTIONNAIRE_BYTES } from '../../src/workshop/setupFile.ts';
import { workshopIdSchema } from '../../src/workshop/setup.ts';
import { roomAddresses } from './addresses.ts';
import { decideRange, rangeForSirv } from './range.ts';
import { openRoomData, type RoomData } from './data.ts';
import { loadClauseIds } from '../lib/questionnaires.ts';

export interface RoomLimits {
  /** Requests of any kind one client may make per window (loading the app takes about a hundred). */
  requests: number;
  requestWindowSeconds: number;
  /** Answers and join notices one client may send per window. */
  sends: number;
  sendWindowSeconds: number;
}

export const DEFAULT_LIMITS: RoomLimits = {
  requests: 600,
  requestWindowSeconds: 60,
  sends: 30,
  sendWindowSeconds: 60,
};

export interface RoomServerOptions {
  /** The production build to serve. */
  dist: string;
  /** Where answers are stored; must not lie inside `dist`. */
  data: string;
  host?: string;
  /** 0 picks a free port. */
  port?: number;
  limits?: Partial<RoomLimits>;
  log?: (line: string) => void;
  /** The clause ids a questionnaire may cite; the repository's registry when not given. */
  knownClauses?: ReadonlySet<string>;
}

export interface RunningRoom {
  server: Server;
  port: number;
  host: string;
  /** Where participants open the app (see `roomAddresses`). */
  addresses: string[];
  localOnly: boolean;
  data: RoomData;
  close: () => Promise<void>;
}

/** Reading more than this of a refused body is not worth it: the connection is cut instead. */
const DRAIN_LIMIT = 4 * MAX_PAYLOAD_BYTES;
const LOOPBACK_ADDRESSES = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);
const LOOPBACK_HOST = /^(localhost|127\.0\.0\.1|\[::1\])(:\d+)?$/i;

export class RoomSetupError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RoomSetupError';
  }
}

function isInside(folder: string, path: string): boolean {
  const rel = relative(folder, path);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}

/** The build's index.html with the mark by which the app knows the room server served it. */
function markedIndex(dist: string): string {
  let html: string;
  try {
    html = readFileSync(join(dist, 'index.html'), 'utf8');
  } catch {
    throw new RoomSetupError(`There is no build in ${dist}: run \`npm run build\` first.`);
  }
  const charset = /<meta charset="[^"]*"\s*\/?>/i;
  if (!charset.test(html))
    throw new RoomSetupError(`${dist}/index.html has no <meta charset>; rebuild the app.`);
  return html.replace(
    charset,
    (tag) => `${tag}\n    <meta name="${ROOM_META_NAME}" content="${ROOM_API_VERSION}" />`,
  );
}

const COMMON_HEADERS: Readonly<Record<string, string>> = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  // The page's own policy comes in a meta tag, which cannot forbid framing.
  'Content-Security-Policy': "frame-ancestors 'none'",
};

function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    ...COMMON_HEADERS,
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
    'Cache-Control': 'no-store',
    ...headers,
  });
  res.end(text);
}

function sendFailure(
  res: ServerResponse,
  { status, body }: Failure,
  headers: Record<string, string> = {},
): void {
  sendJson(res, status, body, headers);
}

type Body = { ok: true; text: string } | { ok: false; error: Failure; close: boolean };

/** Reads a request body of at most `limit` bytes as UTF-8 text. */
function readBody(req: IncomingMessage, limit: number): Promise<Body> {
  const declared = Number(req.headers['content-length']);
  if (declared > DRAIN_LIMIT) return Promise.resolve({ ok: false, error: tooLarge(limit), close: true });
  return new Promise((resolvePromise) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let done = false;
    const finish = (body: Body) => {
      if (done) return;
      done = true;
      resolvePromise(body);
    };
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limit) chunks.push(chunk);
      else if (size > DRAIN_LIMIT) finish({ ok: false, error: tooLarge(limit), close: true });
    });
    req.on('end', () => {
      if (size > limit) return finish({ ok: false, error: tooLarge(limit), close: true });
      try {
        finish({ ok: true, text: new TextDecoder('utf-8', { fatal: true }).decode(Buffer.concat(chunks)) });
      } catch {
        const message = 'The request body is not UTF-8 text; nothing was stored.';
        finish({ ok: false, error: failure(400, 'malformed', message), close: false });
      }
    });
    req.on('error', () => finish({ ok: false, error: tooLarge(limit), close: true }));
  });
}

function isJson(req: IncomingMessage): boolean {
  return /^application\/json\s*(;|$)/i.test(req.headers['content-type'] ?? '');
}

/**
 * A request from a page of another site is refused: its Origin must be this server's own
 * address, compared as an origin (scheme, host and port; the server speaks only http). An Origin
 * that is not an address (`null` from a sandboxed page or a file) is another site too.
 */
function crossOrigin(req: IncomingMessage): boolean {
  const origin = req.headers.origin;
  if (origin === undefined) return false;
  const own = URL.parse(`http://${req.headers.host ?? ''}`);
  const theirs = URL.parse(origin);
  return !own || !theirs || own.host === '' || theirs.origin !== own.origin;
}

function isFacilitator(req: IncomingMessage): boolean {
  return LOOPBACK_ADDRESSES.has(req.socket.remoteAddress ?? '') && LOOPBACK_HOST.test(req.headers.host ?? '');
}

const short = (id: string) => id.slice(0, 8);

export async function startRoomServer(options: RoomServerOptions): Promise<RunningRoom> {
  if (!existsSync(options.dist))
    throw new RoomSetupError(`There is no build in ${options.dist}: run \`npm run build\` first.`);
  const dist = realpathSync(resolve(options.dist));
  const dataRoot = resolve(options.data);
  if (isInside(dist, dataRoot))
    throw new RoomSetupError(
      `The data folder (${dataRoot}) must not be inside the build (${dist}), which is served to everyone.`,
    );
  const log = options.log ?? (() => undefined);
  const limits = { ...DEFAULT_LIMITS, ...options.limits };
  const host = options.host ?? '127.0.0.1';
  const knownClauses = options.knownClauses ?? loadClauseIds();

  const index = markedIndex(dist);
  const data = await openRoomData(dataRoot, log);
  const files = sirv(dist, {
    dev: false,
    etag: true,
    dotfiles: false,
    extensions: [],
    setHeaders(res, pathname, stats) {
      // Called just before sirv sends the file: the one place that knows its size.
      const { req } = res;
      const range = rangeForSirv(decideRange(req.headers.range, stats.size), stats.size);
      if (range === undefined) delete req.headers.range;
      else req.headers.range = range;
      for (const [name, value] of Object.entries(COMMON_HEADERS)) res.setHeader(name, value);
      // Hashed file names never change content; everything else is checked each time.
      res.setHeader(
        'Cache-Control',
        pathname.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache',
      );
    },
  });
  const requests = new RateLimiterMemory({ points: limits.requests, duration: limits.requestWindowSeconds });
  const sends = new RateLimiterMemory({ points: limits.sends, duration: limits.sendWindowSeconds });
  const lastWarned = new Map<string, number>();

  /** One write at a time per workshop, so two sends from one participant cannot interleave. */
  const queues = new Map<string, Promise<unknown>>();
  function serialized<T>(key: string, task: () => Promise<T>): Promise<T> {
    const next = (queues.get(key) ?? Promise.resolve()).then(task, task);
    queues.set(
      key,
      next.catch(() => undefined),
    );
    return next;
  }

  let running: { port: number; addresses: string[]; localOnly: boolean } = {
    port: 0,
    addresses: [],
    localOnly: true,
  };

  /** `true` when the client may go on; otherwise the 429 is sent. */
  async function withinLimit(
    limiter: RateLimiterMemory,
    client: string,
    res: ServerResponse,
  ): Promise<boolean> {
    try {
      await limiter.consume(client);
      return true;
    } catch (rejection) {
      if (!(rejection instanceof RateLimiterRes)) throw rejection;
      const retryAfter = Math.max(1, Math.ceil(rejection.msBeforeNext / 1000));
      const now = Date.now();
      if ((lastWarned.get(client) ?? 0) < now - 60_000) {
        lastWarned.set(client, now);
        log(`Too many requests from ${client}: asked to wait ${retryAfter} s.`);
      }
      const message = `Too many requests from this device; try again in ${retryAfter} seconds.`;
      sendFailure(res, failure(429, 'tooManyRequests', message, { retryAfter }), {
        'Retry-After': String(retryAfter),
      });
      return false;
    }
  }

  /** Reads a JSON body for an endpoint, answering the refusals common to all of them. */
  async function jsonBody(
    req: IncomingMessage,
    res: ServerResponse,
    limit: number,
  ): Promise<string | undefined> {
    if (crossOrigin(req)) {
      req.resume();
      sendFailure(res, failure(403, 'otherSite', 'Requests from pages of other sites are refused.'));
      return undefined;
    }
    if (!isJson(req)) {
      req.resume();
      const message = 'Send the body as JSON, with the header "Content-Type: application/json".';
      sendFailure(res, failure(415, 'unsupportedMediaType', message));
      return undefined;
    }
    const body = await readBody(req, limit);
    if (body.ok) return body.text;
    sendFailure(res, body.error, body.close ? { Connection: 'close' } : {});
    if (body.close) res.on('finish', () => req.destroy());
    return undefined;
  }

  const joinCodeOfRequest = (req: IncomingMessage) => {
    const value = req.headers[JOIN_CODE_HEADER.toLowerCase()];
    return Array.isArray(value) ? value[0] : value;
  };

  async function postSubmission(req: IncomingMessage, res: ServerResponse, client: string): Promise<void> {
    if (!(await withinLimit(sends, client, res))) {
      req.resume();
      return;
    }
    const text = await jsonBody(req, res, MAX_PAYLOAD_BYTES);
    if (text === undefined) return;
    const checked = checkSubmission(text, { workshop: data.workshop, joinCode: joinCodeOfRequest(req) });
    if (!checked.ok) {
      log(`Refused answers from ${client}: ${checked.error.body.error}.`);
      return sendFailure(res, checked.error);
    }
    const { payload, canonical } = checked.value;
    await serialized(payload.workshopId, async () => {
      const existing = await data.readSubmission(payload.workshopId, payload.participantId);
      const status = decideStored(payload, existing?.payload);
      if (status === 'keptNewer' && existing) {
        const message =
          'The facilitator already has newer answers from this participant; these were not stored.';
        const receipt = receiptOf(existing.payload, existing.receivedAt);
        return sendFailure(res, failure(409, 'keptNewer', message, { receipt }));
      }
      const receivedAt =
        status === 'alreadyReceived' && existing ? existing.receivedAt : new Date().toISOString();
      if (status !== 'alreadyReceived')
        await data.saveSubmission(payload.workshopId, payload.participantId, canonical);
      log(
        `Answers ${status} from participant ${short(payload.participantId)} (workshop ${payload.workshopId}).`,
      );
      sendJson(res, status === 'received' ? 201 : 200, { status, receipt: receiptOf(payload, receivedAt) });
    });
  }

  async function postJoin(req: IncomingMessage, res: ServerResponse, client: string): Promise<void> {
    if (!(await withinLimit(sends, client, res))) {
      req.resume();
      return;
    }
    const text = await jsonBody(req, res, MAX_JOIN_NOTICE_BYTES);
    if (text === undefined) return;
    const checked = checkJoinNotice(text, { workshop: data.workshop, joinCode: joinCodeOfRequest(req) });
    if (!checked.ok) return sendFailure(res, checked.error);
    const { notice, canonical } = checked.value;
    const known = await serialized(notice.workshopId, async () => {
      const before = (await data.listJoins(notice.workshopId)).some(
        (entry) => entry.participantId === notice.participantId,
      );
      await data.saveJoin(notice.workshopId, notice.participantId, canonical);
      return before;
    });
    if (!known) log(`Participant ${short(notice.participantId)} joined workshop ${notice.workshopId}.`);
    sendJson(res, known ? 200 : 201, { status: 'joined' });
  }

  async function postWorkshop(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const text = await jsonBody(req, res, MAX_SETUP_BYTES);
    if (text === undefined) return;
    const checked = checkSetup(text);
    if (!checked.ok) return sendFailure(res, checked.error);
    const setup = checked.value;
    const existing = data.workshop(setup.id);
    const workshop: RoomWorkshop = {
      setup,
      joinCode: joinCodeOf(setup),
      openedAt: existing?.openedAt ?? new Date().toISOString(),
    };
    // Sent again (the facilitator's page reloaded): the questionnaire sent for it stays.
    const kept = existing?.questionnaire;
    if (kept && kept.id === setup.questionnaire.id && kept.version === setup.questionnaire.version)
      workshop.questionnaire = kept;
    await serialized(setup.id, () => data.saveWorkshop(workshop));
    if (!existing) log(`Collecting answers for workshop “${setup.name}” (${setup.id}).`);
    sendJson(res, existing ? 200 : 201, {
      workshopId: setup.id,
      joinCode: workshop.joinCode,
      openedAt: workshop.openedAt,
    });
  }

  async function getWorkshop(
    res: ServerResponse,
    workshopId: string,
    what: 'status' | 'submissions',
  ): Promise<void> {
    const workshop = data.workshop(workshopId);
    if (what === 'status' && !workshop) return sendJson(res, 200, { workshopId, collecting: false });
    if (!workshop) {
      return sendFailure(
        res,
        failure(404, 'unknownWorkshop', `No workshop with id ${workshopId} collects answers here.`),
      );
    }
    const received = await data.listSubmissions(workshopId);
    if (what === 'submissions') {
      return sendJson(res, 200, {
        files: received.map(({ name, receivedAt, text }) => ({ name, receivedAt, text })),
      });
    }
    const submissions: SubmissionSummary[] = received.map(({ payload, receivedAt }) => ({
      participantId: payload.participantId,
      checksum: payload.checksum,
      updatedAt: payload.updatedAt,
      createdAt: payload.createdAt,
      receivedAt,
    }));
    sendJson(res, 200, {
      workshopId,
      collecting: true,
      questionnaire: workshop.setup.questionnaire,
      openedAt: workshop.openedAt,
      joins: await data.listJoins(workshopId),
      submissions,
    });
  }

  /** Facilitator: the questionnaire of a workshop that collects here, when it is an added one. */
  async function putQuestionnaire(
    req: IncomingMessage,
    res: ServerResponse,
    workshopId: string,
  ): Promise<void> {
    const workshop = data.workshop(workshopId);
    if (!workshop) {
      req.resume();
      const message = `No workshop with id ${workshopId} collects answers here: start collecting first.`;
      return sendFailure(res, failure(404, 'unknownWorkshop', message));
    }
    const text = await jsonBody(req, res, MAX_SETUP_WITH_QUESTIONNAIRE_BYTES);
    if (text === undefined) return;
    const checked = checkWorkshopQuestionnaire(text, workshop, knownClauses);
    if (!checked.ok) return sendFailure(res, checked.error);
    await serialized(workshopId, () => data.saveWorkshop({ ...workshop, questionnaire: checked.value }));
    log(`Serving questionnaire “${workshop.setup.questionnaire.id}” to the participants of ${workshopId}.`);
    sendJson(res, 200, { status: 'stored' });
  }

  /** Participant: the questionnaire of the workshop whose join code the request carries. */
  function getQuestionnaire(req: IncomingMessage, res: ServerResponse): void {
    const workshop = workshopOfCode(data.workshops(), joinCodeOfRequest(req));
    if (!workshop?.questionnaire) {
      const message =
        'No workshop collecting here has this code and a questionnaire to serve: check the code with the facilitator.';
      return sendFailure(res, failure(404, 'unknownWorkshop', message));
    }
    sendJson(res, 200, workshop.questionnaire);
  }

  function methodNotAllowed(req: IncomingMessage, res: ServerResponse, allow: string): void {
    req.resume();
    sendFailure(res, failure(405, 'methodNotAllowed', `Use ${allow} here.`), { Allow: allow });
  }

  async function api(req: IncomingMessage, res: ServerResponse, path: string, client: string): Promise<void> {
    const method = req.method ?? 'GET';
    const facilitatorOnly = () => {
      req.resume();
      const message = 'Only the laptop running the room server can do this, from http://localhost.';
      sendFailure(res, failure(403, 'facilitatorOnly', message));
    };
    if (path === '/api/room') {
      if (method !== 'GET') return methodNotAllowed(req, res, 'GET');
      const info: RoomInfo = {
        service: ROOM_SERVICE,
        version: ROOM_API_VERSION,
        addresses: running.addresses,
        localOnly: running.localOnly,
        facilitator: isFacilitator(req),
      };
      return sendJson(res, 200, info);
    }
    if (path === '/api/submissions') {
      if (method !== 'POST') return methodNotAllowed(req, res, 'POST');
      return postSubmission(req, res, client);
    }
    if (path === '/api/joins') {
      if (method !== 'POST') return methodNotAllowed(req, res, 'POST');
      return postJoin(req, res, client);
    }
    if (path === '/api/workshops') {
      if (method !== 'POST') return methodNotAllowed(req, res, 'POST');
      if (!isFacilitator(req)) return facilitatorOnly();
      return postWorkshop(req, res);
    }
    if (path === '/api/questionnaire') {
      if (method !== 'GET') return methodNotAllowed(req, res, 'GET');
      return getQuestionnaire(req, res);
    }
    const questionnaireOf = /^\/api\/workshops\/([^/]+)\/questionnaire$/.exec(path);
    if (questionnaireOf && workshopIdSchema.safeParse(questionnaireOf[1]).success) {
      if (method !== 'PUT') return methodNotAllowed(req, res, 'PUT');
      if (!isFacilitator(req)) return facilitatorOnly();
      return putQuestionnaire(req, res, questionnaireOf[1]!);
    }
    const match = /^\/api\/workshops\/([^/]+)(\/submissions)?$/.exec(path);
    if (match && workshopIdSchema.safeParse(match[1]).success) {
      if (method !== 'GET') return methodNotAllowed(req, res, 'GET');
      if (!isFacilitator(req)) return facilitatorOnly();
      return getWorkshop(res, match[1]!, match[2] ? 'submissions' : 'status');
    }
    req.resume();
    sendFailure(res, failure(404, 'notFound', 'There is no such address in the room server’s API.'));
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const client = req.socket.remoteAddress ?? 'unknown';
    if (!(await withinLimit(requests, client, res))) return void req.resume();
    // The raw path, not a URL object: "//host/x" must stay a path here.
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    if (path.startsWith('/api/')) return api(req, res, path, client);
    if (req.method !== 'GET' && req.method !== 'HEAD') return methodNotAllowed(req, res, 'GET, HEAD');
    if (path === '/' || path === '/index.html') {
      res.writeHead(200, {
        ...COMMON_HEADERS,
        'Content-Type': 'text/html; charset=utf-8',
        'Content-Length': Buffer.byteLength(index),
        'Cache-Control': 'no-cache',
      });
      return void res.end(req.method === 'HEAD' ? undefined : index);
    }
    // sirv streams a file it listed at start; if the build was replaced meanwhile, the file may be
    // gone: end this one response instead of letting the stream's error stop the room.
    res.once('pipe', (source: NodeJS.ReadableStream) => {
      source.once('error', (error: NodeJS.ErrnoException) => {
        log(
          error.code === 'ENOENT'
            ? `${path} is no longer in the build (was dist/ rebuilt?): restart the room server to serve the new build.`
            : `Could not read ${path}: ${error.message}`,
        );
        res.destroy();
      });
    });
    files(req, res, () => {
      res.writeHead(404, {
        ...COMMON_HEADERS,
        'Content-Type': 'text/plain; charset=utf-8',
        'Cache-Control': 'no-store',
      });
      res.end('Not found\n');
    });
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      log(
        `Could not answer ${req.method} ${req.url}: ${error instanceof Error ? error.message : String(error)}`,
      );
      if (res.headersSent) return void res.destroy();
      const message = 'The room server could not store this; nothing was kept. Try again.';
      sendFailure(res, failure(500, 'storageFailed', message));
    });
  });
  // A client that sends slowly must not hold a connection for ever.
  server.headersTimeout = 15_000;
  server.requestTimeout = 60_000;

  await new Promise<void>((resolvePromise, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 8080, host, () => {
      server.off('error', reject);
      resolvePromise();
    });
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : (options.port ?? 0);
  const listing = roomAddresses(host, port);
  running = { port, ...listing };

  return {
    server,
    port,
    host,
    addresses: listing.addresses,
    localOnly: listing.localOnly,
    data,
    close: () =>
      new Promise<void>((resolvePromise, reject) => {
        server.close((error) => (error ? reject(error) : resolvePromise()));
        server.closeAllConnections();
      }),
  };
}
