/**
 * The room server on 127.0.0.1 with a free port, over real HTTP: every accept and refuse path.
 * Requests from 127.0.0.2 stand for another device in the room (still the loopback network, so
 * nothing leaves the machine), which the server must not take for the facilitator's laptop.
 */
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startRoomServer, type RoomLimits, type RunningRoom } from '../../../scripts/room/server.ts';
import { joinCodeOf } from '../../../src/room/checks.ts';
import { makeJoinNotice } from '../../../src/room/joinNotice.ts';
import { JOIN_CODE_HEADER, ROOM_META_NAME } from '../../../src/room/protocol.ts';
import { receive } from '../../../src/workshop/importer.ts';
import { MAX_PAYLOAD_BYTES, payloadFileText, type Payload } from '../../../src/workshop/payload.ts';
import { encodeJoinCode } from '../../../src/workshop/joinCode.ts';
import { joinInfoOf, type WorkshopSetup } from '../../../src/workshop/setup.ts';
import { answers, pillar, question, questionnaire, value } from '../builders.ts';
import { NOW, PARTICIPANT, payloadFor, QUESTIONNAIRE, workshop } from '../workshop/fixtures.ts';

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
  json: () => Record<string, unknown>;
}

let root = '';
let dist = '';
let data = '';
let room: RunningRoom | undefined;

async function start(limits: Partial<RoomLimits> = {}): Promise<RunningRoom> {
  room = await startRoomServer({ dist, data, host: '127.0.0.1', port: 0, limits });
  return room;
}

/** A raw HTTP request: the path goes out exactly as written (no URL normalisation). */
function send(
  method: string,
  path: string,
  {
    body,
    headers = {},
    from,
  }: { body?: string | Buffer; headers?: Record<string, string>; from?: string } = {},
): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      {
        host: '127.0.0.1',
        port: room!.port,
        method,
        path,
        headers: { Host: `localhost:${room!.port}`, ...headers },
        localAddress: from,
        agent: false,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          resolve({ status: res.statusCode ?? 0, headers: res.headers, text, json: () => JSON.parse(text) });
        });
      },
    );
    req.on('error', reject);
    if (body !== undefined) req.end(body);
    else req.end();
  });
}

const JSON_TYPE = { 'Content-Type': 'application/json' };
/** A participant's phone on the room's network. */
const PHONE = '127.0.0.2';

function postJson(path: string, body: unknown, extra: Record<string, string> = {}, from: string = PHONE) {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  return send('POST', path, { body: text, headers: { ...JSON_TYPE, ...extra }, from });
}

async function openWorkshop(setup: WorkshopSetup): Promise<Reply> {
  return postJson('/api/workshops', setup, {}, '127.0.0.1');
}

const sendAnswers = (payload: Payload | string, code: string | undefined, from = PHONE) =>
  postJson(
    '/api/submissions',
    typeof payload === 'string' ? payload : payloadFileText(payload),
    code ? { [JOIN_CODE_HEADER]: code } : {},
    from,
  );

async function storedFiles(workshopId: string): Promise<string[]> {
  try {
    return (await readdir(join(data, workshopId, 'submissions'))).sort();
  } catch {
    return [];
  }
}

const given = answers({ exists: value('yes'), level: value(4) });
/** A file of the build larger than the ranges asked of it. */
const BIG = `// ${'0123456789'.repeat(100)}\n`;

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'baseline-room-'));
  dist = join(root, 'dist');
  data = join(root, 'room-data');
  await mkdir(join(dist, 'assets'), { recursive: true });
  await writeFile(
    join(dist, 'index.html'),
    '<!doctype html><html><head><meta charset="UTF-8" /></head></html>',
  );
  await writeFile(join(dist, 'assets', 'app.js'), 'console.log("app")');
  await writeFile(join(dist, 'assets', 'big.js'), BIG);
  await writeFile(join(dist, '.secret'), 'dotfile');
  await writeFile(join(root, 'outside.txt'), 'not to be served');
});

afterEach(async () => {
  await room?.close();
  room = undefined;
  await rm(root, { recursive: true, force: true });
});

