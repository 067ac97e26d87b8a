/**
 * The convergence property of `tests/unit/sync/converge.test.ts` against the real server on
 * PostgreSQL, over HTTP: three devices of one organisation (a new one each run) edit the same
 * assessment, sync in any order, lose answers to pushes the server applied, and settle their
 * conflicts; then every device holds exactly what the server holds, and no edit was overwritten
 * unseen. Fewer runs than against the model: each one links devices and talks to PostgreSQL.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { addOrganisation } from '../../../server/admin.ts';
import { recordKey } from '../../../src/sync/core.ts';
import { syncOnce, type SyncTransport } from '../../../src/sync/engine.ts';
import { httpTransport } from '../../../src/sync/http.ts';
import type { ServerRecord } from '../../../src/sync/protocol.ts';
import { assessment, changeIds, ModelDevice } from '../sync/model.ts';
import {
  checkConverged,
  commandsArbitrary,
  History,
  QUESTIONS,
  settle,
  valuesHeld,
} from '../sync/property.ts';
import { linkedDevice, startTestRecord, type TestRecord } from './harness.ts';
import { newRecordId } from './records.ts';

vi.setConfig({ testTimeout: 600_000, hookTimeout: 180_000 });

let test: TestRecord;

beforeAll(async () => {
  test = await startTestRecord();
});

afterAll(() => test?.close());

/** The live records of one assessment, and every version the server no longer shows, from the database. */
async function onServer(assessmentId: string) {
  const rows = await test.record.database.owner.query<{
    kind: 'assessment' | 'answer';
    part: string;
    organisation_id: string;
    version: string;
    deleted: boolean;
    data: unknown;
  }>(
    `SELECT 'assessment' AS kind, '' AS part, organisation_id, version, deleted, data FROM assessments WHERE id = $1
     UNION ALL SELECT 'answer', question_id, organisation_id, version, deleted, data FROM answers WHERE assessment_id = $1`,
    [assessmentId],
  );
  const records: ServerRecord[] = rows.rows.map((row) => ({
    kind: row.kind,
    id: assessmentId,
    ...(row.kind === 'answer' ? { part: row.part } : {}),
    organisationId: row.organisation_id,
    version: Number(row.version),
    deleted: row.deleted,
    value: row.deleted ? null : row.data,
    changedAt: new Date().toISOString(),
    changedBy: row.organisation_id,
  }));
  const kept = await test.record.database.owner.query<{ data: unknown }>(
    'SELECT data FROM record_versions WHERE record_id = $1',
    [assessmentId],
  );
  return { records, kept: kept.rows.map((row) => ({ value: row.data })) };
}

/** HTTP, with the answer to the next push lost on request (the server applied it). */
function losingTransport(inner: SyncTransport) {
  const transport = {
    loseNextAnswer: false,
    push: async (changes: Parameters<SyncTransport['push']>[0]) => {
      const results = await inner.push(changes);
      if (transport.loseNextAnswer) {
        transport.loseNextAnswer = false;
        throw new Error('the answer was lost');
      }
      return results;
    },
    pull: (cursor: string) => inner.pull(cursor),
  };
  return transport;
}

describe('sync converges on the real server', () => {
  it('whatever the order of edits, pushes, pulls and lost answers', async () => {
    await fc.assert(
      fc.asyncProperty(commandsArbitrary(3, 25), async (commands) => {
        const organisation = await addOrganisation(test.record.database, { name: `Run ${newRecordId()}` });
        const linked = await Promise.all([0, 1, 2].map(() => linkedDevice(test, organisation, 'editor')));
        const devices = linked.map(() => new ModelDevice());
        const transports = linked.map((device) =>
          losingTransport(httpTransport({ base: `${test.origin}/`, token: device.token })),
        );
        const history = new History(devices.length);
        const id = newRecordId();
        let clock = Date.parse('2026-01-01T00:00:00.000Z');
        const now = () => new Date((clock += 1000));
        const sync = async (index: number) => {
          const report = await syncOnce(devices[index]!, transports[index]!, { now, newId: changeIds }).catch(
            () => undefined,
          );
          history.saw(index, devices[index]!);
          return report;
        };

        devices[0]!.data.set(recordKey({ kind: 'assessment', id }), assessment(id));
        for (const index of [0, 1, 2]) await sync(index);

        for (const command of commands) {
          const device = devices[command.device]!;
          if (command.kind === 'edit') {
            history.saw(command.device, device);
            const question = QUESTIONS[command.question]!;
            if (device.edit(id, question, command.field, command.text, now()))
              history.wrote(command.device, question, command.field, command.text);
          } else if (command.kind === 'resolve') {
            const key = [...device.conflicts.keys()][0];
            if (key) {
              device.resolve(key, command.keep, now());
              history.chose(command.device, device, key);
            }
          } else if (command.kind === 'loseAnswer') transports[command.device]!.loseNextAnswer = true;
          else if (await sync(command.device)) {
            const server = await onServer(id);
            const held = valuesHeld(
              server.records.map((record) => record.value),
              server.kept,
            );
            for (const text of valuesHeld([...device.data.values()])) expect(held).toContain(text);
          }
        }
        await settle(devices, sync, now, (index, key) => history.chose(index, devices[index]!, key));
        const { records } = await onServer(id);
        checkConverged(devices, records);
        history.check(records);
      }),
      { numRuns: 12 },
    );
  });
});
