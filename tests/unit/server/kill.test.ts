/**
 * The server killed (SIGKILL) in the middle of a push: the batch's transaction never commits, so
 * nothing of it is stored; the device, running the app's sync engine, sends the same batch (same
 * change ids) again once the server is back, and again as if that answer had been lost too. At
 * the end the record holds exactly the pushed records, once each.
 *
 * "In the middle" is made certain, not timed: the test holds a lock on one row the batch updates
 * halfway through, waits until PostgreSQL shows the server's transaction waiting on it (after
 * writing the first half), and kills the server then.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { addAccount, addOrganisation, createLinkCode, grantRole } from '../../../server/admin.ts';
import { freePort } from '../../../server/postgres.ts';
import { openRecord, type OpenRecord } from '../../../server/record.ts';
import { recordKey } from '../../../src/sync/core.ts';
import { syncOnce } from '../../../src/sync/engine.ts';
import { httpTransport, link } from '../../../src/sync/http.ts';
import { MemoryLocal } from '../../../src/sync/memoryLocal.ts';
import { changeIds } from '../sync/model.ts';
import { answerValue, assessmentValue, newRecordId } from './records.ts';

vi.setConfig({ testTimeout: 180_000, hookTimeout: 180_000 });

let data = '';
let record: OpenRecord;
let child: ChildProcess | undefined;
let port = 0;

/** Starts the server process and waits for it to say it listens. */
async function startServer(): Promise<void> {
  child = spawn(
    process.execPath,
    ['node_modules/jiti/lib/jiti-cli.mjs', 'tests/unit/server/childServer.ts', data, String(port)],
    {
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  const started = child;
  await new Promise<void>((resolve, reject) => {
    started.stdout!.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('ready')) resolve();
    });
    started.once('exit', (code) => reject(new Error(`The server exited (${code}) before it was ready`)));
  });
}

beforeAll(async () => {
  data = await mkdtemp(join(tmpdir(), 'baseline-kill-'));
  record = await openRecord({ data });
  port = await freePort();
});

afterAll(async () => {
  child?.kill('SIGKILL');
  await record?.close();
  await rm(data, { recursive: true, force: true });
});

const count = async (sql: string, params: unknown[]) =>
  Number((await record.database.owner.query<{ n: string }>(sql, params)).rows[0]?.n);

describe('the server killed in the middle of a push', () => {
  it('stores nothing of the interrupted batch; after a restart and retries, exactly the pushed records, once each', async () => {
    const db = record.database;
    const organisation = await addOrganisation(db, { name: 'Agency' });
    await addAccount(db, { username: 'ines', displayName: 'Ines' });
    await grantRole(db, 'ines', organisation, 'editor');
    const { code } = await createLinkCode(db, 'ines');
    await startServer();
    const base = `http://127.0.0.1:${port}/`;
    const linked = await link({ base }, { code, deviceName: 'Laptop' });
    const transport = httpTransport({ base, token: linked.token });
    const device = new MemoryLocal();
    const id = newRecordId();
    const put = (questionId: string, value: string) =>
      device.data.set(recordKey({ kind: 'answer', id, part: questionId }), answerValue(questionId, value));

    // Synced once: the assessment and the answer the batch will change halfway.
    device.data.set(recordKey({ kind: 'assessment', id }), assessmentValue(id));
    put('lock.me', 'before');
    await syncOnce(device, transport, { newId: changeIds });

    // 150 new answers, the change to the locked one, 149 more: one batch of 300.
    for (let i = 0; i < 150; i++) put(`first.q${i}`, `a${i}`);
    device.data.delete(recordKey({ kind: 'answer', id, part: 'lock.me' }));
    put('lock.me', 'after');
    for (let i = 0; i < 149; i++) put(`second.q${i}`, `b${i}`);

    const blocker = await db.owner.connect();
    await blocker.query('BEGIN');
    await blocker.query(
      "SELECT 1 FROM answers WHERE assessment_id = $1 AND question_id = 'lock.me' FOR UPDATE",
      [id],
    );
    const interrupted = syncOnce(device, transport, { newId: changeIds });
    // Wait (bounded) until the server's transaction is stuck on the locked row, halfway through.
    // (Only a superuser sees what other roles' sessions wait on.)
    const superuser = new pg.Client({ connectionString: record.cluster!.url('superuser') });
    await superuser.connect();
    for (let tries = 0; ; tries++) {
      const found = await superuser.query<{ n: string }>(
        "SELECT count(*) AS n FROM pg_stat_activity WHERE application_name = 'baseline-server' AND wait_event_type = 'Lock'",
      );
      const waiting = Number(found.rows[0]?.n);
      if (waiting > 0) break;
      if (tries > 600) throw new Error('The push never reached the locked row');
      await sleep(50);
    }
    await superuser.end();
    child!.kill('SIGKILL');
    await expect(interrupted).rejects.toThrow();
    await blocker.query('ROLLBACK');
    blocker.release();

    // The batch's transaction never committed: none of it is there.
    const answers = (sql = 'SELECT count(*) AS n FROM answers WHERE assessment_id = $1') => count(sql, [id]);
    for (let tries = 0; (await answers()) !== 1; tries++) {
      if (tries > 200) throw new Error('The interrupted transaction left rows behind');
      await sleep(50);
    }
    const batch = (await device.pendingBatch())!;
    expect(batch).toHaveLength(300);

    await startServer();
    const report = await syncOnce(device, transport, { newId: changeIds });
    expect(report.applied).toBe(300);
    expect(await device.pendingBatch()).toBeUndefined();

    // As if the answer to that push had been lost too: the same batch again gets the same results.
    const results = await transport.push(batch);
    expect(results.map((result) => result.status)).toEqual(batch.map(() => 'applied'));
    // Each answer is at the version its change got, once.
    const versions = await count('SELECT sum(version) AS n FROM answers WHERE assessment_id = $1', [id]);
    expect(results.reduce((sum, result) => sum + (result.status === 'applied' ? result.version : 0), 0)).toBe(
      versions,
    );
    const applied = await record.database.owner.query('SELECT change_id FROM applied_changes');
    expect(applied.rowCount).toBe(302);
    expect(await answers()).toBe(300);
    expect(
      await answers('SELECT count(DISTINCT question_id) AS n FROM answers WHERE assessment_id = $1'),
    ).toBe(300);
    expect(
      await count('SELECT count(DISTINCT version) AS n FROM answers WHERE assessment_id = $1', [id]),
    ).toBe(300);
    expect(await count('SELECT count(*) AS n FROM record_versions WHERE record_id = $1', [id])).toBe(1);
    const locked = await record.database.owner.query<{ data: { response: { value: string } } }>(
      "SELECT data FROM answers WHERE assessment_id = $1 AND question_id = 'lock.me'",
      [id],
    );
    expect(locked.rows[0]?.data.response.value).toBe('after');

    // Everything the device holds is now its base: nothing left to send.
    const again = await syncOnce(device, transport, { newId: changeIds });
    expect(again.sent).toBe(0);
    expect(await answers()).toBe(300);
  });
});