describe('the room server serves the app', () => {
  it('serves the build, marking its page as served by the room', async () => {
    await start();
    const page = await send('GET', '/');
    expect(page.status).toBe(200);
    expect(page.text).toContain(`<meta name="${ROOM_META_NAME}"`);
    expect((await send('GET', '/index.html')).text).toContain(ROOM_META_NAME);
    const script = await send('GET', '/assets/app.js');
    expect(script.status).toBe(200);
    expect(script.headers['content-type']).toMatch(/javascript/);
    expect(script.headers['cache-control']).toContain('immutable');
    expect(script.headers['x-content-type-options']).toBe('nosniff');
  });

  it.each([
    '/../outside.txt',
    '/%2e%2e/outside.txt',
    '/..%2foutside.txt',
    '/assets/..%2f..%2foutside.txt',
    '/assets/%2e%2e/%2e%2e/outside.txt',
    '//outside.txt',
    '/.secret',
    '/room-data/',
    '/..\\outside.txt',
  ])('never serves a file outside the build: %s', async (path) => {
    await start();
    const reply = await send('GET', path);
    expect(reply.status).toBe(404);
    expect(reply.text).not.toContain('not to be served');
    expect(reply.text).not.toContain('dotfile');
  });

  it('never serves the stored answers, whatever the path', async () => {
    const { setup } = workshop();
    await start();
    await openWorkshop(setup);
    expect((await sendAnswers(payloadFor(setup, given), joinCodeOf(setup))).status).toBe(201);
    for (const path of [
      `/room-data/${setup.id}/submissions/${PARTICIPANT}.json`,
      `/../room-data/${setup.id}/submissions/${PARTICIPANT}.json`,
      `/%2e%2e/room-data/${setup.id}/workshop.json`,
      `/${setup.id}/submissions/${PARTICIPANT}.json`,
    ]) {
      const reply = await send('GET', path);
      expect(reply.status, path).toBe(404);
      expect(reply.text).not.toContain(setup.id);
    }
  });

  it('carries on when a file of the build disappears while it runs (dist/ rebuilt)', async () => {
    const lines: string[] = [];
    room = await startRoomServer({ dist, data, host: '127.0.0.1', port: 0, log: (line) => lines.push(line) });
    await rm(join(dist, 'assets', 'app.js'));
    const outcome = await new Promise<string>((resolve) => {
      const req = httpRequest(
        { host: '127.0.0.1', port: room!.port, path: '/assets/app.js', agent: false },
        (res) => {
          res.on('error', () => resolve('cut'));
          res.on('end', () => resolve(`ended ${res.statusCode}`));
          res.resume();
        },
      );
      req.on('error', () => resolve('cut'));
      req.end();
    });
    expect(outcome).not.toBe('ended 200');
    expect(lines.join('\n')).toContain('restart the room server');
    expect((await send('GET', '/')).status).toBe(200);
  });

  it('refuses to start with its data folder inside the build', async () => {
    await expect(startRoomServer({ dist, data: join(dist, 'room-data'), port: 0 })).rejects.toThrow(
      /must not be inside the build/,
    );
  });

  it('refuses to start without a build', async () => {
    await mkdir(join(root, 'empty'));
    await expect(startRoomServer({ dist: join(root, 'empty'), data, port: 0 })).rejects.toThrow(
      /npm run build/,
    );
    await expect(startRoomServer({ dist: join(root, 'absent'), data, port: 0 })).rejects.toThrow(
      /npm run build/,
    );
  });

  it('says where it is and whether the caller is the facilitator’s laptop', async () => {
    await start();
    const own = (await send('GET', '/api/room')).json();
    expect(own).toEqual({
      service: 'baseline-room',
      version: 1,
      addresses: [`http://127.0.0.1:${room!.port}/`],
      localOnly: true,
      facilitator: true,
    });
    expect((await send('GET', '/api/room', { from: PHONE })).json()).toMatchObject({ facilitator: false });
  });
});

