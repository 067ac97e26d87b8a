/**
 * Push and pull on a real PostgreSQL: versions per organisation, checkpoints and pages, the same
 * batch sent twice, conflicts with the losing version kept, deletions that travel, ids taken
 * elsewhere, and a facilitator's workshop reaching the record with sealed answers still sealed.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { asCaller } from '../../../server/database.ts';
import { pull } from '../../../server/sync.ts';
import type { PushResult, ServerRecord } from '../../../src/sync/protocol.ts';
import { syncedSubmission, syncedWorkshop } from '../../../src/sync/records.ts';
import { makePayload } from '../../../src/workshop/payload.ts';
import { generateKeyPair } from '../../../src/workshop/seal.ts';
import { createSetup, joinInfoOf } from '../../../src/workshop/setup.ts';
import { linkedDevice, ministry, startTestRecord, type TestDevice, type TestRecord } from './harness.ts';
import { answerChange, answerValue, assessmentChange, AT, newRecordId } from './records.ts';

vi.setConfig({ testTimeout: 60_000, hookTimeout: 180_000 });

let test: TestRecord;
let orgs: Awaited<ReturnType<typeof ministry>>;
let ana: TestDevice;
let bo: TestDevice;

beforeAll(async () => {
  test = await startTestRecord();
  orgs = await ministry(test);
  ana = await linkedDevice(test, orgs.cirt, 'editor');
  bo = await linkedDevice(test, orgs.cirt, 'editor');
});

afterAll(() => test?.close());

const owner = <T extends object>(sql: string, params: unknown[] = []) =>
  test.record.database.owner.query<T>(sql, params);

async function pullAll(device: TestDevice, from = ''): Promise<{ records: ServerRecord[]; cursor: string }> {
  const records: ServerRecord[] = [];
  let cursor = from;
  for (;;) {
    const page = await device.pull(cursor);
    expect(page.status).toBe(200);
    records.push(...page.body.records);
    cursor = page.body.cursor;
    if (!page.body.more) return { records, cursor };
  }
}

describe('push and pull', () => {
  it('gives each change the next version of its organisation; another device pulls what is newer than its checkpoint', async () => {
    const { cursor } = await pullAll(bo);
    const id = newRecordId();
    const pushed = await ana.push([assessmentChange(id), answerChange(id, 'strategy.exists', 'yes')]);
    const versions = pushed.body.results.map((result) => (result.status === 'applied' ? result.version : 0));
    expect(versions[1]).toBe(versions[0]! + 1);
    const { records, cursor: next } = await pullAll(bo, cursor);
    expect(records.map((record) => [record.kind, record.id, record.part, record.version])).toEqual([
      ['assessment', id, undefined, versions[0]],
      ['answer', id, 'strategy.exists', versions[1]],
    ]);
    expect(records[1]).toMatchObject({ changedBy: ana.info.account.id, organisationId: orgs.cirt });
    expect((await pullAll(bo, next)).records).toEqual([]);
  });

  it('writes a batch in a few statements yet as if one change after another: parents first, a record twice', async () => {
    const id = newRecordId();
    const versionOf = (result: PushResult | undefined) => (result?.status === 'applied' ? result.version : 0);
    const first = await ana.push([
      answerChange(id, 'q.early', 'before its assessment'),
      assessmentChange(id),
      answerChange(id, 'strategy.exists', 'yes'),
      answerChange(id, 'cirt.exists', 'no'),
    ]);
    // An answer whose assessment the server does not know yet has nowhere to go.
    expect(first.body.results.map((result) => result.status)).toEqual([
      'denied',
      'applied',
      'applied',
      'applied',
    ]);
    const [, made, strategy, cirt] = first.body.results.map(versionOf);
    expect([strategy, cirt]).toEqual([made! + 1, made! + 2]);

    // The same answer twice in one batch (the second made from the first), and a deletion.
    const second = await ana.push([
      answerChange(id, 'strategy.exists', 'partly', strategy),
      answerChange(id, 'strategy.exists', 'partly', cirt! + 1, 'second thoughts'),
      { ...answerChange(id, 'cirt.exists', 'no', cirt), deleted: true, value: undefined },
    ]);
    expect(second.body.results.map(versionOf)).toEqual([cirt! + 1, cirt! + 2, cirt! + 3]);
    const stored = await owner<{ question_id: string; version: string; deleted: boolean; data: unknown }>(
      'SELECT question_id, version, deleted, data FROM answers WHERE assessment_id = $1 ORDER BY question_id',
      [id],
    );
    expect(stored.rows.map((row) => [row.question_id, Number(row.version), row.deleted])).toEqual([
      ['cirt.exists', cirt! + 3, true],
      ['strategy.exists', cirt! + 2, false],
    ]);
    expect(stored.rows[1]!.data).toMatchObject({ comment: 'second thoughts', response: { value: 'partly' } });
    // Every version replaced is kept, the one replaced within the batch too.
    const superseded = await owner<{ version: string }>(
      `SELECT version FROM record_versions WHERE record_id = $1 AND part_id = 'strategy.exists'
       AND reason = 'superseded' ORDER BY version`,
      [id],
    );
    expect(superseded.rows.map((row) => Number(row.version))).toEqual([strategy, cirt! + 1]);
  });

  it('pulls in pages, each ending where the next starts', async () => {
    const id = newRecordId();
    const changes = [assessmentChange(id)];
    for (let i = 0; i < 25; i++) changes.push(answerChange(id, `q.n${i}`, String(i)));
    await ana.push(changes);
    const seen: ServerRecord[] = [];
    let cursor = '';
    for (let page = 0; page < 100; page++) {
      const found = await asCaller(test.record.database, bo.token, (client) => pull(client, cursor, 7));
      seen.push(...found.records);
      cursor = found.cursor;
      if (!found.more) break;
    }
    const mine = seen.filter((record) => record.id === id);
    expect(mine).toHaveLength(26);
    expect(new Set(seen.map((record) => `${record.kind}${record.id}${record.part}`)).size).toBe(seen.length);
  });

  it('applies a batch sent twice once, with the same results', async () => {
    const id = newRecordId();
    const batch = [assessmentChange(id), answerChange(id, 'strategy.exists', 'yes')];
    const first = await ana.push(batch);
    const second = await ana.push(batch);
    expect(second.body).toEqual(first.body);
    const rows = await owner<{ n: string }>('SELECT count(*) AS n FROM answers WHERE assessment_id = $1', [
      id,
    ]);
    expect(rows.rows[0]?.n).toBe('1');
    const history = await owner<{ n: string }>(
      'SELECT count(*) AS n FROM record_versions WHERE record_id = $1',
      [id],
    );
    expect(history.rows[0]?.n).toBe('0');
  });

  it('refuses a change made from an older version, keeps it as the version that lost, and sends back the current one', async () => {
    const id = newRecordId();
    const made = await ana.push([assessmentChange(id), answerChange(id, 'strategy.exists', 'yes')]);
    const start = made.body.results[1]!.status === 'applied' ? made.body.results[1]!.version : 0;
    const anaChange = await ana.push([answerChange(id, 'strategy.exists', 'no', start, 'Ana’s reason')]);
    expect(anaChange.body.results[0]?.status).toBe('applied');
    const boChange = await bo.push([answerChange(id, 'strategy.exists', 'partly', start, 'Bo’s reason')]);
    const result = boChange.body.results[0]!;
    expect(result.status).toBe('conflict');
    expect(result.status === 'conflict' && result.current.value).toMatchObject({ comment: 'Ana’s reason' });

    const kept = await owner<{
      reason: string;
      data: { comment?: string };
      changed_by: string;
      against_version: string | null;
    }>(
      'SELECT reason, data, changed_by, against_version FROM record_versions WHERE record_id = $1 ORDER BY id',
      [id],
    );
    expect(kept.rows.map((row) => [row.reason, row.data.comment, row.changed_by])).toEqual([
      ['superseded', undefined, ana.info.account.id],
      ['rejected', 'Bo’s reason', bo.info.account.id],
    ]);
    expect(Number(kept.rows[1]?.against_version)).toBeGreaterThan(start);
  });

  it('carries deletions: an assessment deleted on one device is deleted on the other, and can come back', async () => {
    const id = newRecordId();
    const made = await ana.push([assessmentChange(id)]);
    const version = made.body.results[0]!.status === 'applied' ? made.body.results[0]!.version : 0;
    const { cursor } = await pullAll(bo);
    const deleted = await ana.push([
      { changeId: randomUUID(), kind: 'assessment', id, baseVersion: version, deleted: true },
    ]);
    expect(deleted.body.results[0]?.status).toBe('applied');
    const { records } = await pullAll(bo, cursor);
    const tombstone = records.find((record) => record.id === id);
    expect(tombstone).toMatchObject({ deleted: true, value: null });
    const back = await bo.push([assessmentChange(id, tombstone!.version, { name: 'Restored' })]);
    expect(back.body.results[0]?.status).toBe('applied');
  });

  it('gives a new record whose id another organisation uses back for a new id, telling nothing else', async () => {
    const other = await linkedDevice(test, orgs.regulator, 'editor');
    const id = newRecordId();
    await other.push([assessmentChange(id)]);
    const mine = await ana.push([assessmentChange(id)]);
    expect(mine.body.results[0]).toEqual({ changeId: expect.any(String) as unknown, status: 'idTaken' });
  });

  it('refuses a record the app could not have made, and one sent under another id', async () => {
    const id = newRecordId();
    const bad = await ana.push([
      { ...assessmentChange(id), value: { id, name: '' } },
      { ...answerChange(id, 'strategy.exists', 'yes'), part: 'cirt.exists' },
    ]);
    expect(bad.body.results.map((result) => result.status)).toEqual(['invalid', 'invalid']);
    const garbage = await ana.push([{ nonsense: true }] as never);
    expect(garbage.status).toBe(400);
  });
});

describe('a workshop reaches the record', () => {
  it('as a workshop organisation of its own, with submissions as received and its consensus', async () => {
    const facilitator = await linkedDevice(test, orgs.cirt, 'facilitator');
    const coordinator = await linkedDevice(test, orgs.ministry, 'coordinator');
    const keys = generateKeyPair();
    const setup = createSetup(
      {
        name: 'Regional workshop',
        questionnaire: { id: 'sample', version: '1.0.0' },
        defaultGroups: ['government'],
        customGroups: [],
        anonymous: false,
        sealTo: keys.publicKey,
      },
      new Date(AT),
    );
    const payload = makePayload(
      {
        join: joinInfoOf(setup),
        participantId: randomUUID(),
        group: 'government',
        name: 'Participant',
        answers: { 'strategy.exists': answerValue('strategy.exists', 'yes') },
        updatedAt: AT,
      },
      new Date(AT),
    );
    const workshop = syncedWorkshop({
      id: setup.id,
      setup,
      secretKey: keys.secretKey,
      createdAt: AT,
      updatedAt: AT,
    });
    const submission = syncedSubmission(
      {
        workshopId: setup.id,
        participantId: payload.participantId,
        group: 'government',
        name: 'Participant',
        answers: { 'strategy.exists': answerValue('strategy.exists', 'yes') },
        updatedAt: AT,
        createdAt: AT,
        checksum: payload.checksum,
        receivedAt: AT,
        via: 'file',
        payload,
      },
      true,
    );
    const consensusId = newRecordId();
    const consensus = assessmentChange(consensusId, null, {
      provenance: {
        kind: 'workshopConsensus',
        workshopId: setup.id,
        workshopName: setup.name,
        questionnaire: setup.questionnaire,
        participants: { total: 1, byGroup: { government: 1 } },
        groupLabels: {},
        agreement: 1,
        agreementByPillar: {},
        dissent: {},
        decidedAt: AT,
      },
    });
    const pushed = await facilitator.push([
      {
        changeId: randomUUID(),
        kind: 'workshop',
        id: setup.id,
        baseVersion: null,
        deleted: false,
        value: workshop,
      },
      {
        changeId: randomUUID(),
        kind: 'submission',
        id: setup.id,
        part: payload.participantId,
        baseVersion: null,
        deleted: false,
        value: submission,
      },
      consensus,
      answerChange(consensusId, 'strategy.exists', 'yes'),
    ]);
    expect(pushed.body.results.map((result) => result.status)).toEqual([
      'applied',
      'applied',
      'applied',
      'applied',
    ]);

    const stored = await owner<{
      kind: string;
      parent_id: string;
      name: string;
      data: unknown;
      answers: unknown;
      payload: unknown;
    }>(
      `SELECT o.kind, o.parent_id, o.name, w.data, s.data->'answers' AS answers, s.data->'payload' AS payload
       FROM workshops w JOIN organisations o ON o.id = w.organisation_id JOIN submissions s ON s.workshop_id = w.id
       WHERE w.id = $1`,
      [setup.id],
    );
    const row = stored.rows[0]!;
    expect(row).toMatchObject({ kind: 'workshop', parent_id: orgs.cirt, name: 'Regional workshop' });
    expect(JSON.stringify(row.data)).not.toContain(keys.secretKey);
    expect(row.answers).toBeNull();
    expect(row.payload).toEqual(payload);
    expect(JSON.stringify(row.payload)).not.toContain('Participant');

    const consensusOrg = await owner<{ organisation_id: string }>(
      'SELECT organisation_id FROM assessments WHERE id = $1',
      [consensusId],
    );
    const workshopOrg = await owner<{ organisation_id: string }>(
      'SELECT organisation_id FROM workshops WHERE id = $1',
      [setup.id],
    );
    expect(consensusOrg.rows[0]?.organisation_id).toBe(workshopOrg.rows[0]?.organisation_id);
    // The ministry's coordinator sees the consensus; the regulator's editor does not.
    expect((await pullAll(coordinator)).records.some((record) => record.id === consensusId)).toBe(true);
    const regulator = await linkedDevice(test, orgs.regulator, 'editor');
    expect((await pullAll(regulator)).records.some((record) => record.id === consensusId)).toBe(false);
  });
});