describe('collecting answers', () => {
  it('stores accepted answers durably, as the answers it checked, and gives a receipt', async () => {
    const { setup } = workshop();
    await start();
    expect((await openWorkshop(setup)).status).toBe(201);
    const payload = payloadFor(setup, given);
    const reply = await sendAnswers(payload, joinCodeOf(setup));
    expect(reply.status).toBe(201);
    expect(reply.json()).toMatchObject({
      status: 'received',
      receipt: { workshopId: setup.id, participantId: PARTICIPANT, checksum: payload.checksum },
    });
    expect(await storedFiles(setup.id)).toEqual([`${PARTICIPANT}.json`]);
    const stored = await readFile(join(data, setup.id, 'submissions', `${PARTICIPANT}.json`), 'utf8');
    // Written anew from what was checked (an answers file as any other), saying what was sent.
    expect(JSON.parse(stored)).toEqual(payload);
    expect(stored.endsWith('\n')).toBe(true);
    // No temporary file is left behind.
    expect(await readdir(join(data, setup.id, 'submissions'))).toEqual([`${PARTICIPANT}.json`]);
  });

  it('accepts the join code as people type it', async () => {
    const { setup } = workshop();
    await start();
    await openWorkshop(setup);
    const typed = joinCodeOf(setup)
      .toLowerCase()
      .replace(/(.{4})/g, '$1-');
    expect((await sendAnswers(payloadFor(setup, given), typed)).status).toBe(201);
  });

  it('keeps the newer answers of a participant who sends twice, and says so', async () => {
    const { setup } = workshop();
    await start();
    await openWorkshop(setup);
    const code = joinCodeOf(setup);
    const first = payloadFor(setup, given, { updatedAt: '2026-03-10T10:00:00.000Z' });
    const later = payloadFor(setup, answers({ exists: value('no') }), {
      updatedAt: '2026-03-10T11:00:00.000Z',
    });
    expect((await sendAnswers(first, code)).status).toBe(201);
    const replaced = await sendAnswers(later, code);
    expect(replaced.status).toBe(200);
    expect(replaced.json()).toMatchObject({ status: 'replaced', receipt: { checksum: later.checksum } });
    expect((await sendAnswers(later, code)).json()).toMatchObject({ status: 'alreadyReceived' });

    const older = await sendAnswers(first, code);
    expect(older.status).toBe(409);
    expect(older.json()).toMatchObject({ error: 'keptNewer', receipt: { checksum: later.checksum } });
    const stored = await readFile(join(data, setup.id, 'submissions', `${PARTICIPANT}.json`), 'utf8');
    expect(JSON.parse(stored)).toMatchObject({ checksum: later.checksum });
  });

  it('takes sealed answers it cannot read, and the facilitator’s importer opens what it stored', async () => {
    const { setup, secretKey } = workshop({ sealed: true });
    await start();
    await openWorkshop(setup);
    expect((await sendAnswers(payloadFor(setup, given), joinCodeOf(setup))).status).toBe(201);

    const files = (await send('GET', `/api/workshops/${setup.id}/submissions`)).json() as {
      files: { name: string; text: string }[];
    };
    expect(files.files).toHaveLength(1);
    const outcome = receive(files.files[0]!.text, {
      file: files.files[0]!.name,
      setup,
      questionnaire: QUESTIONNAIRE,
      secretKey,
      existing: () => undefined,
      via: 'network',
      now: NOW,
    });
    expect(outcome).toMatchObject({ kind: 'added', submission: { answers: given, via: 'network' } });
  });

  it('keeps everything through a restart', async () => {
    const { setup } = workshop();
    await start();
    await openWorkshop(setup);
    const payload = payloadFor(setup, given);
    const participant = { ...joinInfoOf(setup) };
    await postJson(
      '/api/joins',
      makeJoinNotice({
        join: participant,
        participantId: PARTICIPANT,
        group: 'academia',
        joinedAt: NOW.toISOString(),
      }),
      {
        [JOIN_CODE_HEADER]: joinCodeOf(setup),
      },
    );
    await sendAnswers(payload, joinCodeOf(setup));
    await room!.close();

    await start();
    const status = (await send('GET', `/api/workshops/${setup.id}`)).json();
    expect(status).toMatchObject({
      collecting: true,
      joins: [{ participantId: PARTICIPANT, content: { kind: 'plain', group: 'academia' } }],
      submissions: [{ participantId: PARTICIPANT, checksum: payload.checksum }],
    });
    // Still collecting after the restart, with the same rules.
    expect((await sendAnswers(payload, joinCodeOf(setup))).json()).toMatchObject({
      status: 'alreadyReceived',
    });
  });
});

describe('refusing bad traffic, writing nothing', () => {
  async function refused(reply: Promise<Reply>, status: number, error: string, setup?: WorkshopSetup) {
    const answer = await reply;
    expect(answer.status).toBe(status);
    expect(answer.headers['content-type']).toMatch(/^application\/json/);
    expect(answer.json()).toMatchObject({ error, message: expect.any(String) });
    if (setup) expect(await storedFiles(setup.id)).toEqual([]);
    return answer.json();
  }

  it('refuses a body that is not JSON', async () => {
    const { setup } = workshop();
    await start();
    await openWorkshop(setup);
    await refused(
      sendAnswers('{"format": "baseline-workshop-answers", ', joinCodeOf(setup)),
      400,
      'malformed',
      setup,
    );
  });

  it('refuses JSON that is not answers, saying where', async () => {
    const { setup } = workshop();
    await start();
    await openWorkshop(setup);
    const { participantId: _dropped, ...rest } = payloadFor(setup, given);
    const body = await refused(sendAnswers(JSON.stringify(rest), joinCodeOf(setup)), 400, 'malformed', setup);
    expect(body.problems).toEqual([
      {
        path: '$.participantId',
        code: 'schema.type',
        params: { expected: { term: 'text' }, found: { term: 'nothing' } },
        message: 'expected a text, found nothing',
      },
    ]);
  });

  it('refuses a body over the size limit', async () => {
    const { setup } = workshop();
    await start();
    await openWorkshop(setup);
    const huge = JSON.stringify({ ...payloadFor(setup, given), padding: 'x'.repeat(MAX_PAYLOAD_BYTES) });
    await refused(sendAnswers(huge, joinCodeOf(setup)), 413, 'tooLarge', setup);
    // The server carries on.
    expect((await sendAnswers(payloadFor(setup, given), joinCodeOf(setup))).status).toBe(201);
  });

  it('refuses a body that is not sent as JSON', async () => {
    const { setup } = workshop();
    await start();
    await openWorkshop(setup);
    const reply = send('POST', '/api/submissions', {
      body: payloadFileText(payloadFor(setup, given)),
      headers: { 'Content-Type': 'text/plain', [JOIN_CODE_HEADER]: joinCodeOf(setup) },
      from: PHONE,
    });
    await refused(reply, 415, 'unsupportedMediaType', setup);
  });

  it('refuses answers for a workshop that does not collect here', async () => {
    const { setup } = workshop();
    const other = workshop().setup;
    await start();
    await openWorkshop(setup);
    await refused(sendAnswers(payloadFor(other, given), joinCodeOf(other)), 404, 'unknownWorkshop', other);
    expect(await storedFiles(setup.id)).toEqual([]);
  });

  it('refuses a wrong or missing join code', async () => {
    const { setup } = workshop();
    const other = workshop().setup;
    await start();
    await openWorkshop(setup);
    await refused(sendAnswers(payloadFor(setup, given), joinCodeOf(other)), 403, 'wrongCode', setup);
    await refused(sendAnswers(payloadFor(setup, given), undefined), 403, 'wrongCode', setup);
    await refused(sendAnswers(payloadFor(setup, given), 'not-a-code'), 403, 'wrongCode', setup);
  });

  it('refuses answers sent by a page of another site', async () => {
    const { setup } = workshop();
    await start();
    await openWorkshop(setup);
    const reply = postJson('/api/submissions', payloadFileText(payloadFor(setup, given)), {
      [JOIN_CODE_HEADER]: joinCodeOf(setup),
      Origin: 'http://example.com',
    });
    await refused(reply, 403, 'otherSite', setup);
  });

  it('refuses answers whose checksum does not match', async () => {
    const { setup } = workshop();
    await start();
    await openWorkshop(setup);
    const payload = payloadFor(setup, given);
    const edited = { ...payload, updatedAt: '2026-03-10T12:00:00.000Z' };
    const body = await refused(sendAnswers(edited, joinCodeOf(setup)), 422, 'damaged', setup);
    expect(body.problems).toEqual([
      {
        path: '$.checksum',
        code: 'answers.checksum',
        params: {},
        message: expect.stringContaining('checksum'),
      },
    ]);
  });

  it('refuses plain answers to a workshop that seals them, and plain answers from a group it does not have', async () => {
    const sealed = workshop({ sealed: true }).setup;
    const plain = workshop().setup;
    await start();
    await openWorkshop(sealed);
    await openWorkshop(plain);
    const unsealed = payloadFor({ ...sealed, sealTo: undefined }, given);
    await refused(sendAnswers(unsealed, joinCodeOf(sealed)), 422, 'notSealed', sealed);
    await refused(
      sendAnswers(payloadFor(plain, given, { group: 'press' }), joinCodeOf(plain)),
      422,
      'unknownGroup',
      plain,
    );
  });

  it('keeps the facilitator’s endpoints to the laptop running the server', async () => {
    const { setup } = workshop();
    await start();
    await refused(postJson('/api/workshops', setup, {}, PHONE), 403, 'facilitatorOnly');
    expect(await readdir(data)).toEqual([]);
    await openWorkshop(setup);
    await refused(
      send('GET', `/api/workshops/${setup.id}/submissions`, { from: PHONE }),
      403,
      'facilitatorOnly',
    );
    await refused(send('GET', `/api/workshops/${setup.id}`, { from: PHONE }), 403, 'facilitatorOnly');
    // On the laptop, but through a name that is not localhost (a page of another site rebinding its name).
    await refused(
      send('GET', `/api/workshops/${setup.id}/submissions`, { headers: { Host: 'example.com' } }),
      403,
      'facilitatorOnly',
    );
    // A page of another site cannot post to it either.
    await refused(
      postJson('/api/workshops', setup, { Origin: 'http://example.com' }, '127.0.0.1'),
      403,
      'otherSite',
    );
  });

  it('refuses other methods and unknown API addresses', async () => {
    await start();
    const wrong = await send('GET', '/api/submissions');
    expect(wrong.status).toBe(405);
    expect(wrong.headers.allow).toBe('POST');
    await refused(send('GET', '/api/nothing'), 404, 'notFound');
    expect((await send('DELETE', '/index.html')).status).toBe(405);
  });

  it('limits each client politely, and serves the others meanwhile', async () => {
    const { setup } = workshop();
    await start({ sends: 3, sendWindowSeconds: 60, requests: 50, requestWindowSeconds: 60 });
    await openWorkshop(setup);
    const code = joinCodeOf(setup);
    const replies = [];
    for (let index = 0; index < 5; index += 1)
      replies.push(await sendAnswers(payloadFor(setup, given), code));
    expect(replies.map((reply) => reply.status)).toEqual([201, 200, 200, 429, 429]);
    const limited = replies[3]!;
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    expect(limited.json()).toMatchObject({
      error: 'tooManyRequests',
      retryAfter: Number(limited.headers['retry-after']),
    });

    // Another device in the room is not held up by the first.
    const other = payloadFor(setup, given, { participantId: '11111111-2222-4333-8444-555555555555' });
    expect((await sendAnswers(other, code, '127.0.0.3')).status).toBe(201);

    // A flood of page requests is limited too, without stopping the server.
    const flood = await Promise.all(
      Array.from({ length: 60 }, () => send('GET', '/assets/app.js', { from: '127.0.0.4' })),
    );
    expect(flood.filter((reply) => reply.status === 429).length).toBeGreaterThan(0);
    expect((await send('GET', '/assets/app.js', { from: '127.0.0.5' })).status).toBe(200);
  });
});

describe('join notices', () => {
  it('records who joined, and refuses a notice with a wrong code', async () => {
    const { setup } = workshop();
    await start();
    await openWorkshop(setup);
    const notice = makeJoinNotice({
      join: joinInfoOf(setup),
      participantId: PARTICIPANT,
      group: 'government',
      name: 'A. Person',
      joinedAt: NOW.toISOString(),
    });
    expect((await postJson('/api/joins', notice, { [JOIN_CODE_HEADER]: 'WRONG' })).status).toBe(403);
    expect((await postJson('/api/joins', notice, { [JOIN_CODE_HEADER]: joinCodeOf(setup) })).status).toBe(
      201,
    );
    expect((await postJson('/api/joins', notice, { [JOIN_CODE_HEADER]: joinCodeOf(setup) })).status).toBe(
      200,
    );
    const status = (await send('GET', `/api/workshops/${setup.id}`)).json();
    expect(status).toMatchObject({
      joins: [
        { participantId: PARTICIPANT, content: { kind: 'plain', group: 'government', name: 'A. Person' } },
      ],
      submissions: [],
    });
  });

  it('says that a workshop does not collect here without failing the request', async () => {
    const { setup } = workshop();
    await start();
    const reply = await send('GET', `/api/workshops/${setup.id}`);
    expect(reply.status).toBe(200);
    expect(reply.json()).toEqual({ workshopId: setup.id, collecting: false });
  });
});

describe('hostile requests: a deliberate answer to each, nothing stored, no server error', () => {
  interface Hostile {
    name: string;
    request: (setup: WorkshopSetup, code: string) => Promise<Reply>;
    status: number;
    /** The error code of an API refusal, or the first problem's code. */
    error?: string;
    problem?: string;
  }

  /** The answers as JSON, for editing into something hostile. */
  const plainAnswers = (setup: WorkshopSetup) =>
    JSON.parse(payloadFileText(payloadFor(setup, given))) as Record<string, unknown> & {
      content: { answers: Record<string, unknown> };
    };
  const answersWith = (
    setup: WorkshopSetup,
    code: string,
    edit: (json: ReturnType<typeof plainAnswers>) => void,
  ) => {
    const json = plainAnswers(setup);
    edit(json);
    return sendAnswers(JSON.stringify(json), code);
  };
  const sameOrigin = () => `http://localhost:${room!.port}`;

  const HOSTILE: Hostile[] = [
    {
      name: 'a 1.1 MB answers file with tens of thousands of keys',
      request: (setup, code) => {
        const json = plainAnswers(setup);
        for (let i = 0; i < 40_000; i++) json.content.answers[`q${i}`] = { questionId: `q${i}` };
        const text = JSON.stringify(json);
        expect(text.length).toBeGreaterThan(1_100_000);
        return sendAnswers(text, code);
      },
      status: 400,
      error: 'malformed',
      problem: 'file.tooManyMembers',
    },
    {
      name: 'tens of thousands of members at the top',
      request: (setup, code) =>
        answersWith(setup, code, (json) => {
          for (let i = 0; i < 30_000; i++) json[`m${i}`] = i;
        }),
      status: 400,
      error: 'malformed',
      problem: 'file.tooManyMembers',
    },
    {
      name: 'a lone UTF-16 surrogate in a comment (escaped)',
      request: (setup, code) =>
        sendAnswers(
          payloadFileText(payloadFor(setup, given)).replace(
            '"questionId": "exists"',
            '"comment": "\\ud800", "questionId": "exists"',
          ),
          code,
        ),
      status: 400,
      error: 'malformed',
      problem: 'file.brokenText',
    },
    {
      name: 'a lone surrogate encoded as bytes (not UTF-8)',
      request: (setup, code) => {
        const text = payloadFileText(payloadFor(setup, given)).replace('A. Person', 'A. @@@');
        const bytes = Buffer.from(text, 'utf8');
        bytes.set([0xed, 0xa0, 0x80], bytes.indexOf('@'));
        return send('POST', '/api/submissions', {
          body: bytes,
          headers: { ...JSON_TYPE, [JOIN_CODE_HEADER]: code },
          from: PHONE,
        });
      },
      status: 400,
      error: 'malformed',
    },
    {
      name: 'a __proto__ member at the top',
      request: (setup, code) =>
        sendAnswers(
          payloadFileText(payloadFor(setup, given)).replace('{', '{"__proto__": {"polluted": true},'),
          code,
        ),
      status: 400,
      error: 'malformed',
      problem: 'file.forbiddenKey',
    },
    {
      name: 'a __proto__ member inside an answer',
      request: (setup, code) =>
        sendAnswers(
          payloadFileText(payloadFor(setup, given)).replace(
            '"questionId": "exists"',
            '"__proto__": {}, "questionId": "exists"',
          ),
          code,
        ),
      status: 400,
      error: 'malformed',
      problem: 'file.forbiddenKey',
    },
    {
      name: 'a 500 kB member the format does not have',
      request: (setup, code) =>
        answersWith(setup, code, (json) => {
          json.note = 'x'.repeat(500_000);
        }),
      status: 400,
      error: 'malformed',
    },
    {
      name: 'a 500 kB member inside an answer',
      request: (setup, code) =>
        answersWith(setup, code, (json) => {
          (json.content.answers.exists as Record<string, unknown>).note = 'x'.repeat(500_000);
        }),
      status: 400,
      error: 'malformed',
    },
    {
      name: 'broken JSON',
      request: (_, code) => sendAnswers('{"format": ', code),
      status: 400,
      error: 'malformed',
    },
    { name: 'an empty body', request: (_, code) => sendAnswers('', code), status: 400, error: 'malformed' },
    { name: 'JSON null', request: (_, code) => sendAnswers('null', code), status: 400, error: 'malformed' },
    {
      name: 'a JSON list',
      request: (_, code) => sendAnswers('[1, 2]', code),
      status: 400,
      error: 'malformed',
    },
    {
      name: 'nesting 100,000 deep',
      request: (_, code) => sendAnswers(`${'['.repeat(100_000)}${']'.repeat(100_000)}`, code),
      status: 400,
      error: 'malformed',
      problem: 'file.tooDeep',
    },
    {
      name: 'a number out of range (1e400)',
      request: (setup, code) =>
        sendAnswers(payloadFileText(payloadFor(setup, given)).replace('"value": 4', '"value": 1e400'), code),
      status: 400,
      error: 'malformed',
      problem: 'file.notFinite',
    },
    {
      name: 'a declared length far over the limit',
      request: (_, code) =>
        send('POST', '/api/submissions', {
          body: '{}',
          headers: {
            ...JSON_TYPE,
            [JOIN_CODE_HEADER]: code,
            'Content-Length': String(50 * MAX_PAYLOAD_BYTES),
          },
          from: PHONE,
        }),
      status: 413,
      error: 'tooLarge',
    },
    {
      name: 'an Origin with another scheme (https)',
      request: (setup, code) =>
        postJson('/api/submissions', payloadFileText(payloadFor(setup, given)), {
          [JOIN_CODE_HEADER]: code,
          Origin: sameOrigin().replace('http:', 'https:'),
        }),
      status: 403,
      error: 'otherSite',
    },
    {
      name: 'an Origin with another port',
      request: (setup, code) =>
        postJson('/api/submissions', payloadFileText(payloadFor(setup, given)), {
          [JOIN_CODE_HEADER]: code,
          Origin: `http://localhost:${room!.port + 1}`,
        }),
      status: 403,
      error: 'otherSite',
    },
    {
      name: 'an opaque Origin (null)',
      request: (setup, code) =>
        postJson('/api/submissions', payloadFileText(payloadFor(setup, given)), {
          [JOIN_CODE_HEADER]: code,
          Origin: 'null',
        }),
      status: 403,
      error: 'otherSite',
    },
    {
      name: 'a join code that is not one',
      request: (setup) => sendAnswers(payloadFor(setup, given), '\u00e9\u00e9%%'.repeat(500)),
      status: 403,
      error: 'wrongCode',
    },
    {
      name: 'a join notice with a __proto__ member and a lone surrogate',
      request: (setup, code) => {
        const notice = JSON.stringify(
          makeJoinNotice({
            join: joinInfoOf(setup),
            participantId: PARTICIPANT,
            group: 'government',
            joinedAt: NOW.toISOString(),
          }),
        );
        return postJson(
          '/api/joins',
          notice.replace('"kind"', '"__proto__": {}, "name": "\\udc00", "kind"'),
          {
            [JOIN_CODE_HEADER]: code,
          },
        );
      },
      status: 400,
      error: 'malformed',
      problem: 'file.forbiddenKey',
    },
    {
      name: 'a set-up with thousands of groups, on the laptop',
      request: (setup) => {
        const groups = Array.from({ length: 5_000 }, (_, i) => ({ id: `g${i}` }));
        return postJson(
          '/api/workshops',
          { ...setup, id: `${setup.id.slice(0, -1)}0`, groups },
          {},
          '127.0.0.1',
        );
      },
      status: 400,
      error: 'malformed',
      problem: 'file.tooManyItems',
    },
    {
      name: 'a set-up over the size limit, on the laptop',
      request: (setup) =>
        postJson('/api/workshops', { ...setup, name: 'x'.repeat(200_000) }, {}, '127.0.0.1'),
      status: 413,
      error: 'tooLarge',
    },
    {
      name: 'a Host that is not an address, with an Origin',
      request: (setup, code) =>
        postJson('/api/submissions', payloadFileText(payloadFor(setup, given)), {
          [JOIN_CODE_HEADER]: code,
          Host: '[not an address',
          Origin: sameOrigin(),
        }),
      status: 403,
      error: 'otherSite',
    },
    {
      name: 'answers sent as another type',
      request: (setup, code) =>
        send('POST', '/api/submissions', {
          body: payloadFileText(payloadFor(setup, given)),
          headers: { 'Content-Type': 'application/jsonx', [JOIN_CODE_HEADER]: code },
          from: PHONE,
        }),
      status: 415,
      error: 'unsupportedMediaType',
    },
    {
      name: 'an unsatisfiable range (bytes=100-50)',
      request: () => send('GET', '/assets/big.js', { headers: { Range: 'bytes=100-50' } }),
      status: 416,
    },
    {
      name: 'a range past the end of the file',
      request: () => send('GET', '/assets/big.js', { headers: { Range: `bytes=${BIG.length}-` } }),
      status: 416,
    },
    {
      name: 'a range that is not one',
      request: () => send('GET', '/assets/big.js', { headers: { Range: 'bytes=abc' } }),
      status: 416,
    },
    {
      name: 'an empty suffix range (bytes=-0)',
      request: () => send('GET', '/assets/big.js', { headers: { Range: 'bytes=-0' } }),
      status: 416,
    },
    { name: 'a broken % escape in a path', request: () => send('GET', '/assets/%E0%A4%A'), status: 404 },
    { name: 'a lone % in a path', request: () => send('GET', '/%'), status: 404 },
    { name: 'a HEAD of the API', request: () => send('HEAD', '/api/submissions'), status: 405 },
    { name: 'OPTIONS *', request: () => send('OPTIONS', '*'), status: 405 },
    {
      name: 'a broken % escape in an API path',
      request: () => send('GET', '/api/workshops/%ZZ'),
      status: 404,
      error: 'notFound',
    },
    {
      name: 'an absolute URL as the path',
      request: () => send('GET', 'http://example.com/assets/app.js'),
      status: 404,
    },
    {
      name: 'another method on the API',
      request: (setup, code) =>
        send('PUT', '/api/submissions', {
          body: payloadFileText(payloadFor(setup, given)),
          headers: { ...JSON_TYPE, [JOIN_CODE_HEADER]: code },
        }),
      status: 405,
      error: 'methodNotAllowed',
    },
  ];

  it('answers every hostile request on purpose, stores nothing, and never reaches its last resort', async () => {
    const lines: string[] = [];
    const { setup } = workshop();
    room = await startRoomServer({
      dist,
      data,
      host: '127.0.0.1',
      port: 0,
      log: (line) => lines.push(line),
      limits: { sends: 1000 },
    });
    await openWorkshop(setup);
    const code = joinCodeOf(setup);
    const seen: string[] = [];
    for (const hostile of HOSTILE) {
      const reply = await hostile.request(setup, code);
      seen.push(`${hostile.name}: ${reply.status}`);
      expect(reply.status, hostile.name).toBe(hostile.status);
      if (hostile.error) expect(reply.json(), hostile.name).toMatchObject({ error: hostile.error });
      if (hostile.problem)
        expect(reply.json().problems, hostile.name).toMatchObject([{ code: hostile.problem }]);
      expect(await storedFiles(setup.id), hostile.name).toEqual([]);
      expect(await readdir(join(data, setup.id)), hostile.name).toEqual(['workshop.json']);
      expect(await readdir(data), hostile.name).toEqual([setup.id]);
    }
    expect(lines.filter((line) => line.startsWith('Could not answer'))).toEqual([]);
    // The server still takes good answers from the same device, with its own Origin.
    const good = await postJson('/api/submissions', payloadFileText(payloadFor(setup, given)), {
      [JOIN_CODE_HEADER]: code,
      Origin: sameOrigin(),
    });
    expect(good.status).toBe(201);
    expect(seen).toHaveLength(HOSTILE.length);
  });

  it('serves a satisfiable range, and the whole file for a range it does not serve', async () => {
    await start();
    const part = await send('GET', '/assets/app.js', { headers: { Range: 'bytes=0-6' } });
    expect(part.status).toBe(206);
    expect(part.text).toBe('console');
    expect(part.headers['content-range']).toBe('bytes 0-6/18');
    const tail = await send('GET', '/assets/app.js', { headers: { Range: 'bytes=8-' } });
    expect(tail.status).toBe(206);
    expect(tail.text).toBe('log("app")');
    const first = await send('GET', '/assets/app.js', { headers: { Range: 'bytes=0-0' } });
    // sirv cannot be asked for a part that ends at byte 0: the whole file, as HTTP allows.
    expect([first.status, first.text]).toEqual([200, 'console.log("app")']);
    const suffix = await send('GET', '/assets/app.js', { headers: { Range: 'bytes=-5' } });
    expect([suffix.status, suffix.text]).toEqual([206, 'app")']);
    const unit = await send('GET', '/assets/app.js', { headers: { Range: 'items=0-1' } });
    expect([unit.status, unit.text]).toEqual([200, 'console.log("app")']);
  });
});

describe('exclusive options over the room’s network', () => {
  // The server holds no questionnaire: it cannot tell "none of these" chosen with another
  // option from a good answer, so it stores plain answers that the facilitator's import refuses.
  const withChoice = questionnaire(
    [pillar('strategy', [question({ id: 'tools', type: 'multipleChoice' })])],
    { id: 'r130', version: '1.2.0' },
  );

  it('are refused by the facilitator’s import of what the server received', async () => {
    const { setup } = workshop();
    await start();
    await openWorkshop(setup);
    const both = payloadFor(setup, answers({ tools: value(['none', 'a']) }));
    expect((await sendAnswers(both, joinCodeOf(setup))).status).toBe(201);
    const other = '11111111-2222-4333-8444-555555555555';
    const alone = payloadFor(setup, answers({ tools: value(['none']) }), { participantId: other });
    expect((await sendAnswers(alone, joinCodeOf(setup))).status).toBe(201);

    const { files } = (await send('GET', `/api/workshops/${setup.id}/submissions`)).json() as {
      files: { name: string; text: string }[];
    };
    const outcomes = files.map((file) =>
      receive(file.text, {
        file: file.name,
        setup,
        questionnaire: withChoice,
        existing: () => undefined,
        via: 'network',
        now: NOW,
      }),
    );
    expect(outcomes).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          kind: 'refused',
          reason: 'invalid',
          problems: [
            expect.objectContaining({
              path: '$.content.answers.tools.response.value',
              code: 'answers.notPossible',
            }),
          ],
        }),
        expect.objectContaining({
          kind: 'added',
          submission: expect.objectContaining({ participantId: other }),
        }),
      ]),
    );
  });
});

describe('a workshop on a questionnaire added on the facilitator’s device', () => {
  const putQuestionnaire = (id: string, body: unknown, from = '127.0.0.1') =>
    send('PUT', `/api/workshops/${id}/questionnaire`, {
      body: JSON.stringify(body),
      headers: JSON_TYPE,
      from,
    });
  const getQuestionnaire = (code: string | undefined, from = PHONE) =>
    send('GET', '/api/questionnaire', { headers: code ? { [JOIN_CODE_HEADER]: code } : {}, from });

  it('serves the questionnaire the facilitator sent to whoever brings the typed code or the link’s code', async () => {
    const { setup } = workshop({ sealed: true });
    await start();
    await openWorkshop(setup);
    // Nothing to serve until the facilitator sends it.
    expect((await getQuestionnaire(joinCodeOf(setup))).status).toBe(404);
    expect((await putQuestionnaire(setup.id, QUESTIONNAIRE)).status).toBe(200);
    const typed = await getQuestionnaire(joinCodeOf(setup));
    expect(typed.status).toBe(200);
    expect(typed.json()).toEqual(QUESTIONNAIRE);
    const linkCode = encodeJoinCode(joinInfoOf(setup), { full: true });
    expect((await getQuestionnaire(linkCode)).json()).toEqual(QUESTIONNAIRE);
    // Another code, or none, gets nothing.
    const other = workshop().setup;
    expect((await getQuestionnaire(joinCodeOf(other))).status).toBe(404);
    expect((await getQuestionnaire(undefined)).status).toBe(404);
    // Kept with the workshop: a restarted server still serves it, and so does a set-up sent again.
    await room!.close();
    await start();
    await openWorkshop(setup);
    expect((await getQuestionnaire(joinCodeOf(setup))).json()).toEqual(QUESTIONNAIRE);
  });

  it('takes only the questionnaire the set-up names, only from the facilitator, only for a workshop collecting here', async () => {
    const { setup } = workshop();
    await start();
    expect((await putQuestionnaire(setup.id, QUESTIONNAIRE)).status).toBe(404);
    await openWorkshop(setup);
    const otherVersion = await putQuestionnaire(setup.id, { ...QUESTIONNAIRE, version: '9.0.0' });
    expect(otherVersion.status).toBe(400);
    expect(otherVersion.json()).toMatchObject({
      error: 'malformed',
      problems: [{ path: '$', code: 'workshop.carriedQuestionnaire' }],
    });
    expect((await putQuestionnaire(setup.id, QUESTIONNAIRE, PHONE)).status).toBe(403);
    expect((await getQuestionnaire(joinCodeOf(setup))).status).toBe(404);
  });

  it('refuses a questionnaire that does not pass the validator the devices use, naming where', async () => {
    const { setup } = workshop();
    await start();
    await openWorkshop(setup);
    const broken = structuredClone(QUESTIONNAIRE);
    broken.pillars[0]!.questions[0]!.sources = ['R130/no-such-clause'];
    const refused = await putQuestionnaire(setup.id, broken);
    expect(refused.status).toBe(400);
    expect(refused.json()).toMatchObject({
      error: 'malformed',
      problems: [{ path: '$.pillars[0].questions[0].sources[0]' }],
    });
    expect((await getQuestionnaire(joinCodeOf(setup))).status).toBe(404);
    expect((await putQuestionnaire(setup.id, QUESTIONNAIRE)).status).toBe(200);
  });
});
